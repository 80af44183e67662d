"""`python -m bench.ab`: the CPU a turn costs Rasa with and without bot/speedups.py, measured in one process.

On a machine others share, two runs minutes apart differ by more than most changes (the same build measured
46 and 53 ms per turn). Here one Rasa agent, loaded once as bot/rasa_server.py runs it (its stores, the action
server as a process), takes the benchmark's conversations in pairs, one with the speed-ups named and one
without, alternating which goes first: both halves of a pair see the same machine, and the median of the
pairs' differences is what the speed-ups save. CPU is the process's own time (time.process_time), over the
turns of each conversation; the action server's CPU is read from /proc.

    python -m bench.ab                               # all the speed-ups against none, 10 pairs
    python -m bench.ab --only applied_events --pairs 20
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

from bench.load import RELAIS_SCRIPT, relais_completed
from cases.db import migrate
from ops.rasa_config import write_endpoints
from ops.settings import MODEL_PATH, Settings
from ops.stack import actions_process, prepare_sqlite_tracker_store


def _process_cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _conversation(agent, sender: str) -> tuple[int, bool]:  # noqa: ANN001  (rasa's Agent)
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    replies: list[str] = []
    for text in RELAIS_SCRIPT:
        output = CollectingOutputChannel()
        await agent.handle_message(UserMessage(text, output, sender, input_channel="rest", metadata={}))
        replies = [m.get("text", "") for m in output.messages if m.get("text")]
    return len(RELAIS_SCRIPT), relais_completed(replies)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ab", description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=10)
    parser.add_argument("--only", nargs="*", help="speed-ups to compare (bot.speedups.NAMES); all by default")
    parser.add_argument("--warmup", type=int, default=2)
    args = parser.parse_args(argv)

    import logging

    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    import bot.channels  # (its speed-up to Rasa, applied when the server loads the channels)
    import bot.rasa_server  # noqa: F401  (Rasa as the server runs it: its patches, the speed-ups installed)
    from bot import speedups
    from ops import logs

    logs.install()
    configure_logging_and_warnings(logging.INFO)  # `rasa run`'s default level
    configure_structlog(logging.INFO)

    names = args.only or list(speedups.NAMES)
    with tempfile.TemporaryDirectory(prefix="relais-ab-") as tmp:
        settings = Settings.temporary(Path(tmp))
        migrate(settings.database_url)
        prepare_sqlite_tracker_store(settings.tracker_db_url)
        (Path(tmp) / "logs").mkdir()
        os.environ.update(settings.process_env())
        actions = actions_process("actions", settings, settings.actions_port)
        actions.start(settings.process_env())
        try:
            deadline = time.monotonic() + 300
            while True:
                try:
                    if httpx.get(actions.ready_url, timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline or not actions.is_running():
                    raise SystemExit(f"the action server did not start:\n{actions.log_tail()}")
                time.sleep(0.5)
            asyncio.run(_measure(args, settings, names, actions.popen.pid))
            logging.disable(logging.WARNING)  # the agent's sessions left open at exit
        finally:
            actions.stop()
    return 0


async def _measure(args: argparse.Namespace, settings: Settings, names: list[str], actions_pid: int) -> None:
    from rasa.core.agent import load_agent
    from rasa.core.utils import AvailableEndpoints

    from bot import speedups
    from triage import distress_model

    endpoints = AvailableEndpoints.read_endpoints(str(write_endpoints(settings)))
    agent = await load_agent(model_path=str(MODEL_PATH), endpoints=endpoints)
    # As bot.rasa_server.load_agent_then_freeze does once the model is loaded.
    distress_model.warm_up()
    gc.collect()
    gc.freeze()
    run_id = uuid.uuid4().hex[:6]

    async def one(label: str, index: int, on: bool) -> tuple[float, float]:
        speedups.uninstall()
        if on:
            speedups.install(*names)
        cpu, actions_cpu = time.process_time(), _process_cpu_s(actions_pid)
        turns, completed = await _conversation(agent, f"ab-{run_id}-{label}-{index}")
        if not completed:
            raise SystemExit(f"conversation {label}-{index} did not end with a case reference")
        return (
            1000 * (time.process_time() - cpu) / turns,
            1000 * (_process_cpu_s(actions_pid) - actions_cpu) / turns,
        )

    for index in range(args.warmup):
        await one("warmup", index, index % 2 == 0)
    results: dict[bool, list[tuple[float, float]]] = {True: [], False: []}
    for index in range(args.pairs):
        for on in (True, False) if index % 2 == 0 else (False, True):
            results[on].append(await one("on" if on else "off", index, on))
    speedups.install()

    def median(on: bool, part: int) -> float:
        return statistics.median(r[part] for r in results[on])

    saved = statistics.median(off[0] - on[0] for on, off in zip(results[True], results[False], strict=True))
    print(f"speed-ups compared: {', '.join(names)}; {args.pairs} pairs of {len(RELAIS_SCRIPT)}-turn conversations")
    print(
        f"  Rasa CPU per turn: without {median(False, 0):.1f} ms, with {median(True, 0):.1f} ms; median saving per pair {saved:.1f} ms"
    )
    print(f"  action server CPU per turn: without {median(False, 1):.1f} ms, with {median(True, 1):.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
