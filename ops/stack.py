"""Starts, watches and stops the product's processes: Rasa server, action server, web app.

Used by `make run`, by the test session fixtures, by the evaluation runner and by the benchmark,
so that all of them run the product exactly the same way.

Nothing is left behind and no port is shared with a stale server:

- every child dies with its supervisor, even one killed with SIGKILL: the kernel sends the child SIGTERM
  when the supervisor's thread that started it ends (``PR_SET_PDEATHSIG``), and each child stops its own
  children on SIGTERM (Rasa its Sanic workers, nginx its workers);
- a start first tries to bind every port it will use, without ``SO_REUSEPORT``: a port held by anything,
  even by a stale Rasa server whose Sanic workers bind with ``SO_REUSEPORT`` (a new server would silently
  start beside it), stops the start before any process is started, with the port and its use named.
"""

from __future__ import annotations

import ctypes
import errno
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import httpx

from ops.logs import LogRotator
from ops.rasa_config import CREDENTIALS, write_channel_credentials, write_endpoints
from ops.settings import MODEL_PATH, REPO_ROOT, Settings

VENV_BIN = Path(sys.executable).parent


class StartupError(RuntimeError):
    pass


class PortTaken(StartupError):
    """A port of this stack is already in use: usually a Relais started earlier and still running."""

    def __init__(self, taken: dict[str, int], host: str) -> None:
        self.taken = taken
        uses = ", ".join(f"{port} ({name})" for name, port in taken.items())
        super().__init__(
            f"port{'s' if len(taken) > 1 else ''} {uses} already in use on {host}: another Relais (or another "
            "program) is listening there. Stop it first (`ss -ltnp` shows which process), or choose other "
            "ports (RELAIS_RASA_PORT, RELAIS_ACTIONS_PORT, RELAIS_WEB_PORT). Nothing was started."
        )


def check_ports(ports: dict[str, int], host: str) -> None:
    """Raises PortTaken, naming them, when any of these ports (by the name of their use) is in use."""
    taken = {name: port for name, port in ports.items() if not port_is_free(host, port)}
    if taken:
        raise PortTaken(taken, host)


