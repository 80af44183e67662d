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
import signal
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import text

from bench.load import STOCK_SCRIPT, LoadResult, relais_completed, relais_script, run_load, stock_completed
from bench.stock import stock_process
from cases.db import make_engine, migrate
from cases.testing import postgres_url_for_schema, temporary_schemas
from ops.production import Layout, ProductionStack
from ops.settings import VAR_DIR, Settings, free_port
from ops.stack import Stack

RESULTS_DIR = VAR_DIR / "bench"
TARGET_P95_MS = 200
# Issue #18: the embedded server's two workers together, each production server.
TARGET_RASA_MB = {"embedded": 1200, "production": 900}
TARGET_CAPACITY_RATIO = 2.0
TARGET_READY_S = 10.0
BUSY_LOAD = 1.5


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kb = int(
        next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory_kb / 2**20, 1),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


# ----------------------------------------------------------------------------------------- systems


def embedded_stack(var_dir: Path, with_web: bool = True) -> Stack:
    """The embedded mode's processes on free ports, not started yet: SQLite stores under ``var_dir``, migrated."""
    settings = Settings.temporary(var_dir)  # rate limits: the benchmark's artisans come from this machine, on purpose
    migrate(settings.database_url)
    return Stack(settings, with_web=with_web)


@contextlib.contextmanager
def production_stack(var_dir: Path, schema_prefix: str, **overrides: Any) -> Iterator[ProductionStack]:
    """Production's processes on free ports, not started yet: nginx, PostgreSQL schemas of their own (migrated,
    dropped afterwards), Redis (RELAIS_BENCH_REDIS_URL, else the local one's database 8). ``overrides`` are
    Settings fields (``rasa_instances``...)."""
    with temporary_schemas(f"{schema_prefix}_cases", f"{schema_prefix}_rasa") as (cases_schema, tracker_schema):
        settings = Settings.temporary(
            var_dir,
            production=True,
            database_url=postgres_url_for_schema(cases_schema),
            tracker_db_url=postgres_url_for_schema(tracker_schema),
            lock_store_url=os.environ.get("RELAIS_BENCH_REDIS_URL", "redis://127.0.0.1:6379/8"),
            **overrides,
        )
        migrate(settings.database_url)
        yield ProductionStack(settings, layout=Layout.on_free_ports(settings))


@contextlib.contextmanager
def relais_system(
    mode: str,
    var_dir: Path,
    rasa_instances: int,
    actions_instances: int,
    start_timeout: float = 120,
    profile: bool = False,
) -> Iterator[tuple]:
    """A fresh Relais in the given mode: yields (stack, REST base URL, cases database URL)."""
    if mode == "embedded":
        stack = embedded_stack(var_dir, with_web=False)
        if profile:
            Profiler.prepare(stack)
        with started(stack, start_timeout):
            yield stack, stack.settings.rasa_url, stack.settings.database_url
        return

    with production_stack(
        var_dir, "relais_bench", rasa_instances=rasa_instances, actions_instances=actions_instances
    ) as production:
        if profile:
            Profiler.prepare(production)
        with started(production, start_timeout):
            yield production, production.public_url, production.settings.database_url


def count_cases(database_url: str, result: LoadResult) -> dict:
    """Cases of this run's conversations, against the conversations that reached their reference."""
    senders = {c.sender for c in result.conversations}
    prefix = next(iter(senders)).rsplit("-", 1)[0]
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            rows = (
                connection.execute(
                    text("SELECT conversation_id FROM cases WHERE conversation_id LIKE :p"), {"p": f"{prefix}-%"}
                )
                .scalars()
                .all()
            )
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

    def ports(self) -> dict[str, int]:
        return {"stock": self.port}


@contextlib.contextmanager
def started(stack: Stack, timeout: float) -> Iterator[Stack]:
    try:
        yield stack.start(timeout=timeout)
    finally:
        stack.stop()


# ----------------------------------------------------------------------------------------- CPU


