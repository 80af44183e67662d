"""Real processes for the tests: one Relais stack per test session, on free ports, temporary stores."""

from __future__ import annotations

import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx

from cases.db import migrate
from ops.settings import REPO_ROOT, Settings
from ops.stack import Stack

ADVISOR_PASSWORD = "mot-de-passe-de-test-1"


def create_user(settings: Settings, email: str, chamber: str, role: str = "advisor") -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "inbox",
            "create-user",
            "--email",
            email,
            "--name",
            email.split("@", maxsplit=1)[0],
            "--chamber",
            chamber,
            "--role",
            role,
            "--password-stdin",
        ],
        input=ADVISOR_PASSWORD,
        text=True,
        check=True,
        cwd=REPO_ROOT,
        env={**__import__("os").environ, **settings.process_env()},
        capture_output=True,
    )


@dataclass
class Conversation:
    """An artisan talking to the bot on the REST channel."""

    client: httpx.Client
    settings: Settings
    sender: str

    def say(self, text: str) -> list[str]:
        response = self.client.post(
            f"{self.settings.rasa_url}/webhooks/rest/webhook",
            json={"sender": self.sender, "message": text},
        )
        response.raise_for_status()
        return [message["text"] for message in response.json() if message.get("text")]

    def slots(self) -> dict:
        response = self.client.get(
            f"{self.settings.rasa_url}/conversations/{self.sender}/tracker",
            params={"token": self.settings.rasa_token},
        )
        response.raise_for_status()
        return response.json()["slots"]


def clock_file(stack: Stack) -> Path:
    """Where a test sets the clock of every process of a development stack (ops/clock.py, ``RELAIS_NOW=file:``):
    an ISO 8601 date-time with its offset; without the file, the real time."""
    return stack.settings.var_dir / "clock"


STARTUP_TIMEOUT = 400  # seconds


def start_stack(var_dir: Path, **overrides) -> Stack:
    # The suite talks from 127.0.0.1 all session long; tests/security checks the limits from other addresses.
    settings = Settings.temporary(var_dir, **overrides)
    if not settings.production:
        settings.extra_env = {"RELAIS_NOW": f"file:{settings.var_dir / 'clock'}", **settings.extra_env}
    migrate(settings.database_url)
    # As the production stack's: the two xdist workers start their stacks at once (the production one beside),
    # so on a loaded machine Rasa's two minutes were not enough; a hung start still fails.
    return Stack(settings).start(timeout=STARTUP_TIMEOUT)


def new_conversation(client: httpx.Client, settings: Settings) -> Conversation:
    return Conversation(client, settings, f"test-{uuid.uuid4().hex[:12]}")
