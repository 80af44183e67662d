"""Round 27 (lead-r27-05): "mardi ça ira aussi" at the e-mail question was read as a goodbye ("Au revoir, prenez soin
de vous"), and the moment for the call was lost from the case. "ça ira" after a moment agrees to that moment; said of
the help ("non ça ira", "ça ira merci") it still takes leave."""

from __future__ import annotations

import pytest

from actions.handoff_actions import ValidateHandoffForm
from intake.answers import is_closing
from tests.support.trackers import consented, run, slot_events, texts
from tests.unit.actions.test_handoff_answers_kept_or_not_said_noted import at_question


@pytest.mark.parametrize(
    "words, closing",
    [
        ("mardi ça ira aussi", False),
        ("mardi ca ira", False),
        ("demain matin ça ira", False),
        ("le matin ça irait mieux", False),
        ("vers 10h ça ira", False),
        ("jeudi ça ira mais pas avant 14h", False),
        # said of the help, or with a farewell of its own: still a leave-taking
        ("ça ira", True),
        ("non ça ira", True),
        ("ça ira merci", True),
        ("ça ira pour aujourd'hui merci", True),
        ("bon ben ça ira je vais me débrouiller", True),
        ("mardi ça ira, merci au revoir", True),
    ],
)
def test_ca_ira_after_a_moment_agrees_to_it(words, closing):
    assert is_closing(words) is closing


@pytest.mark.parametrize(
    "words, intent",
    [("mardi ça ira aussi", "affirm"), ("le matin ça ira", "affirm"), ("demain ça ira", "inform")],
)
def test_a_moment_agreed_at_the_email_question_is_kept_and_no_goodbye(words, intent):
    slots = consented(phone="+33612345678")
    dispatcher, events = run(ValidateHandoffForm(), at_question(words, "email", slots, {"email": words}, intent))
    changed = slot_events(events)
    assert changed["callback_slot"] == words
    assert changed["email"] is None and changed["requested_slot"] == "email"  # the e-mail question stays open
    assert not any("Au revoir" in text for text in texts(dispatcher))
