"""Declining a question is passing it, also when the classifier reads the refusal as a no (round 31, make run):
"non je préfère pas dire" at the deadline question was stored as "aucune échéance connue", which the case shows the
advisor as an answer. A plain no keeps its meaning."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import SKIPPED
from actions.intake_actions import WHAT_A_NO_SAYS, ValidateSituationForm
from tests.support.trackers import bot, tracker, user


def _validated(slot: str, words: str) -> dict:
    mapped = WHAT_A_NO_SAYS[slot]
    events = [
        user("mon loyer d'atelier augmente de moitié au renouvellement"),
        {"event": "slot", "name": "requested_slot", "value": slot},
        bot(f"question {slot}"),
        user(words, "deny"),
        {"event": "slot", "name": slot, "value": mapped},
    ]
    current = tracker(events, slots={"requested_slot": slot, slot: mapped}, active_loop="situation_form")
    return getattr(ValidateSituationForm(), f"validate_{slot}")(mapped, CollectingDispatcher(), current, {})


@pytest.mark.parametrize("slot", ["deadline", "employees", "creditors", "steps_taken"])
@pytest.mark.parametrize(
    "words",
    [
        "non je préfère pas dire",
        "non, je ne souhaite pas répondre à ça",
        "non, ça je le garde pour moi",
        "non j ai pas envie d en parler",
        "nan ça vous regarde pas",
    ],
)
def test_a_refusal_read_as_a_no_passes_the_question(slot, words):
    assert _validated(slot, words) == {slot: SKIPPED}


@pytest.mark.parametrize("slot", ["deadline", "employees", "creditors", "steps_taken"])
@pytest.mark.parametrize("words", ["non", "non aucune", "non rien du tout", "non merci"])
def test_a_plain_no_is_still_the_answer(slot, words):
    assert _validated(slot, words) == {slot: WHAT_A_NO_SAYS[slot]}
