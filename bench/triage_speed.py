"""`python -m bench.triage_speed`: how long the triage takes per message, on the unit-test messages (the first round
uncached, as real messages are; the later rounds cached).

Moved out of the tests (issue 19): speed is measured here, on a quiet machine, never asserted in a test.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import yaml

from triage import assess

CASES = Path(__file__).resolve().parents[1] / "tests" / "unit" / "triage"


def messages() -> list[str]:
    found = []
    for path in sorted(CASES.glob("cases_*.yml")):
        for entries in yaml.safe_load(path.read_text(encoding="utf-8")).values():
            if isinstance(entries, list):
                for entry in entries:
                    found.extend(entry.get("conversation") or [entry["says"]])
    return found


def main(rounds: int = 5) -> None:
    texts, today = messages(), date(2025, 11, 27)
    assess(texts[:3], today=today)  # load the rules once
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        for text in texts:
            assess([text], today=today)
        timings.append((time.perf_counter() - started) / len(texts))
    # The first round meets every message for the first time, as the bot meets real messages: the classifiers' caches
    # per text (triage/distress_model.py classify, the linear scorers) answer the later rounds.
    print(
        f"triage: {len(texts)} messages, first round (nothing cached) {timings[0] * 1000:.3f} ms per message; "
        f"best of {rounds}: {min(timings) * 1000:.3f} ms, median {sorted(timings)[rounds // 2] * 1000:.3f} ms"
    )


if __name__ == "__main__":
    main()
