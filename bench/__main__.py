"""`python -m bench` (`make bench`): Relais under load, then `rasa init`'s stock assistant under the same load.

For each: a paced run (N artisans, each a whole conversation, pausing between messages as people type)
and a saturation run (no pause: turns per second the system can take). Relais' conversations must each
end with exactly one case, counted in its database. Prints p50/p95/p99 per turn, throughput, errors,
cases against completed conversations, start-up time and memory per process, and the Relais/stock ratios.

    python -m bench                         # embedded mode (SQLite, one Rasa server), 50 artisans, 5 s pauses
    python -m bench --mode production       # nginx, 2 Rasa + 2 action servers, PostgreSQL, Redis
    python -m bench --conversations 20 --pause 2 --no-stock --profile
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import text

from bench.load import RELAIS_SCRIPT, STOCK_SCRIPT, LoadResult, relais_completed, run_load, stock_completed
from bench.stock import stock_process
from bot.settings import VAR_DIR, Settings
from bot.stack import VENV_BIN, Stack
from cases.db import make_engine, migrate
from cases.testing import postgres_url_for_schema, temporary_schemas
from tests.support.stack import free_port

RESULTS_DIR = VAR_DIR / "bench"
TARGET_P95_MS = 300
BUSY_LOAD = 1.5


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory_kb = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                         if line.startswith("MemTotal")))
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(memory_kb / 2**20, 1),
            "load_average": [round(x, 2) for x in os.getloadavg()]}


# ----------------------------------------------------------------------------------------- systems


@contextlib.contextmanager
def relais_system(mode: str, var_dir: Path, rasa_instances: int, actions_instances: int) -> Iterator[tuple]:
    """A fresh Relais in the given mode: yields (stack, REST base URL, cases database URL)."""
    if mode == "embedded":
        settings = Settings.from_env(var_dir=var_dir)
        settings.database_url = f"sqlite:///{var_dir / 'relais.db'}"
        settings.tracker_db_url = f"sqlite:///{var_dir / 'rasa-tracker.db'}"
        settings.rasa_port, settings.actions_port = free_port(), free_port()
        settings.rate_limit_exempt = ("127.0.0.1",)  # 50 artisans from this machine, on purpose
        migrate(settings.database_url)
        stack = Stack(settings, with_web=False)
        with stack:
            yield stack, settings.rasa_url, settings.database_url
        return

    from bot.production import Layout, ProductionStack

    with temporary_schemas("relais_bench_cases", "relais_bench_rasa") as (cases_schema, tracker_schema):
        settings = Settings(
            env="production", var_dir=var_dir,
            database_url=postgres_url_for_schema(cases_schema), tracker_db_url=postgres_url_for_schema(tracker_schema),
            lock_store_url=os.environ.get("RELAIS_BENCH_REDIS_URL", "redis://127.0.0.1:6379/8"),
            rasa_token=uuid.uuid4().hex, session_secret=uuid.uuid4().hex * 2,
            rasa_instances=rasa_instances, actions_instances=actions_instances, log_format="json",
            proxy_port=free_port(), actions_proxy_port=free_port(), web_port=free_port(),
            rate_limit_exempt=("127.0.0.1",),  # 50 artisans from this machine, on purpose
        )
        settings.check_production()
        migrate(settings.database_url)
        layout = Layout(tuple(free_port() for _ in range(rasa_instances)),
                        tuple(free_port() for _ in range(actions_instances)),
                        settings.web_port, settings.proxy_port, settings.actions_proxy_port)
        stack = ProductionStack(settings, layout=layout)
        with stack:
            yield stack, stack.public_url, settings.database_url


def count_cases(database_url: str, result: LoadResult) -> dict:
    """Cases of this run's conversations, against the conversations that reached their reference."""
    senders = {c.sender for c in result.conversations}
    prefix = next(iter(senders)).rsplit("-", 1)[0]
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT conversation_id FROM cases WHERE conversation_id LIKE :p"),
                                      {"p": f"{prefix}-%"}).scalars().all()
    finally:
        engine.dispose()
    per_conversation = Counter(rows)
    completed = {c.sender for c in result.conversations if c.completed}
    return {
        "cases": len(rows),
        "completed": len(completed),
        "exactly_one_per_completed": all(per_conversation[s] == 1 for s in completed),
        "cases_without_completed_conversation": len(set(per_conversation) - completed),
    }


