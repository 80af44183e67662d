"""Round 15 (r15a-07): "demain matin" said on a Saturday was stored as the moment of the call, raw; the advisor reading it
on Monday could not tell which morning was meant, nor what the artisan had been promised. The case's summary now says
the promise the artisan read. Real trackers, the real form validation and a real case store."""

from __future__ import annotations

import pytest

from actions.handoff_actions import ValidateHandoffForm
from ops import clock
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN, case_stored_with_moment
from tests.support.trackers import bot, consented, run, tracker, user

SENDER = "round16-promise"


@pytest.mark.parametrize(
    "now, moment, promised",
    [
        # Saturday: the chamber does not call on Sunday, so tomorrow morning is Monday's.
        ("2026-12-05T14:00:00+01:00", "demain matin", "Rappel promis : le lundi 7 décembre, dans la matinée"),
        # Thursday, open: Friday morning.
        ("2026-12-03T10:00:00+01:00", "vendredi matin", "Rappel promis : le vendredi 4 décembre, dans la matinée."),
    ],
)
def test_the_case_says_what_the_artisan_was_promised(monkeypatch, now, moment, promised):
    monkeypatch.setenv(clock.ENV_VAR, now)
    case = case_stored_with_moment(moment, SENDER)
    assert case.callback_slot == moment  # the artisan's words stay as said
    assert promised in case.summary


def test_without_a_phone_nothing_is_promised(monkeypatch):
    monkeypatch.setenv(clock.ENV_VAR, "2026-12-03T10:00:00+01:00")
    events = [user("la banque m'a coupé le découvert"), bot("Votre adresse ?"), user("sophie@example.fr", "inform")]
    current = tracker(
        [*events, {"event": "slot", "name": "email", "value": "sophie@example.fr"}],
        slots={**consented(), "phone": "-", "email": "sophie@example.fr", "requested_slot": "email"},
        active_loop="handoff_form",
        sender_id=SENDER,
    )
    run(ValidateHandoffForm(), current, DOMAIN)
    assert all("Rappel promis" not in case.summary for case in stored_cases())
