"""`make simulate`: a long simulator run against a fresh stack, before a release.

    python -m tests.simulator [--conversations N] [--seed S] [--senders K] [--out var/simulate]
    python -m tests.simulator --replay SEED     # one conversation again, printed turn by turn
    python -m tests.simulator --openings 'poignet|crevé'   # only the openings matching the pattern (a focus)

SIM_CONVERSATIONS, SIM_SEED and SIM_SENDERS give the defaults. Writes report.json and report.md
(conversations, turns, violations by invariant, turns to first guidance, the shortest transcript per
invariant broken) and violations.txt (every violating transcript) to the output folder.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

from ops.settings import REPO_ROOT
from tests.simulator.driver import Bot, LogWatcher, run_conversation, simulate
from tests.simulator.invariants import INVARIANTS, check
from tests.simulator.pool import Pool, load_pool
from tests.support.stack import start_stack


def bot_factory(stack, watcher):
    settings = stack.settings
    return lambda: Bot(settings.rasa_url, settings.rasa_token, settings.database_url, watcher)


def log_watcher(stack) -> LogWatcher:
    return LogWatcher([process.log_path for process in stack.processes.values()])


def write_report(run, out: Path, seconds: float) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    summary = {**run.summary(), "seconds": round(seconds, 1)}
    (out / "report.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    lines = [
        "# Conversation simulator report",
        "",
        f"- seed {summary['seed']}, {summary['conversations']} conversations, {summary['turns']} turns, "
        f"{summary['seconds']} s",
        f"- conversations with a violation: {summary['conversations_with_a_violation']}",
        f"- bot turns from the difficulty to first guidance: median {summary['turns_to_first_guidance_median']}, "
        f"max {summary['turns_to_first_guidance_max']} ({summary['conversations_with_guidance']} conversations "
        "with guidance)",
        "",
        "| invariant | violations |",
        "|---|---|",
        *[f"| {name} | {count} |" for name, count in summary["violations"].items()],
        "",
    ]
    for name in INVARIANTS:
        if run.violations.get(name):
            lines += [f"## {name}", "", "```", run.explain(name), "```", ""]
    (out / "report.md").write_text("\n".join(lines))
    # Every violating conversation in full, for whoever fixes them.
    with (out / "violations.txt").open("w") as sink:
        for name in INVARIANTS:
            for transcript, violation in run.violations.get(name, []):
                sink.write(f"### {name} at turn {violation.turn}: {violation.detail}\n{transcript.render()}\n\n")
    return summary


def focused_pool(pattern: str) -> Pool:
    """The pool with only the openings that match ``pattern`` (e.g. the health ones, to reach the health
    question in every conversation)."""
    pool = load_pool()
    openings = tuple(entry for entry in pool.openings if re.search(pattern, entry.text, re.IGNORECASE))
    if not openings:
        raise SystemExit(f"no opening of the pool matches {pattern!r}")
    return dataclasses.replace(pool, openings=openings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.simulator")
    parser.add_argument("--conversations", type=int, default=int(os.environ.get("SIM_CONVERSATIONS", "2000")))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("SIM_SEED", "1")))
    parser.add_argument("--senders", type=int, default=int(os.environ.get("SIM_SENDERS", "4")))
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "var" / "simulate")
    parser.add_argument("--replay", type=int, help="run the conversation of this seed alone and print it")
    parser.add_argument("--openings", help="a regular expression: only the pool's openings it finds are used")
    args = parser.parse_args(argv)
    pool = focused_pool(args.openings) if args.openings else None

    with tempfile.TemporaryDirectory(prefix="relais-simulate-") as var_dir:
        stack = start_stack(Path(var_dir))
        try:
            watcher = log_watcher(stack)
            if args.replay is not None:
                bot = bot_factory(stack, watcher)()
                transcript = run_conversation(bot, args.replay, pool)
                bot.close()
                print(transcript.render())
                for violation in check(transcript):
                    print(f"VIOLATION {violation.invariant} at turn {violation.turn}: {violation.detail}")
                return 0
            started = time.monotonic()

            def progress(run):
                if len(run.transcripts) % 100 == 0:
                    print(
                        f"  {len(run.transcripts)} conversations, "
                        f"{sum(len(v) for v in run.violations.values())} violations",
                        flush=True,
                    )

            run = simulate(bot_factory(stack, watcher), args.conversations, args.seed, args.senders, progress, pool)
            summary = write_report(run, args.out, time.monotonic() - started)
        finally:
            stack.stop()
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    print(f"report: {args.out / 'report.md'}")
    return 1 if summary["conversations_with_a_violation"] else 0


if __name__ == "__main__":
    sys.exit(main())
