"""Regenerates held_apart_distress.yml from the corpus's held-apart split, marking as `known_miss` what the
whole triage gets wrong today (run from the repository root after changing the corpus or the model):

    PYTHONPATH=. .venv/bin/python tests/unit/triage/regenerate_held_apart.py
"""

from __future__ import annotations

import json
from pathlib import Path

from triage import assess
from triage.distress import is_bereaved_by_suicide
from triage.distress_model import LEVEL_1, LEVEL_2, load_corpus, split

HERE = Path(__file__).resolve().parent
HEADER = (Path(HERE / "held_apart_distress.yml").read_text(encoding="utf-8").split("cases:")[0]).rstrip() + "\n"


def expected(label: str) -> str:
    if label in (*LEVEL_1, *LEVEL_2):
        return "crisis"
    return {"ambiguous": "question", "bereaved": "bereaved"}.get(label, "calm")


def right(text: str, expect: str) -> bool:
    result = assess([text])
    if expect == "crisis":
        return bool(result.distress and result.urgency == "critique")
    if expect == "question":
        return result.distress_level == 3 and not result.distress
    if expect == "bereaved":
        return not result.distress and is_bereaved_by_suicide(text)
    return not result.distress


def main() -> None:
    _, held_apart = split(load_corpus())
    lines = [HEADER, "cases:\n"]
    for text, label in held_apart:
        expect = expected(label)
        miss = "" if right(text, expect) else ", known_miss: true"
        lines.append(
            f"- {{says: {json.dumps(text, ensure_ascii=False)}, label: {json.dumps(label)}, "
            f"expect: {json.dumps(expect)}{miss}}}\n"
        )
    (HERE / "held_apart_distress.yml").write_text("".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
