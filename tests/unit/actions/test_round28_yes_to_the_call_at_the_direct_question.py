"""Round 28 (r28-a-01): "oui je veux un conseiller" to "est-ce qu'il vous arrive de penser au suicide ?" was read as a
yes to the thoughts, and the case said « à la question sur le suicide, a dit avoir des pensées suicidaires » while the
slot said "not a clear no". The crisis path is taken all the same (anything but a clear no), but the case says only
what was read: the answer quoted, not a clear no. Real trackers, the crisis action."""

from __future__ import annotations

import pytest

from actions.crisis_actions import ActionCrisisResponse
from actions.handoff import suicide_answer
from guidance.crisis import THOUGHTS_ADMITTED_REASON
from intake.answers import yes_for_the_call
from tests.support.trackers import bot, run, slot_events, tracker, user

DIRECT_QUESTION = "Je vous pose la question simplement, sans jugement : est-ce qu'il vous arrive de penser au suicide ?"


def _reasons_after(said: str) -> dict:
    current = tracker(
        [
            user("j'ai tout perdu, je vois plus d'issue", "express_distress"),
            {"event": "action", "name": "action_check_in"},
            bot(DIRECT_QUESTION),
            user(said),
        ],
        slots={"suicide_thoughts": "not_clear_no", "distress": False},
    )
    _, events = run(ActionCrisisResponse(), current)
    return slot_events(events)["triage_reasons"]


@pytest.mark.parametrize(
    "said", ["ouais je voudrais parler à un conseiller", "oui rappelez moi svp", "oui qu'un conseiller me contacte"]
)
def test_a_yes_to_the_call_is_no_yes_to_the_thoughts(said):
    reasons = _reasons_after(said)
    assert THOUGHTS_ADMITTED_REASON not in reasons["distress_signs"]
    assert suicide_answer({"triage_reasons": reasons, "suicide_thoughts": "not_clear_no"}) == "pas un non clair"


@pytest.mark.parametrize("said", ["oui des fois", "oui, et je veux un conseiller", "oui j'y pense souvent"])
def test_a_yes_to_the_thoughts_stays_one(said):
    reasons = _reasons_after(said)
    assert THOUGHTS_ADMITTED_REASON in reasons["distress_signs"]


@pytest.mark.parametrize(
    "words, for_the_call",
    [
        ("oui un conseiller svp", True),
        ("oui", False),
        ("oui je veux mourir", False),
        ("non je veux un conseiller", False),
    ],
)
def test_yes_for_the_call(words, for_the_call):
    assert yes_for_the_call(words) is for_the_call
