"""The distress corpus (cases_distress.yml), line by line: level and sign category.

Run as a script to print recall per sign category and the hard negatives' false alarms:
    .venv/bin/python tests/unit/triage/test_distress.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

if __name__ == "__main__":  # run as a script from the repository root
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from triage import assess
from triage.distress import AMBIGUOUS, CATEGORY_LABELS, INDIRECT, category_levels, find_signs, is_bereaved_by_suicide

CORPUS = Path(__file__).resolve().parent / "cases_distress.yml"


def _lines():
    data = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    for section in ("critique", "ambiguous", "hard_negatives"):
        for number, entry in enumerate(data[section], 1):
            yield section, number, entry.get("conversation") or [entry["says"]], entry


LINES = list(_lines())


def _outcome(turns: list[str]):
    previous = None
    for index in range(len(turns)):
        previous = assess(turns[: index + 1], previous=previous)
    categories = {sign.category for turn in turns for sign in find_signs(turn)}
    return previous, categories


@pytest.mark.parametrize(
    "section, turns, entry",
    [pytest.param(section, turns, entry, id=f"{section}-{number}") for section, number, turns, entry in LINES],
)
def test_line(section, turns, entry):
    result, categories = _outcome(turns)
    described = f"{turns!r} -> level {result.distress_level}, {sorted(categories)}"
    if section == "critique":
        assert result.distress_level == entry["level"], described
        assert entry["sign"] in categories, described
        assert result.distress and result.urgency == "critique", described
    elif section == "ambiguous":
        assert result.distress_level == AMBIGUOUS, described
        assert not result.distress, described
    else:
        assert result.distress_level is None or result.distress_level > INDIRECT, described
        assert not result.distress, described
        if "level" in entry:
            assert result.distress_level == entry["level"], described
    if "bereaved" in entry:
        assert any(is_bereaved_by_suicide(turn) for turn in turns) is entry["bereaved"], described


def test_corpus_covers_every_level_1_and_2_category_with_many_voices():
    counts = Counter(entry["sign"] for section, _, _, entry in LINES if section == "critique")
    wanted = {
        code
        for code in CATEGORY_LABELS
        if code not in ("exhaustion", "despair", "stop_everything", "thinking_of_it", "ambiguous")
    }
    assert set(counts) == wanted
    assert min(counts.values()) >= 4, counts
    assert sum(1 for section, *_ in LINES if section == "hard_negatives") >= 60


def report() -> str:
    found, total = Counter(), Counter()
    asked = ambiguous = alarms = negatives = questioned = 0
    for section, _, turns, entry in LINES:
        result, categories = _outcome(turns)
        if section == "critique":
            total[entry["sign"]] += 1
            found[entry["sign"]] += entry["sign"] in categories and result.distress
        elif section == "ambiguous":
            ambiguous += 1
            asked += result.distress_level == AMBIGUOUS
        else:
            negatives += 1
            alarms += bool(result.distress)
            questioned += result.distress_level == AMBIGUOUS
    rows = ["| level | sign category | lines | recall |", "|---|---|---|---|"]
    levels = category_levels()
    for sign in sorted(total, key=lambda code: (levels[code], code)):
        rows.append(f"| {levels[sign]} | {sign} | {total[sign]} | {found[sign] / total[sign]:.0%} |")
    rows.append(f"| 1-2 | all | {sum(total.values())} | {sum(found.values()) / sum(total.values()):.1%} |")
    rows.append("")
    rows.append(f"Ambiguous (level 3) lines that get the direct question: {asked}/{ambiguous}.")
    rows.append(
        f"Hard negatives taking the crisis path: {alarms}/{negatives} "
        f"(precision on them {1 - alarms / negatives:.0%}); getting the direct question: {questioned}."
    )
    return "\n".join(rows)


if __name__ == "__main__":
    print(report())


# Round 6 (2026-12-04): laughing is a joke's register; the classifier's own ambiguous reading of it asked about
# suicide three times out of three. A rule's sign beside the laugh still counts.
@pytest.mark.parametrize(
    "text, level",
    [
        ("je suis mort de rire quand je vois mes comptes", None),
        ("je suis mort de rire quand il me dit que le cheque est parti", None),
        ("mdr je suis morte de rire avec vos questions", None),
        ("mdr je vais me pendre", 1),
        # An answer put off at the phone question (the simulator, seed 20261231) is no question about suicide either.
        ("je vous le donne après", None),
        ("je suis morte de fatigue, je n'en peux plus, je pleure tous les soirs", AMBIGUOUS),
    ],
)
def test_laughing_is_no_question_about_suicide_but_a_sign_beside_it_counts(text, level):
    assert assess([text]).distress_level == level
