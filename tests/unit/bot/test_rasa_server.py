"""`python -m bot.rasa_server`: Sanic's workers each listen on their own socket, so a burst of connections
is spread between them instead of all going to the first worker that wakes up; a worker that dies is
started again, and workers that keep dying stop the server."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from ops.settings import REPO_ROOT, free_port

# A Sanic app started the way `rasa run` starts its server, with bot.rasa_server's changes installed.
WORKER_PIDS_APP = """
import os, sys
import bot.rasa_server  # noqa: F401
from sanic import Sanic, response

app = Sanic("worker_pids")

@app.get("/")
async def pid(request):
    return response.text(str(os.getpid()))

if len(sys.argv) > 2 and sys.argv[2] == "broken":
    @app.before_server_start
    async def cannot_start(app, loop):
        raise RuntimeError("no model")

app.run(host="127.0.0.1", port=int(sys.argv[1]), workers=2, access_log=False)
"""


def _get_pid(connection: socket.socket) -> str:
    connection.sendall(b"GET / HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
    answer = b""
    while chunk := connection.recv(4096):
        answer += chunk
    return answer.split(b"\r\n\r\n", 1)[1].decode()


def _burst(port: int, size: int) -> list[str]:
    """``size`` connections made before any request: they wait together in the kernel's queues."""
    connections = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(size)]
    try:
        return [_get_pid(connection) for connection in connections]
    finally:
        for connection in connections:
            connection.close()


def _listening_sockets(port: int) -> int:
    """Sockets listening on ``port`` (state 0A in /proc/net/tcp)."""
    rows = [line.split() for line in Path("/proc/net/tcp").read_text().splitlines()[1:]]
    return sum(1 for row in rows if int(row[1].split(":")[1], 16) == port and row[3] == "0A")


def _start(port: int, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WORKER_PIDS_APP, str(port), *args],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _both_workers(port: int, timeout_s: float = 120) -> set[str]:
    deadline, pids = time.monotonic() + timeout_s, set()
    while len(pids) < 2 and time.monotonic() < deadline:  # until both workers listen
        try:
            pids = set(_burst(port, 4))
        except OSError:
            time.sleep(0.5)
    return pids


def test_each_worker_listens_on_its_own_socket_and_a_burst_reaches_both():
    port = free_port()
    server = _start(port)
    try:
        pids = _both_workers(port)
        assert len(pids) == 2, "the second worker never answered"
        assert _listening_sockets(port) == 2  # Sanic's own way: one socket, bound by the parent

        served_by = _burst(port, 24)
        assert set(served_by) == pids
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def test_a_worker_that_dies_is_started_again():
    port = free_port()
    server = _start(port)
    try:
        first = _both_workers(port)
        crashed = first.pop()
        os.kill(int(crashed), signal.SIGKILL)

        deadline, now_serving = time.monotonic() + 60, set()
        while time.monotonic() < deadline and not (len(now_serving) == 2 and crashed not in now_serving):
            try:
                now_serving = set(_burst(port, 8))
            except OSError:  # a connection queued at the dead worker's socket is reset: the client retries
                time.sleep(0.2)
        assert crashed not in now_serving and len(now_serving) == 2
        assert server.poll() is None
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def test_workers_that_keep_dying_stop_the_server():
    server = _start(free_port(), "broken")
    try:
        assert server.wait(timeout=60) != 0  # its supervisor sees it exit, rather than a server that never answers
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def imported_modules(code: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    # One line per module, when its import ends: a module's line comes after those of what it imported.
    return [line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")]


def test_the_server_starts_without_importing_tensorflow():
    """Rasa imports TensorFlow at start through rasa.utils.train_utils, which serving our model never uses:
    deferred to its first use (bot/lazy_imports.py), 2.4 s of CPU of every start."""
    names = imported_modules("import bot.rasa_server")
    assert "rasa.core.agent" in names and "skops.io._trusted_types" in names
    assert not [name for name in names if name == "tensorflow" or name.startswith("tensorflow.")]


def test_skops_builds_its_tables_before_tensorflow_is_imported():
    """skops searches every loaded module when first imported: before TensorFlow, a few seconds saved wherever
    TensorFlow is loaded after all (8.6 s of CPU instead of 15.2 s to import bot.rasa_server with TensorFlow).
    Sorting the imports once moved it after Rasa's: this keeps it first."""
    names = imported_modules("import bot.rasa_server, rasa.utils.train_utils; rasa.utils.train_utils.SOFTMAX")
    assert "tensorflow" in names
    assert names.index("skops.io._trusted_types") < min(i for i, n in enumerate(names) if n.startswith("tensorflow"))