@dataclass
class StockStack(Stack):
    """`rasa init`'s assistant alone, supervised like Relais' processes."""

    port: int = 0

    def build_processes(self) -> list:
        return [stock_process(self.port, self.settings.var_dir / "logs")]


# ----------------------------------------------------------------------------------------- profile


class Profiler:
    """py-spy sampling the Rasa servers (and action servers) while the load runs, without pausing them;
    with their child processes, where Sanic's workers run when there are several."""

    def __init__(self, stack: Stack, out_dir: Path, label: str) -> None:
        self.runs = []
        for name, process in stack.processes.items():
            if name.startswith(("rasa", "actions")) and process.is_running():
                out = out_dir / f"profile-{label}-{name}.txt"
                command = [str(VENV_BIN / "py-spy"), "record", "--pid", str(process.popen.pid), "--rate", "50",
                           "--format", "raw", "--nonblocking", "--subprocesses", "--output", str(out)]
                self.runs.append((name, out, subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                                              stderr=subprocess.DEVNULL)))

    def stop(self) -> dict:
        summaries = {}
        for name, out, run in self.runs:
            run.send_signal(2)  # py-spy writes its file on Ctrl-C
            try:
                run.wait(30)
            except subprocess.TimeoutExpired:
                run.kill()
            if out.exists():
                summaries[name] = summarise_profile(out)
        return summaries


# Where the time of a turn can go, recognised in the sampled stacks (first match wins, most specific first).
COMPONENTS = (
    ("spaCy (tokens, tagger, parser)", ("spacy/", "thinc/")),
    ("intent and FAQ classifiers (NLU)", ("rasa/nlu/classifiers/", "rasa/nlu/selectors/",
                                          "bot/components/linear_response_selector")),
    ("other NLU featurizers", ("rasa/nlu/featurizers/", "rasa/nlu/extractors/", "rasa/nlu/tokenizers/", "sklearn/",
                               "bot/components/stored_crf")),
    ("crisis guard (triage)", ("bot/components/", "triage/")),
    ("TED / UnexpecTED (dialogue ML)", ("rasa/core/policies/ted", "rasa/core/policies/unexpected")),
    ("rules and memoization", ("rasa/core/policies/rule", "rasa/core/policies/memoization")),
    ("TensorFlow (inside the models)", ("tensorflow/", "keras/")),
    ("lock store (SQLite or Redis)", ("rasa/core/lock_store", "rasa/core/lock.py", "bot/lock_store", "redis/")),
    ("tracker store (SQL)", ("rasa/core/tracker_store", "bot/tracker_store", "sqlalchemy/", "psycopg2", "sqlite3")),
    ("calls to the action server", ("rasa/core/actions/action.py", "aiohttp/", "rasa/utils/endpoints")),
    ("action server code", ("rasa_sdk/", "actions/", "guidance/", "chamber/", "cases/")),
    ("tracker & featurization (Rasa core)", ("rasa/shared/core/", "rasa/core/featurizers", "rasa/core/processor")),
    ("HTTP server (Sanic)", ("sanic/", "uvloop", "httptools")),
)


def summarise_profile(path: Path) -> dict:
    """Shares of the busy samples (idle event-loop waits excluded) by component, and the hottest functions."""
    by_component: Counter = Counter()
    own: Counter = Counter()
    busy = 0
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        frames = stack.split(";")
        leaf = frames[-1]
        # Waiting for work: the event loop (uvloop's shows as Sanic's serve), selectors, thread waits.
        if any(idle in leaf for idle in ("serve (", "select (", "epoll", "_run_once (", "poll (", "wait (")):
            continue
        samples = int(count)
        busy += samples
        function, _, where = leaf.partition(" (")
        own[f"{function} ({where.rstrip(')').split('/')[-1]})"] += samples
        component = next((name for name, markers in COMPONENTS for marker in markers
                          if any(marker in frame for frame in frames)), "other")
        by_component[component] += samples
    if not busy:
        return {"busy_samples": 0}
    return {
        "busy_samples": busy,
        "components": {name: round(100 * n / busy, 1) for name, n in by_component.most_common()},
        "hottest": [(name, round(100 * n / busy, 1)) for name, n in own.most_common(12)],
    }


