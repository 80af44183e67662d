"""`python -m bench.cpu`: what one conversation turn costs in CPU, per process, on a shared machine.

Latency and throughput move with whatever else runs on the cores; the CPU time a turn takes does much less
(it is the work, not the wait). This starts the embedded stack (one Rasa worker by default, so every turn's
cost is in one process), warms it up, then sends the benchmark's scripted conversations a few at a time and
reads the user + system CPU time of each process group from /proc before and after.

    python -m bench.cpu                              # 20 conversations (320 turns), 3 runs
    python -m bench.cpu --profile                    # and a CPU-clock sampling profile of Rasa and the actions
    python -m bench.cpu --profile-stats var/bench/profile/bot.rasa_server-*.txt --cpu-ms 40   # an earlier one

With --profile the servers run under `bench.profiled` and the profile is taken over the last run only (its CPU
figures include the profiler's cost); the table sorts a turn's CPU into the parts named in PARTS (the samples
whose stack passes through their entry points), in ms from the median of the unprofiled runs.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.__main__ import cpu_snapshot
from bench.load import relais_completed, relais_script, run_load
from cases.db import migrate
from ops.settings import VAR_DIR, Settings
from ops.stack import Stack

PROFILE_DIR = VAR_DIR / "bench" / "profile"


def _group_pids(pgid: int) -> list[int]:
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[2]) == pgid:
                pids.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return pids


def _signal_servers(stack: Stack, signum: int) -> None:
    for process in stack.processes.values():
        for pid in _group_pids(process.popen.pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signum)


async def _load(url: str, conversations: int, concurrency: int, prefix: str) -> int:
    turns = errors = 0
    for start in range(0, conversations, concurrency):
        result = await run_load(
            prefix, url, min(concurrency, conversations - start), 0, relais_script, relais_completed, prefix
        )
        turns += result.turns
        errors += result.errors
    if errors:
        print(f"  warning: {errors} errors in the load", flush=True)
    return turns


# A turn's parts, by the functions that enter them: (label, ((file suffix, function name), ...)). A sample counts
# for every part its stack passes through: the indented parts are within the one above them.
PARTS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("HTTP request handled (Sanic handler)", (("sanic/app.py", "handle_request"),)),
    ("  whole turn (MessageProcessor.handle_message)", (("rasa/core/processor.py", "handle_message"),)),
    ("    session check and tracker retrieval", (("rasa/core/processor.py", "fetch_tracker_and_update_session"),)),
    ("      tracker store: retrieve", (("bot/tracker_store.py", "retrieve"),)),
    ("    NLU: parse_message (graph run)", (("rasa/core/processor.py", "parse_message"),)),
    ("      spaCy (SpacyNLP.process)", (("rasa/nlu/utils/spacy_utils.py", "process"),)),
    ("      SpacyTokenizer", (("rasa/nlu/tokenizers/tokenizer.py", "process"),)),
    ("      SpacyFeaturizer", (("rasa/nlu/featurizers/dense_featurizer/spacy_featurizer.py", "process"),)),
    ("      RegexFeaturizer", (("rasa/nlu/featurizers/sparse_featurizer/regex_featurizer.py", "process"),)),
    (
        "      LexicalSyntacticFeaturizer",
        (("rasa/nlu/featurizers/sparse_featurizer/lexical_syntactic_featurizer.py", "process"),),
    ),
    (
        "      CountVectorsFeaturizer (both)",
        (("rasa/nlu/featurizers/sparse_featurizer/count_vectors_featurizer.py", "process"),),
    ),
    ("      LogisticRegressionClassifier", (("rasa/nlu/classifiers/logistic_regression_classifier.py", "process"),)),
    ("      LinearResponseSelector", (("bot/components/linear_response_selector.py", "process"),)),
    (
        "        features -> matrix (_create_X, both)",
        (("rasa/nlu/classifiers/logistic_regression_classifier.py", "_create_X"),),
    ),
    ("      CRF entities", (("rasa/nlu/extractors/crf_entity_extractor.py", "process"),)),
    ("      FallbackClassifier", (("rasa/nlu/classifiers/fallback_classifier.py", "process"),)),
    ("      crisis guard (triage.distress)", (("bot/components/crisis_guard.py", "process"),)),
    ("    slot mappings (ActionExtractSlots)", (("rasa/core/processor.py", "run_action_extract_slots"),)),
    ("    policies (_predict_next_with_tracker)", (("rasa/core/processor.py", "_predict_next_with_tracker"),)),
    ("      RulePolicy", (("rasa/core/policies/rule_policy.py", "predict_action_probabilities"),)),
    ("      MemoizationPolicy", (("rasa/core/policies/memoization.py", "predict_action_probabilities"),)),
    ("    actions (_run_action)", (("rasa/core/processor.py", "_run_action"),)),
    ("      calls to the action server (RemoteAction.run)", (("rasa/core/actions/action.py", "run"),)),
    ("        tracker as JSON for the call (current_state)", (("rasa/shared/core/trackers.py", "current_state"),)),
    ("        response check (jsonschema)", (("bot/channels.py", "_validate_action_result"),)),
    ("        HTTP (aiohttp)", (("bot/action_client.py", "request"),)),
    ("    tracker store: save", (("bot/tracker_store.py", "save"),)),
    ("  replay check (_answers_already_given)", (("bot/channels.py", "_answers_already_given"),)),
    ("across the turn: past_states (policies' states)", (("rasa/shared/core/trackers.py", "past_states"),)),
    (
        "across the turn: applied_events",
        (("rasa/shared/core/trackers.py", "applied_events"), ("bot/speedups.py", "applied_events")),
    ),
    ("across the turn: new trackers (copies of the slots)", (("rasa/shared/core/trackers.py", "__init__"),)),
    ("across the turn: deepcopy", (("copy.py", "deepcopy"),)),
    ("across the turn: Event.as_dict", (("rasa/shared/core/events.py", "as_dict"),)),
    ("across the turn: json.dumps", (("json/__init__.py", "dumps"),)),
    (
        "across the turn: SQLAlchemy",
        (
            ("sqlalchemy/orm/session.py", "execute"),
            ("sqlalchemy/orm/session.py", "commit"),
            ("sqlalchemy/orm/session.py", "flush"),
        ),
    ),
    ("across the turn: logging", (("logging/__init__.py", "_log"),)),
)


def _matches(frame: str, entries: tuple[tuple[str, str], ...]) -> bool:
    name, _, where = frame.partition(" (")
    path = where.rsplit(":", 1)[0]
    return any(name == function and path.endswith(suffix) for suffix, function in entries)


def profile_table(paths: list[Path], cpu_ms_per_turn: float | None = None) -> str:
    """The parts of a turn in a sampled profile (bench.profiled's collapsed stacks): the share of the CPU
    samples whose stack passes through each part's entry points, and in ms when the CPU per turn is known."""
    stacks: list[tuple[list[str], int]] = []
    for path in paths:
        for line in path.read_text(errors="replace").splitlines():
            stack, _, count = line.rpartition(" ")
            if stack and count.isdigit():
                stacks.append((stack.split(";"), int(count)))
    total = sum(count for _, count in stacks)
    lines = [f"{'part':<62} {'CPU ms/turn':>11} {'share':>6}", "-" * 81]
    for label, entries in (("every CPU sample of the process", ()), *PARTS):
        n = total if not entries else sum(c for frames, c in stacks if any(_matches(f, entries) for f in frames))
        ms = f"{cpu_ms_per_turn * n / total:11.1f}" if cpu_ms_per_turn and total else f"{'':>11}"
        lines.append(f"{label:<62} {ms} {100 * n / max(total, 1):5.1f} %")
    lines.append(f"({total} samples)")
    return "\n".join(lines)


def hottest(paths: list[Path], count: int = 25) -> str:
    """Functions by the samples spent in them (their own code and the C code they call)."""
    own: dict[str, int] = {}
    for path in paths:
        for line in path.read_text(errors="replace").splitlines():
            stack, _, n = line.rpartition(" ")
            if stack and n.isdigit():
                leaf = stack.split(";")[-1]
                own[leaf] = own.get(leaf, 0) + int(n)
    total = sum(own.values()) or 1
    ranked = sorted(own.items(), key=lambda item: -item[1])[:count]
    return "\n".join(f"{100 * n / total:5.1f} %  {name}" for name, n in ranked)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.cpu", description=__doc__.split("\n\n")[0])
    parser.add_argument("--conversations", type=int, default=20, help="per run (16 turns each)")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1, help="Sanic workers of the Rasa server")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--profile-stats", nargs="*", type=Path, help="print the table of these profiles (.txt)")
    parser.add_argument("--cpu-ms", type=float, help="with --profile-stats: the CPU ms per turn measured unprofiled")
    parser.add_argument("--start-timeout", type=float, default=240)
    parser.add_argument("--var-dir", type=Path, help="keep the stores here (a temporary directory otherwise)")
    args = parser.parse_args(argv)

    if args.profile_stats:
        print(profile_table(args.profile_stats, args.cpu_ms))
        print(hottest(args.profile_stats))
        return 0

    PROFILE_DIR.mkdir(parents=True, exist_ok=True)
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    with tempfile.TemporaryDirectory(prefix="relais-cpu-") as tmp:
        var_dir = args.var_dir or Path(tmp)
        var_dir.mkdir(parents=True, exist_ok=True)
        settings = Settings.temporary(var_dir, rasa_workers=args.workers)
        migrate(settings.database_url)
        stack = Stack(settings, with_web=False)
        if args.profile:
            for process in stack.processes.values():
                module = process.command.index("-m") + 1
                process.command[module:module] = ["bench.profiled"]
                process.env["RELAIS_PROFILE_DIR"] = str(PROFILE_DIR)
        started = time.monotonic()
        stack.start(timeout=args.start_timeout)
        try:
            print(
                f"ready in {time.monotonic() - started:.1f} s: "
                + ", ".join(f"{n} {p.ready_seconds:.1f} s" for n, p in stack.processes.items()),
                flush=True,
            )
            asyncio.run(_load(settings.rasa_url, args.warmup, args.concurrency, "warmup"))
            per_run: dict[str, list[float]] = {}
            for run in range(args.runs):
                profiling = args.profile and run == args.runs - 1
                if profiling:
                    for old in [*PROFILE_DIR.glob("*.prof"), *PROFILE_DIR.glob("*.txt")]:
                        old.unlink()
                    _signal_servers(stack, signal.SIGUSR1)
                before = cpu_snapshot(stack)
                turns = asyncio.run(_load(settings.rasa_url, args.conversations, args.concurrency, f"cpu{run}"))
                after = cpu_snapshot(stack)
                if profiling:
                    _signal_servers(stack, signal.SIGUSR2)
                    time.sleep(3)
                figures = {name: 1000 * (after[name] - before.get(name, 0)) / turns for name in after}
                for name, ms in figures.items():
                    per_run.setdefault(name, []).append(ms)
                print(
                    f"run {run + 1}{' (profiled)' if profiling else ''}: {turns} turns; CPU per turn "
                    + ", ".join(f"{n} {ms:.1f} ms" for n, ms in figures.items()),
                    flush=True,
                )
            unprofiled = args.runs - (1 if args.profile else 0)
            if unprofiled:
                print(
                    "median CPU per turn (unprofiled runs): "
                    + ", ".join(f"{n} {statistics.median(v[:unprofiled]):.1f} ms" for n, v in per_run.items())
                )
        finally:
            stack.stop()
    if args.profile:
        for prefix, name in (("bot.rasa_server", "rasa"), ("bot.action_server", "actions")):
            files = sorted(f for f in PROFILE_DIR.glob(f"{prefix}-*.txt") if not f.name.endswith(".gc.txt"))
            for gc_file in sorted(PROFILE_DIR.glob(f"{prefix}-*.gc.txt")):
                print(f"\n{prefix}: garbage collector's passes, profiled run ({gc_file.name})")
                print(gc_file.read_text(), end="")
            if files:
                unprofiled = per_run[name][: args.runs - 1] or per_run[name]
                print(f"\n{prefix}: {', '.join(f.name for f in files)}")
                print(profile_table(files, statistics.median(unprofiled)))
                print(hottest(files))
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