def port_is_free(host: str, port: int) -> bool:
    """True when nothing listens on ``host:port``. SO_REUSEADDR lets a port with connections still in
    TIME_WAIT count as free (servers set it too); without SO_REUSEPORT, a listener that set it (Sanic's
    workers) still makes the bind fail, as any other listener does."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno in (errno.EADDRINUSE, errno.EACCES):
                return False
            raise
    return True


_PR_SET_PDEATHSIG = 1
_libc = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None


def _die_with_supervisor() -> None:
    """In the child, between fork and exec: SIGTERM when the supervisor dies, however it dies."""
    if _libc is not None and _libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")


def prepare_sqlite_tracker_store(url: str) -> None:
    """Write-ahead log for Rasa's SQLite tracker store: a commit takes 0.16 ms instead of 0.58 ms here
    (Rasa opens the file with SQLite's defaults; the journal mode is kept in the file itself)."""
    if not url.startswith("sqlite:///"):
        return
    path = Path(url[len("sqlite:///") :])
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
    connection.close()


def actions_process(name: str, settings: Settings, port: int, logging_config: Path | None = None) -> Process:
    # rasa_sdk's command line, checking Rasa's token first (bot/action_server.py).
    command = [str(VENV_BIN / "python"), "-m", "bot.action_server", "--actions", "actions", "--port", str(port)]
    if logging_config:
        # Spelt so by rasa_sdk 3.6 (an underscore, unlike Rasa's own --logging-config-file).
        command += ["--logging-config_file", str(logging_config)]
    return Process(
        name,
        command,
        f"http://{settings.host}:{port}/health",
        settings.var_dir / "logs" / f"{name}.log",
        env={"RELAIS_ACTIONS_TOKEN": settings.actions_token},
    )


def rasa_process(
    name: str, settings: Settings, port: int, endpoints: Path, model_path: Path, credentials: Path = CREDENTIALS
) -> Process:
    return Process(
        name,
        [
            str(VENV_BIN / "python"),
            "-m",
            "bot.rasa_server",
            "run",
            "--model",
            str(model_path),
            "--endpoints",
            str(endpoints),
            "--credentials",
            str(credentials),
            "--interface",
            settings.host,
            "--port",
            str(port),
            # The API token comes from RELAIS_RASA_TOKEN in the environment (bot/rasa_server.py adds it to
            # Rasa's arguments inside the process): a command line is readable by every local user.
            "--enable-api",
            # Browsers may call Rasa from the chamber's pages only (socket.io checks the same list).
            "--cors",
            *settings.allowed_origins(),
        ],
        f"http://{settings.host}:{port}/status?" + urlencode({"token": settings.rasa_token}),
        settings.var_dir / "logs" / f"{name}.log",
        # How long a crashed server's (or worker's) conversation lock blocks it (Rasa's default: 60 s).
        env={"TICKET_LOCK_LIFETIME": str(settings.lock_lifetime_s), "RELAIS_RASA_TOKEN": settings.rasa_token},
    )


def web_process(
    name: str,
    settings: Settings,
    port: int,
    logging_config: Path | None = None,
    behind_proxy: bool = False,
    rasa_urls: tuple[str, ...] = (),
) -> Process:
    command = [
        str(VENV_BIN / "uvicorn"),
        "inbox.app:create_app",
        "--factory",
        "--host",
        settings.host,
        "--port",
        str(port),
        "--no-access-log",
        # The live chat's WebSockets (issue 16) through wsproto: uvicorn's default implementation needs a
        # newer websockets than the one Rasa pins.
        "--ws",
        "wsproto",
    ]
    if logging_config:
        command += ["--log-config", str(logging_config)]
    if behind_proxy:
        # The scheme and client address come from nginx's X-Forwarded-* headers.
        command += ["--proxy-headers", "--forwarded-allow-ips", settings.host]
    # The web app pauses and resumes the conversations an advisor takes over through Rasa's HTTP API.
    env = {"RELAIS_RASA_TOKEN": settings.rasa_token, "RELAIS_RASA_URLS": " ".join(rasa_urls or (settings.rasa_url,))}
    return Process(
        name, command, f"http://{settings.host}:{port}/healthz", settings.var_dir / "logs" / f"{name}.log", env=env
    )


def wait_ready(*processes: Process, timeout: float = 120) -> None:
    """Polls every process until each answers its readiness URL: each one's start-up time is its own."""
    deadline = time.monotonic() + timeout
    waiting = list(processes)
    while waiting:
        for process in list(waiting):
            if not process.is_running():
                raise StartupError(f"{process.name} exited during start-up:\n{process.log_tail()}")
            try:
                ready = httpx.get(process.ready_url, timeout=2).status_code == 200
            except httpx.HTTPError:
                ready = False
            if ready:
                if process.started_at is not None:
                    process.ready_seconds = time.monotonic() - process.started_at
                waiting.remove(process)
        if waiting and time.monotonic() > deadline:
            raise StartupError(f"{waiting[0].name} not ready after {timeout:.0f} s:\n{waiting[0].log_tail()}")
        if waiting:
            time.sleep(0.3)


@dataclass
class Process:
    name: str
    command: list[str]
    ready_url: str
    log_path: Path
    popen: subprocess.Popen | None = None
    # What this process needs on top of the stack's shared environment (e.g. its own outbox spool).
    env: dict[str, str] = field(default_factory=dict)
    started_at: float | None = None
    ready_seconds: float | None = None  # from start to the first successful readiness answer

    def start(self, env: dict[str, str]) -> None:
        self.started_at, self.ready_seconds = time.monotonic(), None
        # Appending (rotation empties the file under the child) and readable by the owner only.
        descriptor = os.open(self.log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(descriptor, "ab") as log:  # the child keeps its own copy of the descriptor
            self.popen = subprocess.Popen(
                self.command,
                cwd=REPO_ROOT,
                env={**os.environ, **env, **self.env},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # Ctrl-C reaches the supervisor only; it stops children in order
                # The kernel's "parent" is the thread that starts the child: start them from a thread that
                # lives as long as the supervisor (the main thread, as every caller does). preexec_fn is the only
                # way to set PR_SET_PDEATHSIG; it calls prctl alone, which is safe between fork and exec.
                preexec_fn=_die_with_supervisor,  # noqa: PLW1509
            )

    def is_running(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def stop(self, timeout: float = 10) -> None:
        if not self.is_running():
            return
        os.killpg(self.popen.pid, signal.SIGTERM)
        try:
            self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait()

    def kill(self) -> None:
        """Abrupt death, as in a crash (used by fault tests)."""
        if self.is_running():
            os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait()

    def memory_mb(self) -> float | None:
        """Resident memory of the process and its children (its process group), from /proc."""
        if not self.is_running():
            return None
        total_kb = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[2]) != self.popen.pid:  # fields[2] is the process group id
                    continue
                status = (stat.parent / "status").read_text()
            except (OSError, IndexError, ValueError):
                continue  # the process ended while we looked
            for line in status.splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
        return total_kb / 1024

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return ""


@dataclass
class Stack:
    settings: Settings
    model_path: Path = MODEL_PATH
    with_web: bool = True
    processes: dict[str, Process] = field(default_factory=dict)

    def __post_init__(self) -> None:
        (self.settings.var_dir / "logs").mkdir(parents=True, exist_ok=True)
        self.log_rotator = LogRotator(self.settings.var_dir / "logs")
        for process in self.build_processes():
            self.processes[process.name] = process

    def build_processes(self) -> list[Process]:
        """The embedded layout: one action server, one Rasa server, the web app."""
        s = self.settings
        endpoints = write_endpoints(s)
        prepare_sqlite_tracker_store(s.tracker_db_url)
        # Rasa's channels, each message processed once (the widget resends after a lost connection).
        credentials = write_channel_credentials(s.var_dir)
        processes = [
            actions_process("actions", s, s.actions_port),
            rasa_process("rasa", s, s.rasa_port, endpoints, self.model_path, credentials),
        ]
        # Rasa's own scaling on one machine: Sanic forks the workers, the kernel shares the connections.
        processes[-1].env["SANIC_WORKERS"] = str(s.rasa_workers)
        # The workers count the artisans' rate limits together (bot/guard.py).
        processes[-1].env["RELAIS_RATE_LIMIT_DB"] = str(s.var_dir / "rasa-limits.db")
        if self.with_web:
            processes.append(web_process("web", s, s.web_port))
        return processes

    @staticmethod
    def ports_of(settings: Settings, with_web: bool = True) -> dict[str, int]:
        """Every port the embedded layout listens on, by the name of its use (known before anything is built)."""
        ports = {"actions": settings.actions_port, "rasa": settings.rasa_port}
        if with_web:
            ports["web"] = settings.web_port
        return ports

    def ports(self) -> dict[str, int]:
        return self.ports_of(self.settings, self.with_web)

    def check_ports(self) -> None:
        check_ports(self.ports(), self.settings.host)

    def start(self, timeout: float = 120) -> Stack:
        if not self.model_path.exists():
            raise StartupError(f"No trained model at {self.model_path}: run `make train` first.")
        self.check_ports()  # before anything starts: never beside a stale server
        env = self.settings.process_env()
        for process in self.processes.values():
            process.start(env)
        self.log_rotator.start()
        try:
            self.wait_ready(*self.processes.values(), timeout=timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def wait_ready(self, *processes: Process, timeout: float = 120) -> None:
        wait_ready(*processes, timeout=timeout)

    def restart(self, name: str, timeout: float = 120) -> None:
        process = self.processes[name]
        process.stop()
        process.start(self.settings.process_env())
        self.wait_ready(process, timeout=timeout)

    def stop(self) -> None:
        self.log_rotator.stop()
        for process in reversed(list(self.processes.values())):
            process.stop()

    def report(self) -> str:
        """One line per process: how long it took to be ready and the memory it holds."""
        lines = []
        for process in self.processes.values():
            ready = (
                f"ready in {process.ready_seconds:5.1f} s" if process.ready_seconds is not None else "ready in   ? s"
            )
            memory = process.memory_mb()
            lines.append(
                f"  {process.name:<10} {ready}   {memory:7.0f} MB"
                if memory is not None
                else f"  {process.name:<10} {ready}   stopped"
            )
        return "\n".join(lines)

    def __enter__(self) -> Stack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
