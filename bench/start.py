"""`python -m bench.start`: what a start costs, and which heavy libraries the servers hold after serving.

Starts the embedded stack (the Rasa server with its workers and the action server, no web app), prints each
process's time to ready and the user + system CPU its process group used until then (from /proc: CPU time,
unlike the wall clock, does not move much with what else runs on the machine), then runs a few conversations
and says whether TensorFlow is loaded in any Rasa process (its shared library mapped), before and after, and
the Rasa server's memory as the bench measures it (bench.group_memory).

    python -m bench.start                  # 2 workers, as the embedded mode runs, 2 starts
    python -m bench.start --workers 1 --starts 3 --conversations 0
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

from bench.__main__ import group_cpu_seconds, group_memory
from bench.cpu import _group_pids, _load
from cases.db import migrate
from ops.settings import Settings
from ops.stack import Process, Stack

# A library counts as loaded when its shared object is mapped into the process.
HEAVY_LIBRARIES = {"tensorflow": "libtensorflow_framework"}


def libraries_loaded(process: Process) -> dict[str, int]:
    """How many processes of the group have each heavy library mapped."""
    counts = dict.fromkeys(HEAVY_LIBRARIES, 0)
    for pid in _group_pids(process.popen.pid):
        try:
            maps = Path(f"/proc/{pid}/maps").read_text()
        except OSError:
            continue
        for name, marker in HEAVY_LIBRARIES.items():
            counts[name] += marker in maps
    return counts


def one_start(workers: int, conversations: int, timeout: float) -> None:
    with tempfile.TemporaryDirectory(prefix="relais-start-") as tmp:
        settings = Settings.temporary(Path(tmp), rasa_workers=workers)
        migrate(settings.database_url)
        stack = Stack(settings, with_web=False)
        started = time.monotonic()
        stack.start(timeout=timeout)
        try:
            cpu = {name: group_cpu_seconds(p) for name, p in stack.processes.items()}
            print(
                f"ready in {time.monotonic() - started:.1f} s: "
                + ", ".join(f"{n} {p.ready_seconds:.1f} s (CPU {cpu[n]:.1f} s)" for n, p in stack.processes.items()),
                flush=True,
            )
            rasa = next(p for n, p in stack.processes.items() if n.startswith("rasa"))
            print(f"  Rasa processes holding, after the start: {libraries_loaded(rasa)}", flush=True)
            if conversations:
                asyncio.run(_load(settings.rasa_url, conversations, min(conversations, 4), "start"))
                print(f"  after {conversations} conversations: {libraries_loaded(rasa)}", flush=True)
            print(f"  Rasa memory: {group_memory(rasa)}", flush=True)
        finally:
            stack.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.start", description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2, help="Sanic workers of the Rasa server")
    parser.add_argument("--starts", type=int, default=2)
    parser.add_argument("--conversations", type=int, default=4, help="after each start (16 turns each)")
    parser.add_argument("--start-timeout", type=float, default=240)
    args = parser.parse_args(argv)
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    for _ in range(args.starts):
        one_start(args.workers, args.conversations, args.start_timeout)
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
