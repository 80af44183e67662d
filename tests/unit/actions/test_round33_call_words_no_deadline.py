"""Round 33 (r33-m): "ok je préfère appeler moi-même demain matin" at the deadline question: the mapping put the words in
the deadline, the triage read "demain" in them and made the case haute, and the form's own reading (no deadline) came
too late: urgency never goes down in a conversation. Words about the call are no deadline for the triage to read."""

from __future__ import annotations

import pytest

from actions.triage_actions import ValidateTriageSlots
from tests.support.trackers import bot, run, slot_events, tracker, user

FIRST = "je suis ébéniste, un client a annulé une cuisine et je ne peux pas payer les cotisations du trimestre"


def _urgency(words: str) -> str | None:
    events = [
        user(FIRST, "describe_situation"),
        {"event": "slot", "name": "urgency", "value": "normale"},
        {"event": "slot", "name": "difficulty_categories", "value": ["cotisations_sociales"]},
        {"event": "slot", "name": "requested_slot", "value": "deadline"},
        bot("Avez-vous une échéance proche ? Si oui, à quelle date ?"),
        user(words, "inform"),
        {"event": "slot", "name": "deadline", "value": words},
    ]
    slots = {
        "urgency": "normale",
        "difficulty_categories": ["cotisations_sociales"],
        "requested_slot": "deadline",
        "deadline": words,
    }
    _, produced = run(ValidateTriageSlots(), tracker(events, slots))
    return slot_events(produced).get("urgency", "normale")


@pytest.mark.parametrize(
    "words",
    [
        "ok je préfère appeler moi-même demain matin",
        "rappelez-moi demain matin",
        "oui qu'on m'appelle, plutôt jeudi après-midi",
    ],
)
def test_words_about_the_call_raise_no_urgency(words):
    assert _urgency(words) == "normale"


def test_a_deadline_said_still_counts():
    assert _urgency("l'huissier passe demain matin") in ("haute", "critique")
