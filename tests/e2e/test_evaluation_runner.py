"""The evaluation runner writes the contract's JSON lines from the real bot."""

from __future__ import annotations

import json

from ops.evaluation import evaluate, load_cases
from ops.settings import REPO_ROOT

EXAMPLE = REPO_ROOT.parent / "shared" / "reference" / "evaluate-example.yml"


def test_example_file_produces_contract_lines(stack, tmp_path):
    cases = load_cases(EXAMPLE)
    out = tmp_path / "out.jsonl"
    score = evaluate(cases, stack.settings.rasa_url, stack.settings.rasa_token, out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == [case["id"] for case in cases]
    for line, case in zip(lines, cases, strict=True):
        assert set(line) == {"id", "categories", "urgency", "distress", "replies"}
        assert len(line["replies"]) == len(case["turns"])
        assert all(isinstance(text, str) for turn in line["replies"] for text in turn)
        assert line["urgency"] in {None, "basse", "normale", "haute", "critique"}
    by_id = {line["id"]: line for line in lines}
    assert by_id["example-detresse"]["distress"] is True
    assert "3114" in " ".join(by_id["example-detresse"]["replies"][0])
    assert by_id["example-hors-sujet"]["categories"] == []
    assert score.cases == len(cases)


def test_a_met_expectation_passes_and_a_wrong_one_fails(stack, tmp_path):
    # The same message twice: once with what the bot must find, once with what it cannot find.
    text = "l'urssaf me réclame trois trimestres de cotisations"
    cases = [
        {"id": "right", "turns": [text], "expect": {"categories": ["cotisations_sociales"], "distress": False}},
        {"id": "wrong", "turns": [text], "expect": {"categories": ["sinistre"], "distress": True}},
    ]
    score = evaluate(cases, stack.settings.rasa_url, stack.settings.rasa_token, tmp_path / "out.jsonl", workers=2)
    assert (score.cases, score.passed) == (2, 1)
    assert score.failures == [("wrong", ["categories", "distress"])]
    assert score.by_kind == {"categories": [1, 2], "distress": [1, 2]}
