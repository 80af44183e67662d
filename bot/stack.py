"""Starts, watches and stops the product's processes: Rasa server, action server, web app.

Used by `make run`, by the test session fixtures, by the evaluation runner and by the benchmark,
so that all of them run the product exactly the same way.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import yaml

from bot.settings import MODEL_PATH, REPO_ROOT, Settings, lock_store_config, tracker_store_config

VENV_BIN = Path(sys.executable).parent


class StartupError(RuntimeError):
    pass


def write_endpoints(settings: Settings) -> Path:
    endpoints = {
        "action_endpoint": {"url": f"{settings.actions_url}/webhook"},
        "tracker_store": tracker_store_config(settings.tracker_db_url),
    }
    lock_store = lock_store_config(settings.lock_store_url)
    if lock_store:
        endpoints["lock_store"] = lock_store
    path = settings.var_dir / "endpoints.yml"
    path.write_text(yaml.safe_dump(endpoints, sort_keys=False))
    return path


@dataclass
class Process:
    name: str
    command: list[str]
    ready_url: str
    log_path: Path
    popen: subprocess.Popen | None = None

    def start(self, env: dict[str, str]) -> None:
        log = open(self.log_path, "ab")
        self.popen = subprocess.Popen(
            self.command,
            cwd=REPO_ROOT,
            env={**os.environ, **env},
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
        s = self.settings
        logs = s.var_dir / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        endpoints = write_endpoints(s)
        self.processes["actions"] = Process(
            "actions",
            [str(VENV_BIN / "python"), "-m", "rasa_sdk", "--actions", "actions", "--port", str(s.actions_port)],
            f"{s.actions_url}/health",
            logs / "actions.log",
        )
        self.processes["rasa"] = Process(
            "rasa",
            [
                str(VENV_BIN / "rasa"), "run",
                "--model", str(self.model_path),
                "--endpoints", str(endpoints),
                "--credentials", str(REPO_ROOT / "bot" / "credentials.yml"),
                "--interface", s.host, "--port", str(s.rasa_port),
                "--enable-api", "--auth-token", s.rasa_token,
                "--cors", "*",
            ],
            f"{s.rasa_url}/status?token={s.rasa_token}",
            logs / "rasa.log",
        )
        if self.with_web:
            self.processes["web"] = Process(
                "web",
                [
                    str(VENV_BIN / "uvicorn"), "inbox.app:create_app", "--factory",
                    "--host", s.host, "--port", str(s.web_port), "--no-access-log",
                    # No websockets here; uvicorn's default implementation needs a newer
                    # websockets than the one Rasa pins.
                    "--ws", "none",
                ],
                f"{s.web_url}/healthz",
                logs / "web.log",
            )

    def start(self, timeout: float = 120) -> "Stack":
        if not self.model_path.exists():
            raise StartupError(f"No trained model at {self.model_path}: run `make train` first.")
        env = self.settings.process_env()
        for process in self.processes.values():
            process.start(env)
        try:
            for process in self.processes.values():
                self.wait_ready(process, timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def wait_ready(self, process: Process, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not process.is_running():
                raise StartupError(f"{process.name} exited during start-up:\n{process.log_tail()}")
            try:
                if httpx.get(process.ready_url, timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise StartupError(f"{process.name} not ready after {timeout:.0f} s:\n{process.log_tail()}")

    def restart(self, name: str, timeout: float = 120) -> None:
        process = self.processes[name]
        process.stop()
        process.start(self.settings.process_env())
        self.wait_ready(process, timeout)

    def stop(self) -> None:
        for process in reversed(list(self.processes.values())):
            process.stop()

    def __enter__(self) -> "Stack":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
