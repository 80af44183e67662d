"""Round 25 (s25-me1, s25-me2 against make run): "ok" or "oui" to "Voulez-vous aussi laisser une adresse e-mail ?"
got "Pardon, je n'ai pas su quoi répondre à ce message" and the same question again: the yes filled nothing (the
from_text mapping leaves yes and no out), so Rasa rejected the form. A yes there asks for the address, in its short
form; a no still passes the question."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.asking import ask
from actions.conversation import SKIPPED
from actions.handoff_actions import ValidateHandoffForm
from actions.questions import QUESTIONS
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

EMAIL_QUESTION = "Voulez-vous aussi laisser une adresse e-mail ? C'est facultatif."
ADDRESS_ASKED = "Quelle est votre adresse e-mail ?"


def at_the_email_question(words: str, intent: str = "affirm"):
    events = [user("la banque a coupé mon découvert"), bot(EMAIL_QUESTION), user(words, intent)]
    slots = {**consented(phone="+33612345678"), "requested_slot": "email"}
    return tracker(events, slots=slots, active_loop="handoff_form")


@pytest.mark.parametrize(
    "words", ["oui", "ok", "Oui.", "ouii", "oui bien sûr", "ben oui", "okay", "d'accord", "/affirm"]
)
def test_a_yes_to_the_email_question_is_no_address_and_no_error(words):
    dispatcher, events = run(ValidateHandoffForm(), at_the_email_question(words))
    changed = slot_events(events)
    assert "email" in changed and changed["email"] is None  # the question stays open: the address comes next
    assert not any("adresse ne semble pas" in text or "Adresse incomplète" in text for text in texts(dispatcher))


@pytest.mark.parametrize("words", ["non merci", "non", "pas d'adresse", "bof laissez tomber"])
def test_a_no_still_passes_the_email_question(words):
    # The deny mapping gives the skip (bot/domain/handoff.yml); the validation keeps it, never asks for an address.
    events = [user("la banque a coupé mon découvert"), bot(EMAIL_QUESTION), user(words, "deny")]
    events.append({"event": "slot", "name": "email", "value": SKIPPED})
    slots = {**consented(phone="+33612345678"), "requested_slot": "email", "email": SKIPPED}
    _dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"))
    assert slot_events(produced)["email"] == SKIPPED


def test_the_email_question_asked_again_asks_for_the_address():
    current = at_the_email_question("oui")
    dispatcher = CollectingDispatcher()
    ask("email", dispatcher, current)
    assert texts(dispatcher) == [ADDRESS_ASKED]
    assert dispatcher.messages[0]["buttons"] == QUESTIONS["email"].buttons  # « Non merci » still there


def test_the_email_question_asked_first_is_the_whole_question():
    current = tracker([user("la banque a coupé mon découvert")], slots=consented(phone="+33612345678"))
    dispatcher = CollectingDispatcher()
    ask("email", dispatcher, current)
    assert texts(dispatcher) == [EMAIL_QUESTION]
