"""What Rasa reads at start-up: endpoints.yml and credentials.yml, written by the supervisor.

Rasa loads our extensions by their module path (``type: bot.lock_store.FailSafeRedisLockStore``), so this
module names bot/'s classes as text and never imports them: ops/ stays free of Rasa.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

import yaml

from ops.settings import ACTIONS_TOKEN_HEADER, REPO_ROOT, Settings, write_private

# Rasa's SQL tracker store, keeping conversations in progress in memory between turns (bot/tracker_store.py).
TRACKER_STORE_TYPE = "bot.tracker_store.CachedSQLTrackerStore"
# The Sanic workers of one embedded server share a SQLite file (bot/lock_store.py).
SQLITE_LOCK_STORE_TYPE = "bot.lock_store.SQLiteLockStore"
# Production's Redis lock store, answering through a Redis outage (bot/lock_store.py).
FAIL_SAFE_LOCK_STORE_TYPE = "bot.lock_store.FailSafeRedisLockStore"
# Rasa's REST and socket.io channels, each message processed once, guarded (bot/channels.py).
CHANNEL_TYPES = {"rest": "bot.channels.ReplaySafeRestInput", "socketio": "bot.channels.ReplaySafeSocketIOInput"}
CREDENTIALS = REPO_ROOT / "bot" / "credentials.yml"


def tracker_store_config(url: str) -> dict:
    """Rasa's SQL tracker store wants dialect/host/db fields rather than one URL."""
    parts = urlsplit(url)
    dialect = parts.scheme.split("+")[0]
    if dialect == "sqlite":
        return {"type": TRACKER_STORE_TYPE, "dialect": "sqlite", "db": unquote(parts.path[1:])}
    config = {
        "type": TRACKER_STORE_TYPE,
        "dialect": dialect,
        "url": parts.hostname or "127.0.0.1",
        "db": parts.path.lstrip("/"),
    }
    if parts.query:
        # e.g. ?options=-csearch_path%3Dschema: Rasa passes `query` on to the database driver.
        config["query"] = dict(parse_qsl(parts.query))
    if parts.port:
        config["port"] = parts.port
    if parts.username:
        config["username"] = unquote(parts.username)
    if parts.password:
        config["password"] = unquote(parts.password)
    return config


def embedded_lock_store_config(settings: Settings) -> dict:
    """Redis when a URL is given, else the SQLite file that the Sanic workers of one server share."""
    if settings.lock_store_url:
        return lock_store_config(settings.lock_store_url)
    return {"type": SQLITE_LOCK_STORE_TYPE, "db": str(settings.var_dir / "rasa-locks.db")}


def lock_store_config(url: str | None, store_type: str = "redis") -> dict | None:
    """Rasa's Redis lock store from a redis:// URL; ``store_type`` names a subclass (production's)."""
    if not url:
        return None
    parts = urlsplit(url)
    # A URL without a database means 0, as for redis-py; Rasa's own default would be 1.
    config = {
        "type": store_type,
        "url": parts.hostname or "127.0.0.1",
        "port": parts.port or 6379,
        "db": int(parts.path.lstrip("/") or 0),
    }
    if parts.password:
        config["password"] = unquote(parts.password)
    return config


def action_endpoint(settings: Settings, url: str) -> dict:
    """Rasa's action endpoint with the token the action servers check (bot/action_server.py). A header
    rather than Rasa's `token` query parameter, which nginx's error log would write down."""
    return {"url": url, "headers": {ACTIONS_TOKEN_HEADER: settings.actions_token}}


def write_endpoints(settings: Settings) -> Path:
    """The embedded layout's endpoints: one action server, SQLite or Redis locks."""
    endpoints = {
        "action_endpoint": action_endpoint(settings, f"{settings.actions_url}/webhook"),
        "tracker_store": tracker_store_config(settings.tracker_db_url),
        "lock_store": embedded_lock_store_config(settings),
    }
    # The action token and database passwords: readable by the owner only, from the start.
    return write_private(settings.var_dir / "endpoints.yml", yaml.safe_dump(endpoints, sort_keys=False))


def write_production_endpoints(settings: Settings, actions_proxy_port: int) -> Path:
    endpoints = {
        # Through nginx: a dead action server is skipped, a restarted one is used again.
        "action_endpoint": action_endpoint(settings, f"http://{settings.host}:{actions_proxy_port}/webhook"),
        "tracker_store": tracker_store_config(settings.tracker_db_url),
        "lock_store": lock_store_config(
            settings.lock_store_url or "redis://127.0.0.1:6379/0", FAIL_SAFE_LOCK_STORE_TYPE
        ),
    }
    return write_private(settings.var_dir / "production" / "endpoints.yml", yaml.safe_dump(endpoints, sort_keys=False))


def write_channel_credentials(directory: Path) -> Path:
    """bot/credentials.yml with Rasa's REST and socket.io channels swapped for their replay-safe versions."""
    channels = yaml.safe_load(CREDENTIALS.read_text()) or {}
    credentials = {CHANNEL_TYPES.get(name, name): config for name, config in channels.items()}
    path = directory / "credentials.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(credentials, sort_keys=False))
    return path
