"""The evaluation scoring of the triage contract, table-driven."""

from __future__ import annotations

import pytest

from bot.evaluation import Score, check, load_cases
from bot.settings import REPO_ROOT

RESULT = {"categories": ["travaux", "cotisations_sociales"], "urgency": "haute", "distress": False}


@pytest.mark.parametrize(
    "expect, verdicts",
    [
        ({"categories": ["travaux"]}, {"categories": True}),
        ({"categories": ["travaux", "impots"]}, {"categories": False}),
        ({"any_of": [["impots", "travaux"]]}, {"any_of": True}),
        ({"any_of": [["impots"], ["travaux"]]}, {"any_of": False}),
        ({"forbid": ["impots", "banque"]}, {"forbid": True}),
        ({"forbid": ["cotisations_sociales"]}, {"forbid": False}),
        ({"urgency": "haute"}, {"urgency": True}),
        ({"urgency": "normale"}, {"urgency": False}),
        ({"urgency_at_least": "normale"}, {"urgency_at_least": True}),
        ({"urgency_at_least": "critique"}, {"urgency_at_least": False}),
        ({"distress": False}, {"distress": True}),
        ({"distress": True}, {"distress": False}),
    ],
)
def test_each_expectation_kind(expect, verdicts):
    assert check(expect, RESULT) == verdicts


def test_unset_urgency_is_below_every_level():
    assert check({"urgency_at_least": "basse"}, {"urgency": None}) == {"urgency_at_least": False}


def test_score_counts_cases_and_kinds():
    score = Score()
    score.add("a", {"categories": True, "distress": True})
    score.add("b", {"categories": False})
    assert (score.cases, score.passed) == (2, 1)
    assert score.by_kind["categories"] == [1, 2]
    assert "FAILED b: categories" in score.report()


def test_the_shared_example_file_loads():
    cases = load_cases(REPO_ROOT.parent / "shared" / "reference" / "evaluate-example.yml")
    assert {case["id"] for case in cases} >= {"example-urssaf", "example-detresse"}