# ----------------------------------------------------------------------------------------- report


def print_result(result: LoadResult, cases: dict | None = None) -> None:
    s = result.summary()
    line = (f"  {s['label']:<28} {s['conversations']:>3} conv, pause {s['pause_s']:>3} s: {s['turns']:>4} turns in "
            f"{s['seconds']:>6.1f} s = {s['turns_per_s']:>6.2f} turns/s | p50 {s['p50_ms']:>5} ms  p95 {s['p95_ms']:>5} ms  "
            f"p99 {s['p99_ms']:>5} ms | errors {s['errors']} | completed {s['completed']}/{s['conversations']}")
    if cases is not None:
        line += f" | cases {cases['cases']} (one each: {'yes' if cases['exactly_one_per_completed'] else 'NO'})"
    print(line, flush=True)
    for error in s["first_errors"]:
        print(f"      {error}")


def print_profile(label: str, profiles: dict) -> None:
    for name, summary in profiles.items():
        if not summary.get("busy_samples"):
            continue
        print(f"  where the time goes, {label} {name} ({summary['busy_samples']} busy samples):")
        for component, share in summary["components"].items():
            print(f"    {share:5.1f} %  {component}")
        print("    hottest functions: " + "; ".join(f"{fn} {share} %" for fn, share in summary["hottest"][:6]))


