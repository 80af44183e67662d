"""Round 18 (r18a-12): "je voudrais qu'on me rappelle l'après-midi" in the first message, in Guadeloupe where the calls
end at 12 h: once the contact questions are answered, the bot says so and asks another moment, never picks one."""

from __future__ import annotations

import pytest

from actions.conversation import SKIPPED
from actions.handoff_actions import ValidateHandoffForm
from chamber.hours import OTHER_MOMENT_ASKED
from ops import clock
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, tracker, user

SENDER = "round18-places-moment"


def _email_answered(moment: str, departement: str, said_before: tuple[str, ...] = ()):
    events = [
        user(f"bonjour, {moment} svp"),
        *(bot(text) for text in said_before),
        bot("Voulez-vous aussi laisser une adresse e-mail ? C'est facultatif."),
        user("non merci", "skip_question"),
        {"event": "slot", "name": "email", "value": SKIPPED},
    ]
    current = tracker(
        events,
        slots={
            **consented(departement=departement),
            "phone": "+590690123456",
            "callback_slot": moment,
            "email": SKIPPED,
            "requested_slot": "email",
        },
        active_loop="handoff_form",
        sender_id=SENDER,
    )
    return run(ValidateHandoffForm(), current, DOMAIN)


@pytest.fixture(autouse=True)
def _monday(monkeypatch):
    monkeypatch.setenv(clock.ENV_VAR, "2026-12-07T10:00:00+01:00")


def test_a_moment_kept_from_the_start_that_no_hour_fits_is_asked_again():
    dispatcher, events = _email_answered("rappelez-moi dans l'après-midi", "971")
    said = " ".join(message.get("text") or "" for message in dispatcher.messages)
    assert "ne peuvent pas vous appeler" in said and said.endswith(OTHER_MOMENT_ASKED)
    slots = slot_events(events)
    assert slots["callback_slot"] is None
    assert slots["requested_slot"] == "callback_slot"


@pytest.mark.parametrize("moment, departement", [("rappelez-moi dans l'après-midi", "62"), ("le matin", "971")])
def test_a_moment_the_hours_fit_is_kept(moment, departement):
    dispatcher, events = _email_answered(moment, departement)
    assert not any(OTHER_MOMENT_ASKED in (message.get("text") or "") for message in dispatcher.messages)
    assert slot_events(events).get("callback_slot", moment) == moment


def test_said_once_already_the_moment_is_kept_with_the_nearest_hour():
    out = "Les conseillers ne peuvent pas vous appeler l'après-midi : chez vous, ils appellent de 8 h à 12 h."
    dispatcher, _events = _email_answered("rappelez-moi dans l'après-midi", "971", (out,))
    assert not any(OTHER_MOMENT_ASKED in (message.get("text") or "") for message in dispatcher.messages)


def test_the_other_moment_is_asked_once():
    dispatcher, _ = _email_answered("rappelez-moi dans l'après-midi", "971")
    questions = [m.get("text") or "" for m in dispatcher.messages if "?" in (m.get("text") or "")]
    assert len(questions) == 1, questions
