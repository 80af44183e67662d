"""Round 29, talker b (fixr): the real trouble told at an intake question after a word of waiting, over a real
tracker and the real intake form.

- r29-b-18: "attendez en fait le vrai souci c'est mon associé, il est parti avec la caisse et il a vidé le compte de
  la sarl" at the deadline question got "Prenez votre temps. Je vous repose la question :", as if nothing was said.
Sentences of our own, and near misses (a pause is still a pause).
"""

from __future__ import annotations

import pytest
import yaml

from actions.intake_actions import ValidateSituationForm
from intake.answers import TAKE_YOUR_TIME
from ops.settings import REPO_ROOT
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

DOMAIN = {"forms": yaml.safe_load((REPO_ROOT / "bot/domain/intake.yml").read_text(encoding="utf-8"))["forms"]}
DEADLINE = "Avez-vous une échéance proche, comme une audience, une saisie ou des salaires à payer ?"


def _at_the_deadline_question(words: str, intent: str = "inform"):
    events = [
        user("un client me doit 7000 depuis juin"),
        {"event": "slot", "name": "requested_slot", "value": "deadline"},
        bot(DEADLINE),
        user(words, intent),
        {"event": "slot", "name": "deadline", "value": words},
    ]
    slots = {
        "difficulty_categories": ["tresorerie"],
        "urgency": "normale",
        "requested_slot": "deadline",
        "deadline": words,
    }
    dispatcher, produced = run(
        ValidateSituationForm(), tracker(events, slots=slots, active_loop="situation_form"), DOMAIN
    )
    return texts(dispatcher), slot_events(produced)


@pytest.mark.parametrize(
    "words",
    [
        "attendez, le plus gros problème en fait c'est ma banque qui a tout bloqué",
        "un instant... en fait mon fournisseur m'a coupé les livraisons depuis lundi",
        "attendez le vrai souci c'est ma gérante partie avec le chéquier de la société",
    ],
)
def test_the_real_trouble_after_a_word_of_waiting_is_not_waited_for(words):
    said, slots = _at_the_deadline_question(words)
    assert not any(text.startswith(TAKE_YOUR_TIME) for text in said)
    assert slots.get("deadline") != words  # the trouble told is no deadline


@pytest.mark.parametrize("words", ["attendez je cherche le courrier", "un instant, en fait je regarde"])
def test_a_pause_is_still_a_pause(words):
    said, _ = _at_the_deadline_question(words, "deny")
    assert any(text.startswith(TAKE_YOUR_TIME) for text in said)
