"""Configuration from environment variables, with embedded defaults that need nothing installed.

| variable | meaning | default |
|---|---|---|
| RELAIS_ENV | `development` or `production` | development |
| RELAIS_DATABASE_URL | cases database (SQLAlchemy URL) | sqlite:///var/relais.db |
| RELAIS_TRACKER_DB_URL | Rasa tracker store (SQLAlchemy URL) | sqlite:///var/rasa-tracker.db |
| RELAIS_LOCK_STORE_URL | Rasa lock store, e.g. redis://127.0.0.1:6379/0 | in memory |
| RELAIS_RASA_TOKEN | token of Rasa's HTTP API | generated into var/ (development only) |
| RELAIS_SESSION_SECRET | inbox session key | generated into var/ (development only) |
| RELAIS_CHAMBER_CONFIG | chamber configuration (path or id) | chamber/configs/default.yml |
| RELAIS_RASA_PORT / RELAIS_ACTIONS_PORT / RELAIS_WEB_PORT | ports on 127.0.0.1 | 5005 / 5055 / 8000 |
| RELAIS_RASA_PUBLIC_URL | where browsers reach Rasa's socket.io channel | the Rasa server's address |
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO_ROOT = Path(__file__).resolve().parent.parent
VAR_DIR = REPO_ROOT / "var"
MODEL_PATH = REPO_ROOT / "models" / "relais.tar.gz"


class ConfigurationError(RuntimeError):
    pass


def _secret(name: str, env: str, var_dir: Path) -> str:
    value = os.environ.get(name)
    if value:
        return value
    if env == "production":
        raise ConfigurationError(f"{name} must be set in production (no default secret).")
    path = var_dir / name.lower().replace("relais_", "")
    if not path.exists():
        var_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(32))
        path.chmod(0o600)
    return path.read_text().strip()


@dataclass
class Settings:
    env: str = "development"
    var_dir: Path = VAR_DIR
    database_url: str = ""
    tracker_db_url: str = ""
    lock_store_url: str | None = None
    rasa_token: str = ""
    session_secret: str = ""
    chamber_config: str | None = None
    rasa_port: int = 5005
    actions_port: int = 5055
    web_port: int = 8000
    host: str = "127.0.0.1"
    extra_env: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        env = os.environ.get("RELAIS_ENV", "development")
        var_dir = Path(overrides.pop("var_dir", VAR_DIR))
        var_dir.mkdir(parents=True, exist_ok=True)
        settings = cls(
            env=env,
            var_dir=var_dir,
            database_url=os.environ.get("RELAIS_DATABASE_URL", f"sqlite:///{var_dir / 'relais.db'}"),
            tracker_db_url=os.environ.get(
                "RELAIS_TRACKER_DB_URL", f"sqlite:///{var_dir / 'rasa-tracker.db'}"
            ),
            lock_store_url=os.environ.get("RELAIS_LOCK_STORE_URL") or None,
            rasa_token=_secret("RELAIS_RASA_TOKEN", env, var_dir),
            session_secret=_secret("RELAIS_SESSION_SECRET", env, var_dir),
            chamber_config=os.environ.get("RELAIS_CHAMBER_CONFIG") or None,
            rasa_port=int(os.environ.get("RELAIS_RASA_PORT", 5005)),
            actions_port=int(os.environ.get("RELAIS_ACTIONS_PORT", 5055)),
            web_port=int(os.environ.get("RELAIS_WEB_PORT", 8000)),
        )
        for key, value in overrides.items():
            setattr(settings, key, value)
        return settings

    @property
    def rasa_url(self) -> str:
        return f"http://{self.host}:{self.rasa_port}"

    @property
    def actions_url(self) -> str:
        return f"http://{self.host}:{self.actions_port}"

    @property
    def web_url(self) -> str:
        return f"http://{self.host}:{self.web_port}"

    def process_env(self) -> dict[str, str]:
        """What every child process needs to find the same stores and configuration."""
        env = {
            "RELAIS_ENV": self.env,
            "RELAIS_DATABASE_URL": self.database_url,
            "RELAIS_SESSION_SECRET": self.session_secret,
            "RELAIS_OUTBOX_DIR": str(self.var_dir / "outbox"),
            "PYTHONPATH": str(REPO_ROOT),
            "SANIC_HOST": self.host,  # the action server is never public
            # Where browsers reach Rasa's socket.io channel (the widget's default server).
            "RELAIS_RASA_PUBLIC_URL": os.environ.get("RELAIS_RASA_PUBLIC_URL", self.rasa_url),
        }
        if self.chamber_config:
            env["RELAIS_CHAMBER_CONFIG"] = self.chamber_config
        env.update(self.extra_env)
        return env


def tracker_store_config(url: str) -> dict:
    """Rasa's SQL tracker store wants dialect/host/db fields rather than one URL."""
    parts = urlsplit(url)
    dialect = parts.scheme.split("+")[0]
    if dialect == "sqlite":
        return {"type": "SQL", "dialect": "sqlite", "db": unquote(parts.path[1:])}
    config = {
        "type": "SQL",
        "dialect": dialect,
        "url": parts.hostname or "127.0.0.1",
        "db": parts.path.lstrip("/"),
    }
    if parts.port:
        config["port"] = parts.port
    if parts.username:
        config["username"] = unquote(parts.username)
    if parts.password:
        config["password"] = unquote(parts.password)
    return config


def lock_store_config(url: str | None) -> dict | None:
    if not url:
        return None
    parts = urlsplit(url)
    config = {"type": "redis", "url": parts.hostname or "127.0.0.1", "port": parts.port or 6379}
    database = parts.path.lstrip("/")
    if database:
        config["db"] = int(database)
    if parts.password:
        config["password"] = unquote(parts.password)
    return config
