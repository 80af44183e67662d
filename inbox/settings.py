"""The inbox's settings, from the environment.

| variable | meaning | default |
|---|---|---|
| RELAIS_DATABASE_URL | cases database | sqlite:///<repo>/var/relais.db |
| RELAIS_ENV | development or production | development |
| RELAIS_SESSION_SECRET | key signing the session cookie | production: required; development: var/session-secret |
| RELAIS_CHAMBER_CONFIG | the default chamber (path or id) | chamber/configs/default.yml |
| RELAIS_TRACKER_DB_URL, RELAIS_OUTBOX_DIR | Rasa's conversations and the spooled drafts, erased with their case | none |
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cases.db import REPO_ROOT, database_url

VAR_DIR = REPO_ROOT / "var"


class ConfigurationError(RuntimeError):
    pass


@dataclass
class InboxSettings:
    database_url: str
    session_secret: str
    env: str = "development"
    chamber_config: str | None = None
    migrate_on_start: bool = True
    # Where an erasure also deletes the conversation and spooled drafts (set by the stack for every process).
    tracker_db_url: str | None = None
    outbox_dir: str | None = None

    @property
    def production(self) -> bool:
        return self.env == "production"

    @classmethod
    def from_env(cls) -> InboxSettings:
        env = os.environ.get("RELAIS_ENV", "development").strip() or "development"
        if env not in ("development", "production"):
            raise ConfigurationError(f"RELAIS_ENV must be development or production, not {env!r}")
        secret = os.environ.get("RELAIS_SESSION_SECRET", "").strip()
        if not secret:
            if env == "production":
                raise ConfigurationError("RELAIS_SESSION_SECRET must be set in production: the inbox refuses to start.")
            secret = development_secret(VAR_DIR / "session-secret")
        if len(secret) < 32:
            raise ConfigurationError("RELAIS_SESSION_SECRET must be at least 32 characters long.")
        return cls(
            database_url=database_url(),
            session_secret=secret,
            env=env,
            chamber_config=os.environ.get("RELAIS_CHAMBER_CONFIG") or None,
            tracker_db_url=os.environ.get("RELAIS_TRACKER_DB_URL") or None,
            outbox_dir=os.environ.get("RELAIS_OUTBOX_DIR") or None,
        )


def development_secret(path: Path) -> str:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_urlsafe(48))
    return path.read_text().strip()
