"""The report of `make simulate`: figures by invariant and the transcripts that broke them."""

from __future__ import annotations

import json

from tests.simulator.__main__ import write_report
from tests.simulator.driver import Run
from tests.simulator.invariants import Transcript
from tests.simulator.test_invariants import GOOD_CASE, good, silence


def test_report_counts_conversations_turns_violations_and_guidance(tmp_path):
    run = Run(base_seed=5)
    run.add(Transcript(seed=1, sender="sim-good", turns=good(), case=GOOD_CASE))
    turns, case = silence(good())
    run.add(Transcript(seed=2, sender="sim-silent", turns=turns, case=case))
    summary = write_report(run, tmp_path, seconds=1.0)

    stored = json.loads((tmp_path / "report.json").read_text())
    assert stored == summary
    assert stored["conversations"] == 2
    assert stored["turns"] == 20
    assert stored["violations"]["reply_to_every_message"] == 1
    assert stored["violations"]["no_false_alarm"] == 0
    assert stored["conversations_with_a_violation"] == 1
    assert (stored["turns_to_first_guidance_median"], stored["turns_to_first_guidance_max"]) == (3, 3)
    markdown = (tmp_path / "report.md").read_text()
    assert "## reply_to_every_message" in markdown
    assert "python -m tests.simulator --replay 2" in markdown
    assert "sim-good" not in markdown
    everything = (tmp_path / "violations.txt").read_text()
    assert everything.count("### reply_to_every_message at turn 4") == 1
