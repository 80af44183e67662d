"""Round 33 (r33-d): "06 12 34 56", a number two digits short typed at the health question after the consent: the
entity extractor tagged "12 34 56" a date, it became the deadline and was said back ("Merci, c'est noté : échéance
12 34 56"). The triage's own reading of every turn sets back what the digits of a number filled, at any question."""

from __future__ import annotations

import pytest

from actions.triage_actions import ValidateTriageSlots
from tests.support.trackers import run, slot_events, tracker, user


def _read(question: str, words: str, slot: str, extracted: str, before: str | None = None) -> dict:
    events = [user("chauffeur de taxi, l'assurance ne paie pas la réparation")]
    if before:
        events.append({"event": "slot", "name": slot, "value": before})
    events += [
        {"event": "slot", "name": "requested_slot", "value": question},
        user(words, "inform"),
        {"event": "slot", "name": slot, "value": extracted},
    ]
    _, produced = run(ValidateTriageSlots(), tracker(events, {slot: extracted, "requested_slot": question}))
    return slot_events(produced)


@pytest.mark.parametrize("question", ["health_consent", "wants_advisor", "since_when", None])
@pytest.mark.parametrize(
    "words, slot, extracted",
    [
        ("06 12 34 56", "deadline", "12 34 56"),
        ("07.81.22.33.4", "since_when", "22.33.4"),
        ("c'est le 06 45 12 98 71", "employees", "98 71"),
    ],
)
def test_digits_of_a_number_are_never_a_fact(question, words, slot, extracted):
    assert _read(question, words, slot, extracted).get(slot, "unchanged") is None


def test_what_was_known_before_comes_back():
    produced = _read("health_consent", "06 12 34 56", "deadline", "12 34 56", before="vendredi")
    assert produced["deadline"] == "vendredi"


def test_a_date_said_beside_no_number_stays():
    produced = _read("health_consent", "l'huissier revient le 12 janvier", "deadline", "le 12 janvier")
    assert "12 janvier" in produced.get("deadline", "le 12 janvier")
