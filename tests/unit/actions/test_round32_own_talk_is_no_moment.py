"""Round 32 (make run, r32-c): a wife whose husband is at risk answered the e-mail question "merci beaucoup, je vais
essayer de lui parler ce soir" and was told "Les conseillers ne peuvent pas vous appeler le soir": her own talk with
him that evening was read as a wish for the call. The writer's talk with someone at a moment is no moment for the
call; a moment for the call said beside it still is. Over real trackers and the real form validation."""

from __future__ import annotations

import pytest

from actions.handoff import moment_said_with
from actions.handoff_actions import ValidateHandoffForm
from tests.support.handoff_form import DOMAIN, SITUATION
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

AT_EMAIL = {
    **SITUATION,
    "wants_advisor": True,
    "consent_given": True,
    "consent_at": "2026-12-07T10:00:00+00:00",
    "contact_name": "Maud",
    "phone": "+33671253647",
    "case_reference": "RL-TEST32",
    "requested_slot": "email",
}


@pytest.mark.parametrize(
    "words",
    [
        "merci, je vais tenter de lui parler demain matin",
        "je lui en parle ce soir quand il rentre",
        "d'accord, je vais parler avec mon fils ce week-end",
        "on va leur parler lundi, merci",
    ],
)
def test_the_writers_own_talk_at_a_moment_is_no_moment_for_the_call(words):
    assert moment_said_with(words) is None
    current = tracker([user("mon fils dit qu'il vaut mieux disparaître"), bot("?"), user(words, "inform")], AT_EMAIL)
    current.active_loop = {"name": "handoff_form"}
    dispatcher, produced = run(ValidateHandoffForm(), current, DOMAIN)
    assert "callback_slot" not in {k for k, v in slot_events(produced).items() if v}, produced
    assert not any("ne peuvent pas vous appeler" in text for text in texts(dispatcher)), texts(dispatcher)


@pytest.mark.parametrize(
    "words, moment",
    [
        ("non merci, vous pouvez m'appeler le matin", "vous pouvez m'appeler le matin"),
        ("pas de mail. plutôt jeudi après-midi", "plutôt jeudi après-midi"),
    ],
)
def test_a_moment_for_the_call_is_still_one(words, moment):
    assert moment in (moment_said_with(words) or "")
