"""The live chat offer through the action server's own actions, on a real case database, with the clock set
by RELAIS_NOW (ops/clock.py) rather than waited for."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import services
from actions.handoff_actions import ActionFinishHandoff, ValidateHandoffForm
from actions.live_offer import SIGNAL
from cases.accounts import AccountRepository
from cases.db import make_engine, make_session_factory
from cases.live import LiveRepository
from ops.settings import database_url
from tests.support.trackers import slot_events, texts, tracker, user
from tests.unit.actions.test_actions import handoff_slots, run, run_coroutine

TUESDAY_10H = "2026-12-01T10:00:00+01:00"
SATURDAY_10H = "2026-12-05T10:00:00+01:00"


@pytest.fixture
def live():
    return LiveRepository(make_session_factory(make_engine(database_url())))


@pytest.fixture
def advisor_present(live):
    def make(at: str):
        accounts = AccountRepository(make_session_factory(make_engine(database_url())))
        marie = accounts.create_user("marie@cma.test", "Marie Dupont", services.chamber().id, "advisor", "x")
        live.heartbeat(marie, datetime.fromisoformat(at).astimezone(timezone.utc))
        return marie

    return make


def questions(slots):
    return run_coroutine(ValidateHandoffForm().required_slots([], CollectingDispatcher(), tracker(slots=slots), {}))


CONSENTED = {"wants_advisor": True, "consent_given": True, "difficulty_categories": ["banque"]}


def test_the_offer_is_made_in_opening_hours_with_an_advisor_present(monkeypatch, advisor_present):
    monkeypatch.setenv("RELAIS_NOW", TUESDAY_10H)
    assert "live_chat_wanted" not in questions(CONSENTED)  # nobody in the inbox
    advisor_present(TUESDAY_10H)
    assert questions(CONSENTED)[:3] == ["wants_advisor", "consent_given", "live_chat_wanted"]


def test_outside_opening_hours_only_the_callback_with_its_honest_time(monkeypatch, advisor_present):
    monkeypatch.setenv("RELAIS_NOW", SATURDAY_10H)
    advisor_present(SATURDAY_10H)  # someone reading the inbox on a Saturday does not open the line
    assert "live_chat_wanted" not in questions(CONSENTED)
    dispatcher, _ = run(ActionFinishHandoff(), tracker([user("l'urssaf")], slots=handoff_slots()))
    # Saturday: the promise counts from Monday, the chamber's next opening.
    assert "au plus tard le mardi 8 décembre" in texts(dispatcher)[0]


def test_choosing_the_live_chat_stores_the_case_with_a_live_request_and_signals_the_widget(monkeypatch, live):
    monkeypatch.setenv("RELAIS_NOW", TUESDAY_10H)
    slots = handoff_slots(live_chat_wanted=True, phone=None, email=None, callback_slot=None, distress=True)
    conversation = tracker([user("je préfère écrire ici")], slots=slots)
    dispatcher, events = run(ActionFinishHandoff(), conversation)
    reference = slot_events(events)["case_reference"]
    [message] = dispatcher.messages
    assert message["custom"] == SIGNAL
    assert message["text"].startswith(f"C'est noté, votre référence est {reference}.")
    assert "3114" in message["text"]  # after distress, the number again
    state = live.state_of_conversation(conversation.sender_id)
    assert (state.reference, state.state) == (reference, "waiting")