def group_cpu_seconds(process) -> float:  # noqa: ANN001  (bot.stack.Process)
    """User + system CPU time of a process group's live processes (children reaped before are not counted:
    Sanic's workers live as long as the server)."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == process.popen.pid:
                ticks += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError, ValueError):
            continue
    return ticks / os.sysconf("SC_CLK_TCK")


def cpu_snapshot(stack: Stack) -> dict[str, float]:
    return {name: group_cpu_seconds(p) for name, p in stack.processes.items() if p.is_running()}


def cpu_per_turn(before: dict[str, float], after: dict[str, float], turns: int) -> dict[str, float]:
    """CPU milliseconds per turn of each process group: what a turn costs, less sensitive than latency to
    other work on the machine (which only delays it)."""
    return {name: round(1000 * (after[name] - before.get(name, 0)) / max(turns, 1), 1) for name in after}


# ----------------------------------------------------------------------------------------- memory


def _rollup(pid: int) -> dict[str, int]:
    """kB figures of /proc/PID/smaps_rollup (Rss, Pss, Private_Clean, Private_Dirty...)."""
    figures = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, _, value = line.partition(":")
        if value.strip().endswith("kB"):
            figures[name] = int(value.split()[0])
    return figures


def group_memory(process) -> dict | None:  # noqa: ANN001  (bot.stack.Process)
    """The memory of a process and its children (its process group), three ways, in MB.

    - rss_sum: the sum of their resident sets, what the earlier reports gave. Pages shared by a parent and
      its forked workers (the model loaded once) count once per process: it overstates a forked server.
    - own: the group alone on the machine: the leader's resident set, plus the pages each child holds
      privately (its own allocations and the copy-on-write copies it made). This is the figure the targets
      are measured with; for a single process it is its RSS.
    - pss: the proportional set size, where a page shared with any process on the machine (other servers
      using the same libraries) counts divided among them: lower while other work runs."""
    if not process.is_running():
        return None
    leader, children = None, []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) != process.popen.pid:
                continue
            pid = int(stat.parent.name)
            figures = _rollup(pid)
        except (OSError, IndexError, ValueError):
            continue  # ended while we looked
        if pid == process.popen.pid:
            leader = figures
        else:
            children.append(figures)
    every = ([leader] if leader else []) + children
    own = (leader["Rss"] if leader else 0) + sum(c["Private_Clean"] + c["Private_Dirty"] for c in children)
    return {
        "rss_sum_mb": round(sum(f["Rss"] for f in every) / 1024),
        "own_mb": round(own / 1024),
        "pss_mb": round(sum(f["Pss"] for f in every) / 1024),
        "processes": len(every),
    }


def memory_report(stack: Stack) -> dict:
    figures = {}
    for name, process in stack.processes.items():
        measured = group_memory(process)
        if measured:
            figures[name] = measured
            print(
                f"  {name:<10} memory {measured['own_mb']:6} MB own ({measured['processes']} processes; "
                f"RSS sum {measured['rss_sum_mb']} MB, PSS {measured['pss_mb']} MB)",
                flush=True,
            )
    return figures


# ----------------------------------------------------------------------------------------- profile


class Profiler:
    """The Rasa servers and action servers run under `bench.profiled` (a sampling profiler on each process's
    CPU clock, standard library only), switched on for the saturation run; each Sanic worker writes its own
    profile, summed here per server."""

    @staticmethod
    def prepare(stack: Stack) -> None:
        """Before the stack starts: its Python servers started as `python -m bench.profiled <module> ...`."""
        for name, process in stack.processes.items():
            if name.startswith(("rasa", "actions")) and "-m" in process.command:
                module = process.command.index("-m") + 1
                process.command[module:module] = ["bench.profiled"]
                process.env["RELAIS_PROFILE_DIR"] = str(RESULTS_DIR)

    def __init__(self, stack: Stack, out_dir: Path, label: str) -> None:
        self.stack, self.out_dir, self.label = stack, out_dir, label
        for old in out_dir.glob("bot.*-*.txt"):
            old.unlink()
        self._signal(signal.SIGUSR1)

    def _signal(self, signum: int) -> None:
        for name, process in self.stack.processes.items():
            if not (name.startswith(("rasa", "actions")) and process.is_running()):
                continue
            for stat in Path("/proc").glob("[0-9]*/stat"):
                with contextlib.suppress(OSError, IndexError, ValueError, ProcessLookupError):
                    if int(stat.read_text().rsplit(")", 1)[1].split()[2]) == process.popen.pid:
                        os.kill(int(stat.parent.name), signum)

    def stop(self) -> dict:
        self._signal(signal.SIGUSR2)
        time.sleep(3)  # each process writes its file from its signal handler
        summaries = {}
        for name, process in self.stack.processes.items():
            pids = {
                p.name.rsplit("-", 1)[1].split(".")[0]: p
                for p in self.out_dir.glob("bot.*-*.txt")
                if not p.name.endswith(".gc.txt")  # the garbage collector's passes (bench.profiled)
            }
            if not name.startswith(("rasa", "actions")) or process.popen is None:
                continue
            group = [p for pid, p in pids.items() if _in_group(int(pid), process.popen.pid)]
            if group:
                out = self.out_dir / f"profile-{self.label}-{name}.txt"
                out.write_text("".join(p.read_text() for p in group))
                summaries[name] = summarise_profile(out)
        return summaries


def _in_group(pid: int, pgid: int) -> bool:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[2]) == pgid
    except (OSError, IndexError, ValueError):
        return False


# Where the time of a turn can go, recognised in the sampled stacks (first match wins, most specific first).
COMPONENTS = (
    ("spaCy (tokens, tagger, parser)", ("spacy/", "thinc/")),
    (
        "intent and FAQ classifiers (NLU)",
        ("rasa/nlu/classifiers/", "rasa/nlu/selectors/", "bot/components/linear_response_selector"),
    ),
    (
        "other NLU featurizers",
        (
            "rasa/nlu/featurizers/",
            "rasa/nlu/extractors/",
            "rasa/nlu/tokenizers/",
            "sklearn/",
            "bot/components/stored_crf",
        ),
    ),
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
        component = next(
            (name for name, markers in COMPONENTS for marker in markers if any(marker in frame for frame in frames)),
            "other",
        )
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
    line = (
        f"  {s['label']:<28} {s['conversations']:>3} conv, pause {s['pause_s']:>3} s: {s['turns']:>4} turns in "
        f"{s['seconds']:>6.1f} s = {s['turns_per_s']:>6.2f} turns/s | p50 {s['p50_ms']:>5} ms  p95 {s['p95_ms']:>5} ms  "
        f"p99 {s['p99_ms']:>5} ms | errors {s['errors']} | completed {s['completed']}/{s['conversations']}"
    )
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


def run_pair(
    label: str,
    base_url: str,
    args: argparse.Namespace,
    script: tuple[str, ...] | Callable[[int], tuple[str, ...]],
    completed: Callable[[list[str]], bool],
    prefix: str,
    stack: Stack,
    database_url: str | None,
) -> dict:
    figures = {}
    if args.warmup:
        # A fresh server traces TensorFlow functions for each new input shape: its first turns are slow
        # (seconds), whatever the load. Both assistants get the same unmeasured conversations first.
        asyncio.run(run_load(f"{label} warm-up", base_url, args.warmup, 0, script, completed, f"warmup{prefix}"))
    if not args.skip_paced:
        paced = asyncio.run(
            run_load(f"{label} paced", base_url, args.conversations, args.pause, script, completed, prefix)
        )
        cases = count_cases(database_url, paced) if database_url else None
        print_result(paced, cases)
        figures["paced"] = {**paced.summary(), **({"cases": cases} if cases else {})}
    if not args.skip_saturation:
        profiler = Profiler(stack, RESULTS_DIR, label.split(maxsplit=1)[0].lower()) if args.profile else None
        cpu_before = cpu_snapshot(stack)
        saturated = asyncio.run(
            run_load(f"{label} saturation", base_url, args.conversations, 0, script, completed, f"{prefix}sat")
        )
        cpu = cpu_per_turn(cpu_before, cpu_snapshot(stack), saturated.summary()["turns"])
        cases = count_cases(database_url, saturated) if database_url else None
        print_result(saturated, cases)
        print("      CPU per turn: " + ", ".join(f"{name} {ms} ms" for name, ms in cpu.items()), flush=True)
        figures["saturation"] = {**saturated.summary(), **({"cases": cases} if cases else {}), "cpu_ms_per_turn": cpu}
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
    parser.add_argument("--profile", action="store_true", help="profile the servers during the saturation run")
    parser.add_argument(
        "--start-timeout",
        type=float,
        # The stock assistant's first start after its training (TensorFlow) took 52-85 s on quiet machines and more
        # than 120 s on 2026-12-03 with other work running, which lost the whole run after Relais's measures.
        default=300,
        help="seconds a server may take to be ready (more on a busy machine)",
    )
    parser.add_argument("--warmup", type=int, default=5, help="unmeasured conversations first (default 5)")
    args = parser.parse_args(argv)

    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    host = machine()
    print(
        f"Machine: {host['cpu']}, {host['cores']} cores, {host['memory_gb']} GB; load average "
        f"{' '.join(map(str, host['load_average']))}",
        flush=True,
    )
    if host["load_average"][0] > BUSY_LOAD:
        print(f"  warning: load above {BUSY_LOAD}: other work shares the cores, the figures are pessimistic.")
    report = {
        "at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": host,
        "command": " ".join(["python -m bench", *(argv if argv is not None else sys.argv[1:])]),
        "mode": args.mode,
    }

    with tempfile.TemporaryDirectory(prefix="relais-bench-") as tmp:
        start_time = time.monotonic()
        with relais_system(
            args.mode, Path(tmp), args.rasa_instances, args.actions_instances, args.start_timeout, args.profile
        ) as (
            stack,
            url,
            db,
        ):
            print(
                f"Relais ({args.mode}) ready in {time.monotonic() - start_time:.1f} s; per process:\n{stack.report()}",
                flush=True,
            )
            report["relais_processes"] = {
                name: {"ready_s": p.ready_seconds, "memory_mb": round(p.memory_mb() or 0)}
                for name, p in stack.processes.items()
            }
            report["relais_memory_at_start"] = memory_report(stack)
            report["relais"] = run_pair(
                f"Relais {args.mode}", url, args, relais_script, relais_completed, "bench", stack, db
            )
            # Forked workers copy the pages they write to: measured again once they have served the load.
            print("Relais memory after the load:")
            report["relais_memory_after_load"] = memory_report(stack)
        if not args.no_stock:
            stock = StockStack(Settings(var_dir=Path(tmp)), port=free_port())
            process = stock.processes["stock-rasa"]
            start_time = time.monotonic()
            with started(stock, args.start_timeout):
                print(
                    f"Stock assistant ready in {time.monotonic() - start_time:.1f} s; per process:\n{stock.report()}",
                    flush=True,
                )
                report["stock_processes"] = {
                    "stock-rasa": {"ready_s": process.ready_seconds, "memory_mb": round(process.memory_mb() or 0)}
                }
                port = process.ready_url.rsplit(":", 1)[1].strip("/")
                report["stock"] = run_pair(
                    "stock rasa init",
                    f"http://127.0.0.1:{port}",
                    args,
                    STOCK_SCRIPT,
                    stock_completed,
                    "stock",
                    stock,
                    None,
                )
                print("Stock memory after the load:")
                report["stock_memory_after_load"] = memory_report(stock)

    print_verdict(report)
    out = RESULTS_DIR / f"results-{args.mode}-{datetime.now().astimezone().strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"Figures written to {out}")
    return 0


def print_verdict(report: dict) -> None:
    relais, stock = report.get("relais", {}), report.get("stock", {})
    print("\nTargets:")
    rasa_memory = {
        name: m["own_mb"] for name, m in report.get("relais_memory_after_load", {}).items() if name.startswith("rasa")
    }
    ready = {
        name: p["ready_s"]
        for name, p in report.get("relais_processes", {}).items()
        if name.startswith("rasa") and p.get("ready_s") is not None
    }
    if ready:
        print(
            f"  Rasa ready in under {TARGET_READY_S:.0f} s: {'met' if max(ready.values()) < TARGET_READY_S else 'MISSED'} "
            f"({', '.join(f'{name} {s:.1f} s' for name, s in ready.items())})"
        )
    if rasa_memory:
        limit = TARGET_RASA_MB[report["mode"]]
        worst = max(rasa_memory.values())
        print(
            f"  Rasa memory at most {limit} MB per server after the load: {'met' if worst <= limit else 'MISSED'} "
            f"({', '.join(f'{name} {mb} MB' for name, mb in rasa_memory.items())})"
        )
    paced = relais.get("paced")
    if paced:
        cases = paced.get("cases", {})
        print(
            f"  p95 per turn under {TARGET_P95_MS} ms at {paced['conversations']} artisans: "
            f"{'met' if paced['p95_ms'] < TARGET_P95_MS else 'MISSED'} ({paced['p95_ms']} ms)"
        )
        print(f"  no error: {'met' if paced['errors'] == 0 else 'MISSED'} ({paced['errors']})")
        one_each = cases.get("exactly_one_per_completed") and cases.get("completed") == paced["conversations"]
        print(
            f"  exactly one case per completed conversation: {'met' if one_each else 'MISSED'} "
            f"({cases.get('cases')} cases, {cases.get('completed')} completed)"
        )
    if relais.get("saturation") and stock.get("saturation"):
        ratio = relais["saturation"]["turns_per_s"] / max(stock["saturation"]["turns_per_s"], 1e-9)
        print(
            f"  capacity at least {TARGET_CAPACITY_RATIO} x the stock assistant's: "
            f"{'met' if ratio >= TARGET_CAPACITY_RATIO else 'MISSED'} "
            f"(Relais/stock = {ratio:.2f}: {relais['saturation']['turns_per_s']} vs "
            f"{stock['saturation']['turns_per_s']} turns/s)"
        )
        report["capacity_ratio"] = round(ratio, 2)
    if paced and stock.get("paced"):
        ratio = paced["p95_ms"] / max(stock["paced"]["p95_ms"], 1)
        print(f"  paced p95 Relais/stock = {ratio:.2f} ({paced['p95_ms']} vs {stock['paced']['p95_ms']} ms)")
        report["paced_p95_ratio"] = round(ratio, 2)


if __name__ == "__main__":
    sys.exit(main())
