"""The advisors' web app (uvicorn) on a free port against a given database, for the browser tests."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from ops.settings import REPO_ROOT, free_port


@contextlib.contextmanager
def running_web_app(database_url: str, log_path: Path, session_secret: str) -> Iterator[str]:
    """Starts the web app, waits for /readyz and yields its base URL; stops it after."""
    port = free_port()
    env = {
        **os.environ,
        "RELAIS_DATABASE_URL": database_url,
        "RELAIS_SESSION_SECRET": session_secret,
        "RELAIS_ENV": "development",
        "PYTHONPATH": str(REPO_ROOT),
    }
    # wsproto, as the supervisor runs it: Rasa pins websockets<11, which uvicorn's default "auto" fails to import.
    command = [sys.executable, "-m", "uvicorn", "inbox.app:create_app", "--factory", "--host", "127.0.0.1"]
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [*command, "--port", str(port), "--no-access-log", "--ws", "wsproto"],
            cwd=REPO_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                assert process.poll() is None, "uvicorn exited during start-up"
                assert time.monotonic() < deadline, "uvicorn not ready after 60 s"
                time.sleep(0.2)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=20)