def run_pair(label: str, base_url: str, args: argparse.Namespace, script: tuple[str, ...],
             completed: Callable[[list[str]], bool], prefix: str,
             stack: Stack, database_url: str | None) -> dict:
    figures = {}
    if args.warmup:
        # A fresh server traces TensorFlow functions for each new input shape: its first turns are slow
        # (seconds), whatever the load. Both assistants get the same unmeasured conversations first.
        asyncio.run(run_load(f"{label} warm-up", base_url, args.warmup, 0, script, completed, f"warmup{prefix}"))
    if not args.skip_paced:
        paced = asyncio.run(run_load(f"{label} paced", base_url, args.conversations, args.pause, script, completed, prefix))
        cases = count_cases(database_url, paced) if database_url else None
        print_result(paced, cases)
        figures["paced"] = {**paced.summary(), **({"cases": cases} if cases else {})}
    if not args.skip_saturation:
        profiler = Profiler(stack, RESULTS_DIR, label.split(maxsplit=1)[0].lower()) if args.profile else None
        saturated = asyncio.run(run_load(f"{label} saturation", base_url, args.conversations, 0, script, completed,
                                         f"{prefix}sat"))
        cases = count_cases(database_url, saturated) if database_url else None
        print_result(saturated, cases)
        figures["saturation"] = {**saturated.summary(), **({"cases": cases} if cases else {})}
        if profiler:
            figures["profile"] = profiler.stop()
            print_profile(label, figures["profile"])
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--mode", choices=("embedded", "production"), default="embedded")
    parser.add_argument("--conversations", type=int, default=50, help="concurrent artisans (default 50)")
    parser.add_argument("--pause", type=float, default=5.0, help="seconds between an answer and the next message")
    parser.add_argument("--rasa-instances", type=int, default=2, help="production mode")
    parser.add_argument("--actions-instances", type=int, default=2, help="production mode")
    parser.add_argument("--skip-paced", action="store_true")
    parser.add_argument("--skip-saturation", action="store_true")
    parser.add_argument("--no-stock", action="store_true", help="do not run the stock assistant")
    parser.add_argument("--profile", action="store_true", help="py-spy the servers during the saturation runs")
    parser.add_argument("--warmup", type=int, default=5, help="unmeasured conversations first (default 5)")
    args = parser.parse_args(argv)

    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    host = machine()
    print(f"Machine: {host['cpu']}, {host['cores']} cores, {host['memory_gb']} GB; load average "
          f"{' '.join(map(str, host['load_average']))}", flush=True)
    if host["load_average"][0] > BUSY_LOAD:
        print(f"  warning: load above {BUSY_LOAD}: other work shares the cores, the figures are pessimistic.")
    report = {"at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": host,
              "command": " ".join(["python -m bench", *(argv if argv is not None else sys.argv[1:])]), "mode": args.mode}

    with tempfile.TemporaryDirectory(prefix="relais-bench-") as tmp:
        started = time.monotonic()
        with relais_system(args.mode, Path(tmp), args.rasa_instances, args.actions_instances) as (stack, url, db):
            print(f"Relais ({args.mode}) ready in {time.monotonic() - started:.1f} s; per process:\n{stack.report()}",
                  flush=True)
            report["relais_processes"] = {name: {"ready_s": p.ready_seconds, "memory_mb": round(p.memory_mb() or 0)}
                                          for name, p in stack.processes.items()}
            report["relais"] = run_pair(f"Relais {args.mode}", url, args, RELAIS_SCRIPT, relais_completed, "bench",
                                        stack, db)
        if not args.no_stock:
            stock = StockStack(Settings(var_dir=Path(tmp)), port=free_port())
            process = stock.processes["stock-rasa"]
            started = time.monotonic()
            with stock:
                print(f"Stock assistant ready in {time.monotonic() - started:.1f} s; per process:\n{stock.report()}",
                      flush=True)
                report["stock_processes"] = {"stock-rasa": {"ready_s": process.ready_seconds,
                                                            "memory_mb": round(process.memory_mb() or 0)}}
                port = process.ready_url.rsplit(":", 1)[1].strip("/")
                report["stock"] = run_pair("stock rasa init", f"http://127.0.0.1:{port}", args, STOCK_SCRIPT,
                                           stock_completed, "stock", stock, None)

    print_verdict(report)
    out = RESULTS_DIR / f"results-{args.mode}-{datetime.now().strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"Figures written to {out}")
    return 0


def print_verdict(report: dict) -> None:
    relais, stock = report.get("relais", {}), report.get("stock", {})
    print("\nTargets:")
    paced = relais.get("paced")
    if paced:
        cases = paced.get("cases", {})
        print(f"  p95 per turn under {TARGET_P95_MS} ms at {paced['conversations']} artisans: "
              f"{'met' if paced['p95_ms'] < TARGET_P95_MS else 'MISSED'} ({paced['p95_ms']} ms)")
        print(f"  no error: {'met' if paced['errors'] == 0 else 'MISSED'} ({paced['errors']})")
        one_each = cases.get("exactly_one_per_completed") and cases.get("completed") == paced["conversations"]
        print(f"  exactly one case per completed conversation: {'met' if one_each else 'MISSED'} "
              f"({cases.get('cases')} cases, {cases.get('completed')} completed)")
    if relais.get("saturation") and stock.get("saturation"):
        ratio = relais["saturation"]["turns_per_s"] / max(stock["saturation"]["turns_per_s"], 1e-9)
        print(f"  capacity at least the stock assistant's: {'met' if ratio >= 1 else 'MISSED'} "
              f"(Relais/stock = {ratio:.2f}: {relais['saturation']['turns_per_s']} vs "
              f"{stock['saturation']['turns_per_s']} turns/s)")
        report["capacity_ratio"] = round(ratio, 2)
    if paced and stock.get("paced"):
        ratio = paced["p95_ms"] / max(stock["paced"]["p95_ms"], 1)
        print(f"  paced p95 Relais/stock = {ratio:.2f} ({paced['p95_ms']} vs {stock['paced']['p95_ms']} ms)")
        report["paced_p95_ratio"] = round(ratio, 2)


if __name__ == "__main__":
    sys.exit(main())
