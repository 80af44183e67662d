"""The crisis guard on real Rasa messages (no trained model needed: it runs after the classifier)."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.components.crisis_guard import CrisisGuard


def classified(text: str, ranking: list[tuple[str, float]]) -> Message:
    message = Message(data={"text": text})
    entries = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    message.set("intent", entries[0])
    message.set("intent_ranking", entries)
    return message


def guarded(message: Message) -> str:
    CrisisGuard({"classifier_only_threshold": 0.85}).process([message])
    return message.get("intent")["name"]


@pytest.mark.parametrize(
    "text, ranking, expected",
    [
        # The lexicon wins over any classifier output.
        ("je pense à me supprimer", [("describe_situation", 0.9), ("express_distress", 0.1)], "express_distress"),
        ("jveux plus vivre", [("nlu_fallback", 0.5), ("inform", 0.3)], "express_distress"),
        # A confident classifier alone gets a gentle check, not the crisis path.
        ("je vois pas d'autre issue pour la boite", [("express_distress", 0.9999), ("describe_situation", 0.0)], "express_overwhelm"),
        ("mon père en fin de vie", [("express_distress", 0.9995), ("express_overwhelm", 0.0)], "express_overwhelm"),
        # An unsure classifier without any lexical sign falls back to its next guess.
        ("hier", [("express_distress", 0.48), ("out_of_scope", 0.15)], "out_of_scope"),
        ("comment on prépare sa retraite", [("express_distress", 0.75), ("out_of_scope", 0.11)], "out_of_scope"),
        # Idioms are not crises, whatever the words.
        ("la TVA va me tuer", [("describe_situation", 0.8), ("express_distress", 0.2)], "describe_situation"),
        # Button payloads say their intent themselves.
        ("/affirm", [("affirm", 1.0)], "affirm"),
    ],
)
def test_two_signals_decide(text, ranking, expected):
    assert guarded(classified(text, ranking)) == expected


def test_forced_crisis_leads_the_ranking_once():
    message = classified("j'ai envie de mourir", [("inform", 0.6), ("express_distress", 0.3)])
    guarded(message)
    names = [entry["name"] for entry in message.get("intent_ranking")]
    assert names[0] == "express_distress" and names.count("express_distress") == 1
