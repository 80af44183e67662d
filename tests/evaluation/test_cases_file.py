"""The conversation evaluation set follows the triage contract and covers what it promises.

The set itself is run through the whole bot by `make evaluate CASES=tests/evaluation/cases.yml OUT=...`;
here only its shape and coverage are checked, so a typo in a code never silently scores as a pass.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from triage import CATEGORIES, URGENCY_LEVELS

CASES = Path(__file__).with_name("cases.yml")
EXPECT_KEYS = {"categories", "any_of", "forbid", "urgency", "urgency_at_least", "distress"}


@lru_cache(maxsize=None)
def conversations() -> list[dict]:
    return yaml.safe_load(CASES.read_text(encoding="utf-8"))["conversations"]


def _ids(prefix: str) -> list[dict]:
    return [c for c in conversations() if c["id"].startswith(prefix)]


def test_ids_are_unique_and_there_are_enough_conversations():
    ids = [c["id"] for c in conversations()]
    assert len(ids) >= 150
    assert [i for i, n in Counter(ids).items() if n > 1] == []


@pytest.mark.parametrize("case", conversations(), ids=lambda c: c["id"])
def test_each_case_follows_the_contract(case):
    assert set(case) == {"id", "turns", "expect"}
    assert case["turns"] and all(isinstance(turn, str) and turn.strip() for turn in case["turns"])
    expect = case["expect"]
    assert expect and set(expect) <= EXPECT_KEYS
    named = set(expect.get("categories", [])) | set(expect.get("forbid", []))
    named |= {code for group in expect.get("any_of", []) for code in group}
    assert named <= set(CATEGORIES)
    assert not set(expect.get("categories", [])) & set(expect.get("forbid", []))
    assert not ("urgency" in expect and "urgency_at_least" in expect)
    if "urgency" in expect:
        assert expect["urgency"] in (*URGENCY_LEVELS, None)
    if "urgency_at_least" in expect:
        assert expect["urgency_at_least"] in URGENCY_LEVELS
    if "distress" in expect:
        assert isinstance(expect["distress"], bool)
    if expect.get("distress") is True:
        assert expect.get("urgency") == "critique"  # distress means a risk to life
    if "urgency" in expect and expect["urgency"] is None:
        assert set(expect.get("forbid", [])) == set(CATEGORIES)  # no difficulty, no urgency


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_category_is_expected_at_least_ten_times(category):
    assert sum(category in c["expect"].get("categories", []) for c in conversations()) >= 10


@pytest.mark.parametrize("level", URGENCY_LEVELS)
def test_every_urgency_level_is_expected_exactly(level):
    assert sum(c["expect"].get("urgency") == level for c in conversations()) >= 3


def test_crises_are_many_and_some_come_in_the_middle_of_a_conversation():
    crises = [c for c in conversations() if c["expect"].get("distress") is True]
    assert len(crises) >= 20
    assert sum(len(c["turns"]) >= 3 for c in crises) >= 3


def test_idioms_and_stress_are_not_crises():
    calm = _ids("idiom-") + _ids("overwhelm-")
    assert len(_ids("idiom-")) >= 15
    assert all(c["expect"].get("distress") is False for c in calm)


def test_negations_forbid_the_denied_category():
    negations = _ids("neg-")
    assert len(negations) >= 5
    assert all(c["expect"].get("forbid") for c in negations)


def test_no_difficulty_cases_forbid_every_category():
    quiet = _ids("none-")
    assert len(quiet) >= 15
    assert all(set(c["expect"]["forbid"]) == set(CATEGORIES) for c in quiet)


def test_many_conversations_answer_the_bots_questions():
    assert sum(len(c["turns"]) >= 5 for c in conversations()) >= 15
