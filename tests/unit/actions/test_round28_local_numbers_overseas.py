"""Round 28 (r28-a-12): "76 12 34" from Nouméa, the bot having noted « Nouvelle-Calédonie (988) », was refused with a
number of metropolitan France as the example. A local number of a collectivity with its own country code is read with
that code when the place is known. Real trackers, the form's validation."""

from __future__ import annotations

import pytest

from actions.handoff import local_number_of_place
from tests.support.handoff_form import answered_at
from tests.support.trackers import bot

ASKED = [bot("À quel numéro de téléphone peut-il vous joindre ?")]


@pytest.mark.parametrize(
    "words, departement, stored",
    [
        ("c'est le 75 43 21", "988", "+687754321"),
        ("87.65.43.21", "987", "+68987654321"),
        ("72 18 90", "986", "+681721890"),
        ("41 22 33", "975", "+508412233"),
    ],
)
def test_a_local_number_is_read_with_the_place_code(words, departement, stored):
    assert local_number_of_place(words, departement) == stored


def test_at_the_phone_question_the_number_of_noumea_is_kept():
    from actions.handoff_actions import ValidateHandoffForm
    from tests.support.handoff_form import DOMAIN
    from tests.support.trackers import run, slot_events, tracker, user

    slots = {
        "difficulty_categories": ["banque"],
        "urgency": "normale",
        "distress": False,
        "requested_slot": "phone",
        "wants_advisor": True,
        "consent_given": True,
        "consent_at": "2026-12-06T10:00:00+00:00",
        "contact_name": "Wanessa",
        "departement": "988",
        "phone": "75 43 21",
    }
    events = [*ASKED, user("75 43 21", "inform"), {"event": "slot", "name": "phone", "value": "75 43 21"}]
    _, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    assert slot_events(produced)["phone"] == "+687754321"


@pytest.mark.parametrize(
    "words, departement",
    [
        ("75 43 21", "13"),  # six digits in Marseille: no number
        ("75 43 2", "988"),  # a digit missing
        ("0612 34 56", "988"),  # a trunk 0: read as written
        ("75 43 21 ou 76 11 22", "988"),  # two numbers: read otherwise
        ("75 43 21", None),
    ],
)
def test_near_misses_are_no_local_number(words, departement):
    assert local_number_of_place(words, departement) is None


def test_a_six_digit_number_elsewhere_is_still_refused():
    _, slots = answered_at("phone", "75 43 21", "inform", ASKED, ["banque"], "Wanessa")
    assert slots["phone"] is None
