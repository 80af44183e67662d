"""Supervision leaves nothing behind and never shares a port with a stale server (ops/stack.py).

A supervisor killed with SIGKILL takes its children with it, and their own children (a Sanic server's
workers, which bind with SO_REUSEPORT); a start that finds one of its ports taken, even by such a
worker, says which and starts nothing. Processes are awaited through pidfds: the kernel says when each
one has ended, nothing is polled."""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ops.settings import REPO_ROOT, Settings, free_port
from ops.stack import PortTaken, Stack, port_is_free

# A supervisor of two children: a plain HTTP server, and a Sanic server with two workers started the way
# the Rasa server starts them (bot.rasa_server: a worker per SO_REUSEPORT socket). It prints every process
# of its stack once they answer, then waits to be killed.
SUPERVISOR = """
import json, os, sys
from pathlib import Path
from ops.settings import Settings
from ops.stack import Process, Stack

var_dir, plain_port, sanic_port = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
SANIC = '''
import sys
import bot.rasa_server  # noqa: F401
from sanic import Sanic, response
app = Sanic("stale")
@app.get("/")
async def ok(request):
    return response.text("ok")
app.run(host="127.0.0.1", port=int(sys.argv[1]), workers=2, access_log=False)
'''

class Children(Stack):
    def build_processes(self):
        logs = self.settings.var_dir / "logs"
        return [
            Process("plain", [sys.executable, "-m", "http.server", str(plain_port), "--bind", "127.0.0.1"],
                    f"http://127.0.0.1:{plain_port}/", logs / "plain.log"),
            Process("sanic", [sys.executable, "-c", SANIC, str(sanic_port)], f"http://127.0.0.1:{sanic_port}/",
                    logs / "sanic.log"),
        ]

    def ports(self):
        return {"plain": plain_port, "sanic": sanic_port}

stack = Children(Settings(var_dir=var_dir), model_path=Path(sys.executable)).start(timeout=300)
print(json.dumps({name: p.popen.pid for name, p in stack.processes.items()}), flush=True)
sys.stdin.read()
"""


def descendants(pid: int) -> list[int]:
    """The process and everything it started that still runs, from /proc."""
    found = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in children:
            found += descendants(int(child))
    return found


def open_pidfds(pids: list[int]) -> dict[int, int]:
    """A pidfd per running process of ``pids`` (pidfd -> pid), opened while they run: a pid reused later by another
    process (the other xdist worker starts many) is then never waited for by mistake."""
    pidfds = {}
    for pid in pids:
        try:
            pidfds[os.pidfd_open(pid)] = pid
        except ProcessLookupError:
            continue  # already gone
    return pidfds


def wait_until_gone(pidfds: dict[int, int], timeout_s: float) -> list[str]:
    """Waits for every process of ``pidfds`` to end (a pidfd becomes readable then); returns those still running, each
    with its command line, and closes the pidfds."""
    try:
        waiting = set(pidfds)
        deadline = time.monotonic() + timeout_s
        while waiting and (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select(list(waiting), [], [], left)
            waiting -= set(ready)
        return [f"{pidfds[fd]} {_command_line(pidfds[fd])}" for fd in sorted(waiting, key=pidfds.get)]
    finally:
        for fd in pidfds:
            os.close(fd)


def _command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")[:200]
    except OSError:
        return "(gone)"


def test_children_and_their_workers_die_with_a_supervisor_killed_with_sigkill(tmp_path):
    plain_port, sanic_port = free_port(), free_port()
    supervisor = subprocess.Popen(
        [sys.executable, "-c", SUPERVISOR, str(tmp_path), str(plain_port), str(sanic_port)],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        started = json.loads(supervisor.stdout.readline() or "{}")
        assert set(started) == {"plain", "sanic"}, (tmp_path / "logs" / "sanic.log").read_text(errors="replace")
        everything = [pid for child in started.values() for pid in descendants(child)]
        assert len(everything) >= 4  # both children and the Sanic server's two workers
        assert not port_is_free("127.0.0.1", sanic_port)

        pidfds = open_pidfds(everything)
        supervisor.send_signal(signal.SIGKILL)
        supervisor.wait()

        assert wait_until_gone(pidfds, timeout_s=60) == []
        assert port_is_free("127.0.0.1", plain_port) and port_is_free("127.0.0.1", sanic_port)
    finally:
        supervisor.kill()
        supervisor.wait()
        for pid in [pid for child in locals().get("started", {}).values() for pid in descendants(child)]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)  # only if the test failed: nothing is left for the next one


@pytest.fixture
def stale_worker():
    """A port held as a stale Sanic worker holds it: listening, with SO_REUSEPORT."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    yield listener.getsockname()[1]
    listener.close()


def test_a_port_held_with_so_reuseport_is_taken(stale_worker):
    assert not port_is_free("127.0.0.1", stale_worker)
    assert port_is_free("127.0.0.1", free_port())


def test_a_start_on_a_taken_port_names_it_and_starts_nothing(tmp_path, stale_worker):
    model = tmp_path / "model.tar.gz"
    model.write_bytes(b"")
    stack = Stack(Settings.temporary(tmp_path / "var", rasa_port=stale_worker), model_path=model)
    with pytest.raises(PortTaken, match=rf"port {stale_worker} \(rasa\) already in use.*Nothing was started"):
        stack.start()
    assert [name for name, process in stack.processes.items() if process.popen is not None] == []


def test_a_second_run_says_its_port_is_taken_and_never_says_it_is_running(stale_worker):
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO_ROOT),
        "RELAIS_ENV": "development",
        "RELAIS_RASA_PORT": str(stale_worker),
        "RELAIS_ACTIONS_PORT": str(free_port()),
        "RELAIS_WEB_PORT": str(free_port()),
        "RELAIS_RASA_TOKEN": "t" * 32,
        "RELAIS_SESSION_SECRET": "s" * 48,
    }
    done = subprocess.run(
        [sys.executable, "-m", "ops", "run"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1
    assert f"port {stale_worker} (rasa) already in use" in done.stderr
    assert "Relais is running" not in done.stdout
