"""Round 32 (make run, r32-b): after a refusal, "en fait si rappelez moi, c'est Karim 07 81 22 33 4" (the call asked
for again, a digit missing from the number) lost the name: the consent, then "Comment le conseiller peut-il vous
appeler ?", and the case had no name. The name said after the yes is kept whatever the number beside it is worth, as
at the yes/no questions. Over real trackers and the real form validation."""

from __future__ import annotations

import pytest

from actions.handoff import without_number_attempts
from actions.handoff_actions import ValidateHandoffForm
from tests.support.handoff_form import DOMAIN, SITUATION
from tests.support.trackers import bot, run, slot_events, tracker, user


def _call_asked_again(words: str) -> dict:
    events = [
        user("le fisc me réclame 12 000 euros"),
        bot("Je vous en prie."),
        user(words, "request_human"),
        {"event": "slot", "name": "wants_advisor", "value": True},
    ]
    slots = {**SITUATION, "wants_advisor": True, "requested_slot": None}
    _dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    return slot_events(produced)


@pytest.mark.parametrize(
    "words, name, phone",
    [
        ("finalement si appelez-moi, c'est Yanis 06 45 12 78 3", "Yanis", None),
        ("bon si, rappelez moi, c'est Odile", "Odile", None),
        ("en fait oui rappelez-moi, Bastien, 06 45 12 78 33", "Bastien", "+33645127833"),
        ("oui rappelez moi svp", None, None),
        ("bon finalement oui rappelez moi, c'est urgent", None, None),
    ],
)
def test_the_name_said_when_the_call_is_asked_again_is_kept(words, name, phone):
    produced = _call_asked_again(words)
    assert produced["wants_advisor"] is True
    assert produced.get("contact_name") == name, produced
    assert produced.get("phone") == phone, produced


@pytest.mark.parametrize(
    "words, left",
    [
        ("c'est Karim 07 81 22 33 4", "c'est Karim"),
        ("Lou, 0320 45 67 8 le matin", "Lou,   le matin"),
        ("appelez au 06 12 34 56 78", "appelez au"),
        ("le 12/11 j'ai reçu", "le 12/11 j'ai reçu"),
    ],
)
def test_attempts_at_a_number_are_taken_out(words, left):
    assert " ".join(without_number_attempts(words).split()) == " ".join(left.split())
