"""Round 36, helper "fixr": a reading of the v40 urgency fixes narrowed after the compare on every development set.

The urgency model's haute is dropped when its evidence is only time and grammar words; a span's preposition ("pour",
"dans", "pendant", "durant") joins those words only beside a number or a unit of time ("jours pour" of a repair's
span), never alone nor with "rien" ("plus rien pour bosser"), and "sous" is no span: "sous 8 jours" is a delay given.
Sentences written for these tests; none comes from an evaluation set."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.assessments import final_urgency
from triage.engine import _time_span_and_grammar

TODAY = date(2026, 12, 5)  # a Saturday


@pytest.mark.parametrize(
    "term, only_time",
    [
        ("jours pour", True),
        ("12 pour", True),
        ("pendant 3 semaines", True),
        ("dans huit jours", True),
        ("quinze jours", True),
        ("avant le", True),
        ("pour", False),
        ("rien pour", False),
        ("dans", False),
        ("sous", False),
        ("sous huit jours", False),
        ("saisie", False),
    ],
)
def test_what_counts_as_a_span(term: str, only_time: bool) -> None:
    assert _time_span_and_grammar(term) is only_time


@pytest.mark.parametrize(
    "turns, level",
    [
        # A delay given within days stays a deadline.
        (
            ["graveur", "le crédit agricole a actionné ma caution, ils réclament 20 000 euros sous quinze jours"],
            "haute",
        ),
        (
            ["carrossier", "incendie hier soir dans le garage", "4 voitures clients à rendre et plus rien pour bosser"],
            "haute",
        ),
    ],
)
def test_urgency(turns: list[str], level: str) -> None:
    assert final_urgency(turns, TODAY) == level
