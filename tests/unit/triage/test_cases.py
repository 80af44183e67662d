"""Table-driven triage cases (cases_*.yml next to this file), run the way the bot runs them:
after every message, on the whole history, with the previous assessment."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import yaml

from tests.support.assessments import run_conversation
from triage import CATEGORIES, URGENCY_LEVELS, detect_distress

HERE = Path(__file__).resolve().parent
# Expectations implied by the section a case sits in.
SECTION_DEFAULTS = {
    "critique": {"urgency": "critique", "distress": True},
    "haute": {"urgency": "haute"},
    "normale": {"urgency": "normale"},
    "basse": {"urgency": "basse"},
    "none": {"only": True, "categories": [], "urgency": None},
}
RANK = {level: rank for rank, level in enumerate(URGENCY_LEVELS)}


def _load_cases():
    cases = []
    for path in sorted(HERE.glob("cases_*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        today = data.pop("today")
        for section, entries in data.items():
            for number, entry in enumerate(entries, 1):
                expect = {**SECTION_DEFAULTS.get(section, {}), **entry}
                if section in CATEGORIES:
                    expect.setdefault("categories", [section])
                turns = entry.get("conversation") or [entry["says"]]
                case_id = f"{path.stem[6:]}-{section}-{number}"
                # A known miss stays in the table, named with its cause; strict, so a fix shows.
                marks = [pytest.mark.xfail(strict=True, reason=entry["known_miss"])] if "known_miss" in entry else []
                cases.append(pytest.param(turns, expect, today, id=case_id, marks=marks))
    return cases


CASES = _load_cases()


@pytest.mark.parametrize("turns, expect, today", CASES)
def test_case(turns, expect, today):
    history = run_conversation(turns, expect.get("situation"), today)
    result = history[-1]
    found = set(result.categories)
    described = f"{turns!r} -> {result}"

    assert set(expect.get("categories", [])) <= found, described
    if expect.get("only"):
        assert found == set(expect.get("categories", [])), described
    assert not found & set(expect.get("forbid", [])), described
    if "primary" in expect:
        assert result.categories[0] == expect["primary"], described
    if "urgency" in expect:
        assert result.urgency == expect["urgency"], described
    if "urgency_below" in expect:
        assert result.urgency is None or RANK[result.urgency] < RANK[expect["urgency_below"]], described
    # Zero false positives: a case not marked as distress must not be one.
    assert result.distress is expect.get("distress", False), described
    if "overwhelm" in expect:
        assert result.overwhelm is expect["overwhelm"], described

    # Contract invariants, after every turn.
    for before, after in itertools.pairwise(history):
        if before.urgency is not None:
            assert after.urgency is not None and RANK[after.urgency] >= RANK[before.urgency], described
        assert after.distress or not before.distress, described
    assert all(code in CATEGORIES for code in result.categories)
    assert result.urgency in (*URGENCY_LEVELS, None)
    assert (result.urgency == "critique") is result.distress, described
    if not result.categories and not result.distress and not expect.get("situation"):
        assert result.urgency is None, described
    # The NLU guard's standalone check agrees with assess().
    assert any(detect_distress(turn) for turn in turns) is result.distress, described


def test_every_category_and_urgency_level_has_at_least_20_cases():
    sections: dict[str, int] = {}
    for path in HERE.glob("cases_*.yml"):
        for section, entries in yaml.safe_load(path.read_text(encoding="utf-8")).items():
            if isinstance(entries, list):
                sections[section] = sections.get(section, 0) + len(entries)
    for required in (*CATEGORIES, *URGENCY_LEVELS, "not_distress"):
        assert sections.get(required, 0) >= 20, (required, sections.get(required, 0))
