"""Round 15 (r15b-08): at the callback offer, someone close put right which person is unwell ("non c'est mon PERE qui va
pas bien, pas ma mere"); its "non" was read as a refusal of the call. Nothing is refused: noted, and the offer stays."""

from __future__ import annotations

import pytest

from actions.handoff_actions import ValidateHandoffForm
from tests.support.handoff_form import DOMAIN, SITUATION
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle ?"


def _at_the_offer(typed: str):
    events = [
        user("je vous écris pour ma mère, elle dit qu'elle veut en finir", "express_distress"),
        bot(OFFER),
        {"event": "slot", "name": "requested_slot", "value": "wants_advisor"},
        user(typed, "deny"),
        {"event": "slot", "name": "wants_advisor", "value": False},
    ]
    current = {
        **SITUATION,
        "distress": True,
        "person_at_risk": "ma mère",
        "wants_advisor": False,
        "requested_slot": "wants_advisor",
    }
    return tracker(events, slots=current, active_loop="handoff_form")


@pytest.mark.parametrize(
    "typed", ["non c'est mon PERE qui va pas bien, pas ma mere", "non pas ma mère, c'est mon père"]
)
def test_the_person_put_right_refuses_nothing(typed):
    dispatcher, produced = run(ValidateHandoffForm(), _at_the_offer(typed), DOMAIN)
    assert slot_events(produced)["wants_advisor"] is None
    assert texts(dispatcher)


@pytest.mark.parametrize("typed", ["non merci", "non c'est mon père qui gère, rappelez pas"])
def test_a_refusal_naming_someone_close_is_still_a_refusal(typed):
    _, produced = run(ValidateHandoffForm(), _at_the_offer(typed), DOMAIN)
    assert slot_events(produced)["wants_advisor"] is False
