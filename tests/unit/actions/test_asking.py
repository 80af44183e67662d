"""A form validation asks the next question itself, as Rasa would ask it, so that one action call serves an
answer (actions/asking.py, bot/form_asks.py; issue 18)."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.asking import ASKED_SLOT_KEY, ask, slot_rasa_asks
from actions.handoff_actions import ValidateHandoffForm
from actions.intake_actions import ValidateSituationForm
from actions.questions import QUESTIONS
from tests.support.handoff_form import DOMAIN, SITUATION
from tests.support.trackers import asked, bot, run, tracker, user


def slot(value):
    return {"event": "slot", "name": "requested_slot", "value": value}


def loop(name):
    return {"event": "active_loop", "name": name}


@pytest.mark.parametrize(
    "events, expected",
    [
        ([], None),
        ([slot("trade")], "trade"),
        ([{"event": "slot", "name": "trade", "value": "boulanger"}, slot("employees")], "employees"),
        # Rasa asks for the first requested slot of the run, unless the last one ends the form.
        ([slot("trade"), slot("employees")], "trade"),
        ([slot("trade"), slot(None)], None),
        ([slot("trade"), loop(None)], None),
        ([loop(None), loop("handoff_form"), slot("phone")], "phone"),
    ],
)
def test_the_slot_asked_is_the_one_rasas_form_action_would_ask(events, expected):
    assert slot_rasa_asks(events) == expected


def test_the_intake_validation_ends_with_the_next_question_marked_with_its_slot():
    events = [user("la banque m'a coupé le découvert"), bot("Quel est votre métier ?"), user("boulanger", "inform")]
    slots = {
        "difficulty_categories": ["banque"],
        "urgency": "normale",
        "requested_slot": "trade",
        "trade": "boulanger",
    }
    dispatcher, produced = run(
        ValidateSituationForm(), tracker(events, slots=slots, active_loop="situation_form"), {"forms": {}}
    )
    assert asked(dispatcher) == "deadline"
    assert dispatcher.messages[-1]["text"] == QUESTIONS["deadline"].text  # last, after what the validation said
    assert sum(ASKED_SLOT_KEY in message for message in dispatcher.messages) == 1
    assert {"event": "slot", "timestamp": None, "name": "requested_slot", "value": "deadline"} in produced


def test_a_yes_to_the_callback_is_followed_by_the_consent_question_in_the_same_reply():
    events = [user("la banque m'a coupé le découvert"), bot("?"), user("oui", "affirm")]
    slots = {**SITUATION, "requested_slot": "wants_advisor", "wants_advisor": True}
    dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    assert asked(dispatcher) == "consent_given"
    assert dispatcher.messages[-1][ASKED_SLOT_KEY] == "consent_given"
    assert dispatcher.messages[-1]["buttons"]  # Oui / Non on the question itself
    assert {"event": "slot", "timestamp": None, "name": "requested_slot", "value": "consent_given"} in produced


def test_a_refused_callback_ends_the_form_and_asks_nothing():
    events = [user("la banque m'a coupé le découvert"), bot("?"), user("non merci", "deny")]
    slots = {**SITUATION, "requested_slot": "wants_advisor", "wants_advisor": False}
    dispatcher, _ = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    assert asked(dispatcher) is None


def test_a_question_already_said_in_the_same_reply_takes_its_shorter_wording():
    dispatcher = CollectingDispatcher()
    dispatcher.utter_message(text=QUESTIONS["deadline"].text)
    ask("deadline", dispatcher, tracker([user("urssaf")], slots={}), list(dispatcher.messages))
    assert dispatcher.messages[-1]["text"] == "Avez-vous une date limite proche ? Si oui, laquelle ?"
