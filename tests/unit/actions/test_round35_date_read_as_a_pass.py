"""Round 35 (make run, r35-a): "je sais pas trop, sans doute avant la fin du mois" at the deadline question was read as a
pass (skip_question, 0.97): "Échéance : non précisé", the date lost from the case. A date said with a doubt answers the
question it was asked at; a doubt alone, or a refusal, still passes it."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import SKIPPED
from actions.intake_actions import ValidateSituationForm
from tests.support.trackers import bot, tracker, user


def _passed_at(slot: str, words: str) -> dict:
    events = [
        user("la banque m'a coupé le découvert", "describe_situation"),
        {"event": "slot", "name": "requested_slot", "value": slot},
        bot(f"question {slot}"),
        user(words, "skip_question"),
        {"event": "slot", "name": slot, "value": SKIPPED},
    ]
    current = tracker(events, slots={"requested_slot": slot, slot: SKIPPED}, active_loop="situation_form")
    return getattr(ValidateSituationForm(), f"validate_{slot}")(SKIPPED, CollectingDispatcher(), current, {})


@pytest.mark.parametrize(
    "slot, words, kept",
    [
        ("deadline", "je sais pas trop, sans doute avant la fin du mois", "fin du mois"),
        ("deadline", "bof j'en sais rien, fin janvier peut-être ?", "fin janvier"),
        ("deadline", "euh je crois d'ici trois semaines, je suis pas sûre", "trois semaines"),
        ("since_when", "je sais plus trop, il y a deux ans peut-être", "deux ans"),
        ("since_when", "difficile à dire... depuis la rentrée je dirais", "rentrée"),
    ],
)
def test_a_date_said_with_a_doubt_is_the_answer(slot, words, kept):
    result = _passed_at(slot, words)
    assert result[slot] != SKIPPED
    assert kept in result[slot]


@pytest.mark.parametrize(
    "slot, words",
    [
        ("deadline", "je sais pas trop"),
        ("deadline", "aucune idée"),
        ("deadline", "je préfère ne pas dire"),
        ("since_when", "je sais plus du tout"),
    ],
)
def test_a_doubt_or_a_refusal_alone_still_passes(slot, words):
    assert _passed_at(slot, words) == {slot: SKIPPED}
