"""Round 33 (r33-b): on the urgent path the intake questions are passed, and "non pas de date" at the callback offer
got "Je n'ai pas bien compris votre réponse". The no answers the deadline question: kept for the case, said noted, and
the offer stays open (no refusal is read from it)."""

from __future__ import annotations

import pytest

from actions.handoff_actions import NO_DEADLINE_NOTED
from intake.facts import NO_DEADLINE
from tests.support.handoff_form import validate


@pytest.mark.parametrize("words", ["non pas de date", "non, aucune date précise", "nan pas d'échéance"])
@pytest.mark.parametrize("question", ["wants_advisor", "consent_given"])
def test_no_date_at_a_yes_no_question_is_the_deadline_answered(question, words):
    said, slots = validate(question, words, {question: False}, intent="deny")
    assert slots[question] is None
    assert slots["deadline"] == NO_DEADLINE
    assert said[0] == NO_DEADLINE_NOTED


def test_a_deadline_known_stays():
    said, slots = validate("wants_advisor", "non pas de date", {"wants_advisor": False, "deadline": "le 4 janvier"})
    assert slots.get("deadline", "le 4 janvier") == "le 4 janvier"
    assert NO_DEADLINE_NOTED not in said


@pytest.mark.parametrize("words", ["non merci", "non pas maintenant"])
def test_a_plain_no_is_still_a_no(words):
    _, slots = validate("wants_advisor", words, {"wants_advisor": False}, intent="deny")
    assert slots["wants_advisor"] is False
    assert "deadline" not in slots
