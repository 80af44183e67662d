"""Round 12 (r12a-02, r12a-09): the moment for the call, read by the entity extractor as the deadline in the same turn
("lundi", "lundi mais pas avant 10h", "quand vous voulez sauf mercredi"), made cases haute and jumped them ahead in
the advisors' queue. The situation the triage reads is the one the validation keeps: the extractor's value is set back
before the triage sees it."""

from __future__ import annotations

import pytest

from actions.triage_actions import ValidateTriageSlots
from tests.support.handoff_form import SITUATION
from tests.support.trackers import run, slot_events, tracker, user


def _slot(name, value):
    return {"event": "slot", "name": name, "value": value}


@pytest.mark.parametrize(
    "moment",
    [
        "lundi",
        "lundi mais pas avant 10h",
        "quand vous voulez sauf mercredi",
        "demain matin vers 9h",
        "jeudi apres 14h svp",
    ],
)
def test_a_moment_for_the_call_taken_as_the_deadline_leaves_the_urgency(moment):
    slots = {
        **SITUATION,
        "difficulty_categories": ["travaux"],
        "urgency": "normale",
        "deadline": moment,  # what the extractor filled from this answer
        "requested_slot": "callback_slot",
    }
    events = [
        user("depuis trois mois les travaux du tram sont devant ma boutique et plus personne ne passe"),
        _slot("deadline", "aucune échéance connue"),
        _slot("requested_slot", "callback_slot"),
        user(moment, "inform"),
        _slot("deadline", moment),
    ]
    _, produced = run(ValidateTriageSlots(), tracker(events, slots=slots, active_loop="handoff_form"))
    changed = slot_events(produced)
    assert changed.get("urgency", "normale") == "normale"
    assert changed.get("deadline") == "aucune échéance connue"
    assert not any("échéance «" in reason for reason in (changed.get("triage_reasons") or {}).get("urgency", []))


def test_a_deadline_said_at_the_intake_question_still_raises_the_urgency():
    # The same words at the deadline question are the deadline: the fix is about contact questions only.
    slots = {**SITUATION, "difficulty_categories": ["banque"], "urgency": "normale", "deadline": "lundi"}
    events = [
        user("la banque me coupe le découvert"),
        _slot("requested_slot", "deadline"),
        user("lundi", "inform"),
        _slot("deadline", "lundi"),
    ]
    _, produced = run(ValidateTriageSlots(), tracker(events, slots=slots, active_loop="intake_form"))
    assert slot_events(produced).get("urgency") == "haute"
