"""Real processes for the tests: one Relais stack per test session, on free ports, temporary stores."""

from __future__ import annotations

import socket
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx

from bot.settings import REPO_ROOT, Settings
from bot.stack import Stack
from cases.db import migrate

ADVISOR_PASSWORD = "mot-de-passe-de-test-1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_settings(var_dir: Path, database_url: str | None = None) -> Settings:  # noqa: PT028 - a helper, not a test
    settings = Settings.from_env(var_dir=var_dir)
    settings.database_url = database_url or f"sqlite:///{var_dir / 'relais.db'}"
    settings.tracker_db_url = f"sqlite:///{var_dir / 'rasa-tracker.db'}"
    settings.rasa_port, settings.actions_port, settings.web_port = free_port(), free_port(), free_port()
    # The suite talks from 127.0.0.1 all session long; tests/security checks the limits from other addresses.
    settings.rate_limit_exempt = ("127.0.0.1",)
    return settings


def create_user(settings: Settings, email: str, chamber: str, role: str = "advisor") -> None:
    subprocess.run(
        [sys.executable, "-m", "inbox", "create-user", "--email", email, "--name", email.split("@", maxsplit=1)[0],
         "--chamber", chamber, "--role", role, "--password-stdin"],
        input=ADVISOR_PASSWORD, text=True, check=True, cwd=REPO_ROOT,
        env={**__import__("os").environ, **settings.process_env()}, capture_output=True,
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


def start_stack(var_dir: Path, **overrides) -> Stack:
    settings = test_settings(var_dir)
    for name, value in overrides.items():
        setattr(settings, name, value)
    migrate(settings.database_url)
    return Stack(settings).start()


def new_conversation(client: httpx.Client, settings: Settings) -> Conversation:
    return Conversation(client, settings, f"test-{uuid.uuid4().hex[:12]}")
