"""Round 28 (r28-a-02): "re, me revoilà. j'ai 5 min. je suis à Aubagne dans le 13": the extractor's "5 min" was stored
as the number of employees, and the case said « Salariés : 5 min ». A span of time is never a count of staff."""

from __future__ import annotations

import pytest

from actions.triage_actions import ValidateTriageSlots
from intake.shapes import is_time_span
from tests.support.trackers import run, slot_events, tracker, user


def _read(words: str, extracted: str, before: str | None = None) -> dict:
    events = [user("carreleur, chantier pas payé, l'urssaf relance")]
    if before:
        events.append({"event": "slot", "name": "employees", "value": before})
    events += [user(words, "inform"), {"event": "slot", "name": "employees", "value": extracted}]
    slots = {"employees": extracted, "trade": "carreleur"}
    _, produced = run(ValidateTriageSlots(), tracker(events, slots))
    return slot_events(produced)


@pytest.mark.parametrize(
    "words, extracted",
    [("bon j'ai 10 minutes devant moi", "10 minutes"), ("j'ai 2h avant le chantier", "2h"), ("5 mn pas plus", "5 mn")],
)
def test_a_span_of_time_is_no_staff(words, extracted):
    assert _read(words, extracted).get("employees") is None


def test_the_staff_said_before_stays():
    assert _read("j'ai 5 min là", "5 min", before="3 salariés").get("employees") == "3 salariés"


@pytest.mark.parametrize(
    "value, span",
    [
        ("5 min", True),
        ("15 minutes", True),
        ("2 h", True),
        ("3 salariés", False),
        ("2", False),
        ("deux apprentis", False),
        ("5 maçons", False),
    ],
)
def test_is_time_span(value, span):
    assert is_time_span(value) is span
