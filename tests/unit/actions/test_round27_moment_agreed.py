"""Round 27 (lead-r27-05): "mardi ça ira aussi" at the e-mail question was read as a goodbye ("Au revoir, prenez soin
de vous"), and the moment for the call was lost from the case. "ça ira" after a moment agrees to that moment; said of
the help ("non ça ira", "ça ira merci") it still takes leave."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

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


@pytest.mark.parametrize(
    "words, intent, kept",
    [
        ("bon mardi matin ça ira aussi", "affirm", "bon mardi matin ça ira aussi"),
        ("jeudi apres midi c mieux pour moi", "express_overwhelm", "jeudi apres midi c mieux pour moi"),
    ],
)
def test_a_moment_no_mapping_took_at_the_email_question_is_kept(words, intent, kept):
    """Round 27 (lead27-final-1): read as express_overwhelm or as a yes once the address was asked, no slot mapping took
    the words, and the moment was lost ("Pardon, je n'ai pas su quoi répondre")."""
    slots = consented(phone="+33612345678")
    current = at_question(words, "email", slots, {}, intent)
    extracted = asyncio.run(ValidateHandoffForm().extract_email(CollectingDispatcher(), current, {}))
    assert extracted == {"email": words}
    _said, events = run(ValidateHandoffForm(), at_question(words, "email", slots, extracted, intent))
    assert slot_events(events)["callback_slot"] == kept


def test_an_address_with_a_moment_is_left_to_the_address_reader():
    slots = consented(phone="+33612345678")
    words = "paul.martin@example.fr et plutot le matin"
    current = at_question(words, "email", slots, {}, "inform")
    assert asyncio.run(ValidateHandoffForm().extract_email(CollectingDispatcher(), current, {})) == {}
