"""« conseiller », the word the bot tells people to write, is a request for a person whatever the classifier read;
a message the crisis guard decided keeps its decision (bot/components/keyword_guard.py)."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.crisis_guard import DECISION_KEY
from bot.components.keyword_guard import KeywordGuard, keyword_intent


@pytest.mark.parametrize(
    "text, intent",
    [
        ("conseiller", "request_human"),
        ("Conseiller !", "request_human"),
        ("« conseiller »", "request_human"),
        ("conseiller svp", "request_human"),
        ("Conseillère", "request_human"),
        ("un conseiller stp", "request_human"),
        ("je veux un conseiller", None),  # a sentence: the classifier reads it (request_human at 0.9)
        ("conseiller municipal", None),
        ("mon conseiller bancaire m'a lâché", None),
    ],
)
def test_the_keyword_alone_is_a_request_for_a_person(text, intent):
    assert keyword_intent(text) == intent


def _message(text: str, intent: str, **data: object) -> Message:
    return Message({TEXT: text, INTENT: {"name": intent, "confidence": 0.45}, **data})


def test_the_guard_forces_the_intent_and_leaves_the_crisis_guards_decision():
    guard = KeywordGuard()
    read, decided, sentence = (
        _message("conseiller", "nlu_fallback"),
        _message("conseiller", "express_distress", **{DECISION_KEY: "crisis"}),
        _message("je veux un conseiller", "request_human"),
    )
    guard.process([read, decided, sentence])
    assert read.get(INTENT) == {"name": "request_human", "confidence": 1.0}
    assert decided.get(INTENT)["name"] == "express_distress"
    assert sentence.get(INTENT) == {"name": "request_human", "confidence": 0.45}
