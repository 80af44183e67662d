"""The evaluation scoring of the triage contract, table-driven."""

from __future__ import annotations

import pytest

from ops.evaluation import Score, check, load_cases, turns_to_first_guidance
from ops.settings import REPO_ROOT

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


def _user(text="..."):
    return {"event": "user", "text": text}


def _slot(name, value):
    return {"event": "slot", "name": name, "value": value}


@pytest.mark.parametrize(
    "events, expected",
    [
        # difficulty in the first message, guidance in the reply to the third: 3 bot turns
        (
            [
                _user(),
                _slot("difficulty_categories", ["banque"]),
                _user(),
                _user(),
                _slot("guidance_given", [{"id": "x"}]),
            ],
            3,
        ),
        # a greeting first, then difficulty and guidance in the same reply: 1 bot turn
        (
            [
                _user(),
                _slot("difficulty_categories", []),
                _user(),
                _slot("difficulty_categories", ["impots"]),
                _slot("guidance_given", [{"id": "x"}]),
            ],
            1,
        ),
        ([_user(), _slot("difficulty_categories", ["banque"]), _user()], None),  # no guidance yet
        ([_user(), _slot("guidance_given", [{"id": "x"}])], None),  # guidance without a difficulty is not counted
    ],
)
def test_turns_to_first_guidance_counts_bot_turns_from_the_difficulty(events, expected):
    assert turns_to_first_guidance(events) == expected


def test_score_reports_median_and_maximum_turns_to_first_guidance():
    score = Score()
    for case_id, turns in [("a", 2), ("b", 5), ("c", None), ("d", 3)]:
        score.add(case_id, {"categories": True})
        score.add_guidance(turns)
    assert "bot turns to first guidance: median 3, max 5 (3 of 4 conversations reached guidance)" in score.report()
