"""Starts, watches and stops the product's processes: Rasa server, action server, web app.

Used by `make run`, by the test session fixtures, by the evaluation runner and by the benchmark,
so that all of them run the product exactly the same way.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import httpx
import yaml

from bot.settings import (
    MODEL_PATH,
    REPO_ROOT,
    Settings,
    embedded_lock_store_config,
    tracker_store_config,
    write_private,
)

VENV_BIN = Path(sys.executable).parent


class StartupError(RuntimeError):
    pass


def prepare_sqlite_tracker_store(url: str) -> None:
    """Write-ahead log for Rasa's SQLite tracker store: a commit takes 0.16 ms instead of 0.58 ms here
    (Rasa opens the file with SQLite's defaults; the journal mode is kept in the file itself)."""
    if not url.startswith("sqlite:///"):
        return
    path = Path(url[len("sqlite:///"):])
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
    connection.close()


# The header carrying the action servers' token (Rasa's EndpointConfig sends `headers` with every call).
ACTIONS_TOKEN_HEADER = "X-Relais-Token"


def action_endpoint(settings: Settings, url: str) -> dict:
    """Rasa's action endpoint with the token the action servers check (bot/action_server.py). A header
    rather than Rasa's `token` query parameter, which nginx's error log would write down."""
    return {"url": url, "headers": {ACTIONS_TOKEN_HEADER: settings.actions_token}}


def write_endpoints(settings: Settings) -> Path:
    endpoints = {
        "action_endpoint": action_endpoint(settings, f"{settings.actions_url}/webhook"),
        "tracker_store": tracker_store_config(settings.tracker_db_url),
        "lock_store": embedded_lock_store_config(settings),
    }
    # The action token and database passwords: readable by the owner only, from the start.
    return write_private(settings.var_dir / "endpoints.yml", yaml.safe_dump(endpoints, sort_keys=False))


def actions_process(name: str, settings: Settings, port: int, logging_config: Path | None = None) -> Process:
    # rasa_sdk's command line, checking Rasa's token first (bot/action_server.py).
    command = [str(VENV_BIN / "python"), "-m", "bot.action_server", "--actions", "actions", "--port", str(port)]
    if logging_config:
        # Spelt so by rasa_sdk 3.6 (an underscore, unlike Rasa's own --logging-config-file).
        command += ["--logging-config_file", str(logging_config)]
    return Process(
        name, command, f"http://{settings.host}:{port}/health", settings.var_dir / "logs" / f"{name}.log",
        env={"RELAIS_ACTIONS_TOKEN": settings.actions_token},
    )


def rasa_process(name: str, settings: Settings, port: int, endpoints: Path, model_path: Path,
                 credentials: Path = REPO_ROOT / "bot" / "credentials.yml") -> Process:
    return Process(
        name,
        [
            str(VENV_BIN / "python"), "-m", "bot.rasa_server", "run",
            "--model", str(model_path),
            "--endpoints", str(endpoints),
            "--credentials", str(credentials),
            "--interface", settings.host, "--port", str(port),
            # The API token comes from RELAIS_RASA_TOKEN in the environment (bot/rasa_server.py adds it to
            # Rasa's arguments inside the process): a command line is readable by every local user.
            "--enable-api",
            # Browsers may call Rasa from the chamber's pages only (socket.io checks the same list).
            "--cors", *settings.allowed_origins(),
        ],
        f"http://{settings.host}:{port}/status?" + urlencode({"token": settings.rasa_token}),
        settings.var_dir / "logs" / f"{name}.log",
        # How long a crashed server's (or worker's) conversation lock blocks it (Rasa's default: 60 s).
        env={"TICKET_LOCK_LIFETIME": str(settings.lock_lifetime_s), "RELAIS_RASA_TOKEN": settings.rasa_token},
    )


def web_process(name: str, settings: Settings, port: int, logging_config: Path | None = None,
                behind_proxy: bool = False) -> Process:
    command = [
        str(VENV_BIN / "uvicorn"), "inbox.app:create_app", "--factory",
        "--host", settings.host, "--port", str(port), "--no-access-log",
        # No websockets here; uvicorn's default implementation needs a newer
        # websockets than the one Rasa pins.
        "--ws", "none",
    ]
    if logging_config:
        command += ["--log-config", str(logging_config)]
    if behind_proxy:
        # The scheme and client address come from nginx's X-Forwarded-* headers.
        command += ["--proxy-headers", "--forwarded-allow-ips", settings.host]
    return Process(name, command, f"http://{settings.host}:{port}/healthz", settings.var_dir / "logs" / f"{name}.log")


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


# Logs: each file of var/logs is rotated past LOG_MAX_BYTES, LOG_BACKUPS old copies kept (RELAIS_LOG_MAX_MB).
LOG_MAX_BYTES = int(float(os.environ.get("RELAIS_LOG_MAX_MB", "20")) * 1024 * 1024)
LOG_BACKUPS = 5
LOG_CHECK_S = 30.0


def rotate_logs(directory: Path, max_bytes: int = LOG_MAX_BYTES, backups: int = LOG_BACKUPS) -> list[Path]:
    """Copies each log past ``max_bytes`` to ``name.1`` (older copies shifted, the oldest dropped), then empties
    it: the processes keep writing to the same open file (opened for appending) and need no signal.
    Copies are created readable by their owner only. Returns the logs rotated."""
    rotated = []
    for path in sorted(directory.glob("*.log")):
        try:
            if path.stat().st_size <= max_bytes:
                continue
        except FileNotFoundError:
            continue
        for index in range(backups - 1, 0, -1):
            older = path.with_name(f"{path.name}.{index}")
            if older.exists():
                os.replace(older, path.with_name(f"{path.name}.{index + 1}"))
        copy = os.open(path.with_name(f"{path.name}.1"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(path, "rb") as source, os.fdopen(copy, "wb") as target:
            shutil.copyfileobj(source, target)
        os.truncate(path, 0)
        rotated.append(path)
    return rotated


class LogRotator:
    """Rotates the stack's logs every LOG_CHECK_S seconds in a thread of the supervisor."""

    def __init__(self, directory: Path, interval_s: float = LOG_CHECK_S) -> None:
        self.directory, self.interval_s = directory, interval_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="log-rotation", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.wait(self.interval_s):
            try:
                rotate_logs(self.directory)
            except OSError as error:
                print(f"log rotation failed: {error}", file=sys.stderr)

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(5)


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
        from bot.production import write_channel_credentials  # the module imports this one

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

    def start(self, timeout: float = 120) -> Stack:
        if not self.model_path.exists():
            raise StartupError(f"No trained model at {self.model_path}: run `make train` first.")
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
            ready = f"ready in {process.ready_seconds:5.1f} s" if process.ready_seconds is not None else "ready in   ? s"
            memory = process.memory_mb()
            lines.append(f"  {process.name:<10} {ready}   {memory:7.0f} MB" if memory is not None
                         else f"  {process.name:<10} {ready}   stopped")
        return "\n".join(lines)

    def __enter__(self) -> Stack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
