"""Round 35 (make run): "dans deux ou trois semaines" at the deadline question was read as no deadline. A span said as a
range counts from its sooner end; a count of months overdue is no span ahead."""

from __future__ import annotations

from datetime import date

import pytest

from intake.facts import extract_facts
from triage.dates import find_deadlines
from triage.normalise import normalise

MONDAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    "words, days",
    [
        ("dans deux ou trois semaines", 14),
        ("d'ici 10 à 15 jours", 10),
        ("dans 2-3 mois", 60),
        ("sous huit ou dix jours je crois", 8),
        ("dans 3 semaines", 21),
    ],
)
def test_a_span_said_as_a_range_counts_from_its_sooner_end(words, days):
    assert [found.days for found in find_deadlines(normalise(words), MONDAY)] == [days]


@pytest.mark.parametrize("words", ["il a 2 3 mois de retard", "ça fait deux ou trois semaines"])
def test_no_span_ahead(words):
    assert find_deadlines(normalise(words), MONDAY) == []


def test_the_range_is_kept_as_said_at_the_deadline_question():
    assert extract_facts("dans deux ou trois semaines", MONDAY, asked="deadline")["deadline"].startswith(
        "dans deux ou trois semaines"
    )
