"""Round 32 (make run, r32-a): a yes to the callback offer that says when, classified as a farewell ("bon ok mais pas
avant jeudi, je suis à la boutique à nettoyer toute la journée"), was taken as a yes by the stop action but the moment
was lost, and the urgent case promised a call the same day. The stop action now takes the yes as the form's validation
does, the moment included. Over real trackers and the real stop action."""

from __future__ import annotations

import pytest

from actions.intake_actions import ActionStopConversation
from tests.support.handoff_form import DOMAIN, SITUATION
from tests.support.trackers import bot, run, slot_events, tracker, user


def _stop(words: str, question: str, slots: dict) -> tuple[list[str], dict, list]:
    events = [user("un dégât des eaux a tout noyé dans l'atelier"), bot("?"), user(words, "goodbye")]
    current = tracker(events, slots={**SITUATION, **slots, "requested_slot": question}, active_loop="handoff_form")
    dispatcher, produced = run(ActionStopConversation(), current, DOMAIN)
    return [m.get("text") or "" for m in dispatcher.messages], slot_events(produced), produced


@pytest.mark.parametrize(
    "words, moment",
    [
        ("bon ok mais pas avant mercredi, je range le magasin toute la journée", "pas avant mercredi"),
        ("ok d'accord mais pas avant vendredi", "pas avant vendredi"),
        ("oui mais plutôt en fin d'après-midi", "en fin d'après-midi"),
    ],
)
@pytest.mark.parametrize("question, slots", [("wants_advisor", {}), ("consent_given", {"wants_advisor": True})])
def test_the_moment_said_with_a_yes_read_as_a_farewell_is_kept(words, moment, question, slots):
    said, produced_slots, produced = _stop(words, question, slots)
    assert produced_slots[question] is True, (said, produced_slots)
    assert moment in (produced_slots.get("callback_slot") or ""), (said, produced_slots)
    assert produced[-1] == {"event": "followup", "name": "handoff_form", "timestamp": None}
    assert not any(text.startswith("Prenez soin de vous") for text in said), said


@pytest.mark.parametrize("question, slots", [("wants_advisor", {}), ("consent_given", {"wants_advisor": True})])
def test_a_yes_alone_read_as_a_farewell_sets_no_moment(question, slots):
    said, produced_slots, _produced = _stop("bon ok", question, slots)
    assert produced_slots[question] is True and "callback_slot" not in produced_slots, (said, produced_slots)
