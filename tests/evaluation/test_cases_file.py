"""The evaluation sets follow the triage contract (ops.evaluation.case_errors) and cover what they promise.

The sets themselves run through the whole bot in the quality gates (tests/quality/test_gates.py); here a
typo in a code, a duplicate id or a missing kind of case fails before any bot runs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ops.evaluation import case_errors, load_cases
from triage import CATEGORIES, URGENCY_LEVELS

ROOT = Path(__file__).resolve().parents[2]
SETS = ["tests/evaluation/cases.yml", "tests/evaluation/development.yml", "tests/heldout/triage.yml"]


@pytest.mark.parametrize("path", SETS)
def test_every_set_loads_under_the_contract(path):
    assert len(load_cases(ROOT / path)) >= 250


@pytest.mark.parametrize(
    "case, error",
    [
        ({"id": "a", "turns": ["x"], "expect": {"categories": ["impot"]}}, "unknown categories ['impot']"),
        ({"id": "a", "turns": ["x"], "expect": {"forbid": ["banques"]}}, "unknown categories ['banques']"),
        ({"id": "a", "turns": ["x"], "expect": {"urgency": "urgente"}}, "unknown urgency 'urgente'"),
        ({"id": "a", "turns": ["x"], "expect": {"distres": True}}, "unknown expectations ['distres']"),
        (
            {"id": "a", "turns": ["x"], "expect": {"distress": True, "urgency": "haute"}},
            "distress means urgency critique",
        ),
        ({"id": "a", "turns": [], "expect": {}}, "turns must be a non-empty list of non-empty texts"),
        (
            {"id": "a", "turns": ["x"], "expect": {"categories": ["banque"], "forbid": ["banque"]}},
            "a category both expected and forbidden",
        ),
    ],
)
def test_a_broken_case_is_refused_with_its_reason(case, error):
    assert error in case_errors(case)


def test_a_file_with_a_duplicate_id_does_not_load(tmp_path):
    path = tmp_path / "cases.yml"
    path.write_text("conversations:\n- {id: a, turns: [x]}\n- {id: a, turns: [y]}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="a: id used twice"):
        load_cases(path)


def test_the_regression_set_covers_every_category_level_and_crises_mid_conversation():
    cases = load_cases(ROOT / "tests" / "evaluation" / "cases.yml")
    expected = [code for case in cases for code in case["expect"].get("categories", [])]
    assert {code: expected.count(code) for code in CATEGORIES if expected.count(code) < 10} == {}
    levels = [case["expect"].get("urgency") for case in cases]
    assert {level: levels.count(level) for level in URGENCY_LEVELS if levels.count(level) < 3} == {}
    crises = [case for case in cases if case["expect"].get("distress") is True]
    assert len(crises) >= 20 and sum(len(case["turns"]) >= 3 for case in crises) >= 3
    assert sum(len(case["turns"]) >= 5 for case in cases) >= 15
    calm = [case for case in cases if case["id"].startswith(("idiom-", "overwhelm-"))]
    assert len(calm) >= 15 and all(case["expect"].get("distress") is False for case in calm)
