"""The answer to "Laquelle est la vôtre ?" after a name shared by several places (round 5 of off-script
conversations: "saint denis" then "celle de la reunion", no département saved, r5-28)."""

from __future__ import annotations

import pytest

from actions.conversation import SKIPPED
from actions.handoff_actions import ValidateHandoffForm
from places import choose
from tests.support.trackers import bot, tracker, user

CHOICES = ["Saint-Denis (974)", "Saint-Denis (93)", "Saint-Denis (11)"]


@pytest.mark.parametrize(
    "answer, code",
    [
        ("celle de la reunion", "974"),
        ("la Réunion", "974"),
        ("le 93", "93"),
        ("celle près de Paris", "93"),
        ("en seine saint denis", "93"),
        ("celle de l'Aude", "11"),
        ("à côté de Carcassonne", "11"),
        ("Saint-Denis (93)", "93"),  # the button
        ("la première", "974"),
        ("la deuxième", "93"),
        ("974", "974"),
        # None of them: left to the place question's own reading.
        ("Lille", None),
        ("aucune", None),
        ("non", None),
        ("le 2", None),
    ],
)
def test_the_choice_an_answer_picks(answer, code):
    picked = choose(answer, CHOICES)
    assert (picked[0] if picked else None) == code


@pytest.mark.parametrize(
    "answer, intent, code", [("celle de la reunion", "skip_question", "974"), ("le 93", "inform", "93")]
)
def test_the_choice_is_saved_whatever_the_classifier_read_r5_28(answer, intent, code):
    # The transcript's tracker: "celle de la reunion" was read as skip_question (0.58), mapped to "non précisé".
    events = [user("saint denis", "inform"), bot("Plusieurs communes portent ce nom. Laquelle est la vôtre ?")]
    events.append(user(answer, intent))
    slots = {"requested_slot": "departement", "place_choices": CHOICES, "place_unread": "saint denis"}
    current = tracker(events, slots=slots, active_loop="handoff_form")
    value = SKIPPED if intent == "skip_question" else answer
    result = ValidateHandoffForm().validate_departement(value, None, current, {})
    assert result["departement"] == code
    assert result["commune"] == "Saint-Denis"
    assert result["place_choices"] is None
