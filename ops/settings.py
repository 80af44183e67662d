"""The one configuration of every Relais process, from environment variables, with embedded defaults that
need nothing installed. The supervisor reads it whole (``Settings.from_env``) and hands its children the
variables they need (``process_env``); the web app reads its part with ``Settings.for_web``; tests and the
benchmark take throw-away stores and free ports with ``Settings.temporary``.

| variable | meaning | default |
|---|---|---|
| RELAIS_ENV | `development` or `production` | development |
| RELAIS_DATABASE_URL | cases database (SQLAlchemy URL) | sqlite:///var/relais.db |
| RELAIS_TRACKER_DB_URL | Rasa tracker store (SQLAlchemy URL) | sqlite:///var/rasa-tracker.db |
| RELAIS_LOCK_STORE_URL | Rasa lock store, e.g. redis://127.0.0.1:6379/0 | a SQLite file, var/rasa-locks.db |
| RELAIS_RASA_WORKERS | Sanic workers of the Rasa server (each loads the model: about 1 GB) | 2 |
| RELAIS_RASA_TOKEN | token of Rasa's HTTP API | generated into var/ (development only) |
| RELAIS_SESSION_SECRET | inbox session key | generated into var/ (development only) |
| RELAIS_CHAMBER_CONFIG | chamber configuration (path or id) | chamber/configs/default.yml |
| RELAIS_RASA_PORT / RELAIS_ACTIONS_PORT / RELAIS_WEB_PORT | ports on 127.0.0.1 | 5005 / 5055 / 8000 |
| RELAIS_RASA_PUBLIC_URL | where browsers reach Rasa's socket.io channel | the Rasa server's address |
| RELAIS_RASA_URLS | where the web app reaches Rasa's HTTP API to pause and resume a conversation taken over by an advisor (space-separated, tried in order; given to the web app by the supervisor with RELAIS_RASA_TOKEN) | the Rasa server(s) |
| RELAIS_LIVE_BUS_URL | Redis carrying the live chat's messages between web app workers (`redis://…`) | in-process; production: RELAIS_LOCK_STORE_URL |
| RELAIS_NOW | tests only, refused in production: the clock of every process (ops/clock.py) | the real time |

Production (`RELAIS_ENV=production`, started by `python -m ops run --production`, see deploy/README.md):

| variable | meaning | default |
|---|---|---|
| RELAIS_RASA_INSTANCES / RELAIS_ACTIONS_INSTANCES | Rasa servers / action servers behind nginx | 2 / 2 |
| RELAIS_PROXY_PORT | nginx's public port (chat channels, inbox, widget) | 8080 |
| RELAIS_ACTIONS_PROXY_PORT | nginx's internal port in front of the action servers | 5050 |
| RELAIS_LOCK_LIFETIME_S | how long a crashed Rasa server's (or worker's) conversation lock blocks others | 15 |
| RELAIS_TRACKER_RETENTION_DAYS | Rasa trackers idle longer than this are deleted | 7 |
| RELAIS_PURGE_INTERVAL_HOURS | how often the retention is applied, in both modes (0: never) | 24 |
| RELAIS_LOG_FORMAT | `json` (personal data masked) or `text` | json in production |

Abuse and privacy (both modes, see bot/guard.py and docs/threat-model.md):

| variable | meaning | default |
|---|---|---|
| RELAIS_ALLOWED_ORIGINS | origins allowed to reach Rasa from a browser (space-separated) | every chamber's website + the web app |
| RELAIS_PUBLIC_URL | where browsers reach the web app (privacy notice links) | the web app, or nginx in production |
| RELAIS_RATE_LIMITS | `off` disables the artisans' rate limits (never in production) | on |
| RELAIS_RATE_LIMIT_EXEMPT | client addresses the rate limits leave alone (comma-separated) | none |

Notifications (both modes; the supervisor's notification job, ops/notify.py, is the only one that mails):

| variable | meaning | default |
|---|---|---|
| RELAIS_SMTP_HOST | SMTP server; unset: no mail is sent (escalations still show in the inbox) | unset |
| RELAIS_SMTP_PORT | its port | 587 (starttls), 465 (ssl), 25 (none) |
| RELAIS_SMTP_SECURITY | `starttls`, `ssl` or `none` (a local relay only) | starttls |
| RELAIS_SMTP_USER / RELAIS_SMTP_PASSWORD | login, when the server asks for one | none |
| RELAIS_SMTP_FROM | the sender's address (required with RELAIS_SMTP_HOST) | — |
| RELAIS_NOTIFY_INTERVAL_S | how often escalations and new-case mails are checked (0: never) | 60 |

In production the secrets, PostgreSQL for cases and trackers, and Redis for the lock store must be given:
nothing falls back to a default. In development the two secrets are generated once into var/ (mode 600).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import socket
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from chamber import load_all_chambers, load_chamber

# The one place that knows where the checkout is; every other module asks here.
REPO_ROOT = Path(__file__).resolve().parent.parent
VAR_DIR = REPO_ROOT / "var"
MODEL_PATH = REPO_ROOT / "models" / "relais.tar.gz"
ENVIRONMENTS = ("development", "production")
# The inbox signs its session cookie with it: shorter keys are refused.
SESSION_SECRET_MIN_LENGTH = 32
# The header carrying the action servers' token (Rasa's EndpointConfig sends `headers` with every call).
ACTIONS_TOKEN_HEADER = "X-Relais-Token"


class ConfigurationError(RuntimeError):
    pass


def _environment() -> str:
    env = os.environ.get("RELAIS_ENV", "development").strip() or "development"
    if env not in ENVIRONMENTS:
        raise ConfigurationError(f"RELAIS_ENV must be development or production, not {env!r}")
    return env


def _secret(name: str, env: str, var_dir: Path) -> str:
    """The variable's value; in development a secret generated once into var_dir (``session_secret``…)."""
    value = os.environ.get(name, "").strip()
    if value:
        return value
    if env == "production":
        raise ConfigurationError(f"{name} must be set in production (no default secret).")
    path = var_dir / name.lower().replace("relais_", "")
    if not path.exists():
        var_dir.mkdir(parents=True, exist_ok=True)
        write_private(path, secrets.token_urlsafe(32))
    return path.read_text().strip()


def _session_secret(env: str, var_dir: Path) -> str:
    secret = _secret("RELAIS_SESSION_SECRET", env, var_dir)
    if len(secret) < SESSION_SECRET_MIN_LENGTH:
        raise ConfigurationError(f"RELAIS_SESSION_SECRET must be at least {SESSION_SECRET_MIN_LENGTH} characters long.")
    return secret


def database_url(var_dir: Path = VAR_DIR) -> str:
    """The cases database: ``RELAIS_DATABASE_URL``, else a SQLite file under var/ (nothing to install)."""
    url = os.environ.get("RELAIS_DATABASE_URL", "").strip()
    if url:
        return url
    var_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{var_dir / 'relais.db'}"


def _live_bus_url(env: str) -> str | None:
    """Redis for the live chat's messages: ``RELAIS_LIVE_BUS_URL``, else production's lock store Redis."""
    given = os.environ.get("RELAIS_LIVE_BUS_URL", "").strip()
    if given:
        return given
    lock_store = os.environ.get("RELAIS_LOCK_STORE_URL", "").strip()
    return lock_store if env == "production" and lock_store.startswith("redis://") else None


def free_port(host: str = "127.0.0.1") -> int:
    """A port nothing listens on now (tests, evaluation runs, the benchmark)."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def write_private(path: Path, text: str) -> Path:
    """Writes a file readable by its owner only, created with that mode (never readable, even for a moment)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(text)
    os.replace(temporary, path)
    return path


def origin_of(url: str) -> str:
    """scheme://host[:port] of a URL: what a browser sends as Origin."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


SMTP_SECURITY = {"starttls": 587, "ssl": 465, "none": 25}


@dataclass(frozen=True)
class SmtpSettings:
    """Where the notification job's mails go (``RELAIS_SMTP_*``)."""

    host: str
    port: int
    sender: str
    security: str = "starttls"
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout_s: float = 10

    @classmethod
    def from_env(cls) -> SmtpSettings | None:
        host = os.environ.get("RELAIS_SMTP_HOST", "").strip()
        if not host:
            return None
        security = os.environ.get("RELAIS_SMTP_SECURITY", "starttls").strip().lower() or "starttls"
        if security not in SMTP_SECURITY:
            raise ConfigurationError(f"RELAIS_SMTP_SECURITY is {', '.join(SMTP_SECURITY)}, not {security!r}.")
        sender = os.environ.get("RELAIS_SMTP_FROM", "").strip()
        if "@" not in sender:
            raise ConfigurationError("RELAIS_SMTP_FROM (the sender's address) must be set with RELAIS_SMTP_HOST.")
        return cls(
            host=host,
            port=int(os.environ.get("RELAIS_SMTP_PORT") or SMTP_SECURITY[security]),
            sender=sender,
            security=security,
            user=os.environ.get("RELAIS_SMTP_USER") or None,
            password=os.environ.get("RELAIS_SMTP_PASSWORD") or None,
        )


def _positive_int(name: str, default: int) -> int:
    value = int(os.environ.get(name, default))
    if value < 1:
        raise ConfigurationError(f"{name} must be at least 1.")
    return value


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
    # The web app: migrate the cases database when it starts (tests that prepared it turn this off).
    migrate_on_start: bool = True
    # Where an erasure also discards spooled drafts (the supervisor gives every process var/outbox).
    outbox_dir: str | None = None
    rasa_port: int = 5005
    actions_port: int = 5055
    web_port: int = 8000
    host: str = "127.0.0.1"
    rasa_instances: int = 1
    # Embedded mode: the one Rasa server's Sanic workers (production runs one per instance, behind nginx).
    rasa_workers: int = 2
    actions_instances: int = 1
    proxy_port: int = 8080
    actions_proxy_port: int = 5050
    lock_lifetime_s: int = 15
    tracker_retention_days: int = 7
    purge_interval_hours: float = 24
    # The supervisor's notification job (escalations, new-case mails): how often, and where mail goes.
    notify_interval_s: float = 60
    smtp: SmtpSettings | None = None
    log_format: str = "text"
    # Addresses the artisans' rate limits leave alone (load tests, evaluation runs from this machine).
    rate_limit_exempt: tuple[str, ...] = ()
    # The live chat (issue 16): Redis pub/sub between web app workers (None: in-process), and where the web app
    # reaches Rasa's HTTP API to pause and resume a conversation an advisor holds.
    live_bus_url: str | None = None
    rasa_urls: tuple[str, ...] = ()
    extra_env: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        """Everything, checked: what the supervisor and the command line run with."""
        env = _environment()
        var_dir = Path(overrides.pop("var_dir", VAR_DIR))
        var_dir.mkdir(parents=True, exist_ok=True)
        settings = cls(
            env=env,
            var_dir=var_dir,
            database_url=database_url(var_dir),
            tracker_db_url=os.environ.get("RELAIS_TRACKER_DB_URL", f"sqlite:///{var_dir / 'rasa-tracker.db'}"),
            lock_store_url=os.environ.get("RELAIS_LOCK_STORE_URL") or None,
            rasa_token=_secret("RELAIS_RASA_TOKEN", env, var_dir),
            session_secret=_session_secret(env, var_dir),
            chamber_config=os.environ.get("RELAIS_CHAMBER_CONFIG") or None,
            outbox_dir=str(var_dir / "outbox"),  # the supervisor's; its children get it in process_env
            rasa_port=int(os.environ.get("RELAIS_RASA_PORT", "5005")),
            actions_port=int(os.environ.get("RELAIS_ACTIONS_PORT", "5055")),
            web_port=int(os.environ.get("RELAIS_WEB_PORT", "8000")),
            rasa_instances=_positive_int("RELAIS_RASA_INSTANCES", 2 if env == "production" else 1),
            rasa_workers=_positive_int("RELAIS_RASA_WORKERS", 2),
            actions_instances=_positive_int("RELAIS_ACTIONS_INSTANCES", 2 if env == "production" else 1),
            proxy_port=int(os.environ.get("RELAIS_PROXY_PORT", "8080")),
            actions_proxy_port=int(os.environ.get("RELAIS_ACTIONS_PROXY_PORT", "5050")),
            lock_lifetime_s=_positive_int("RELAIS_LOCK_LIFETIME_S", 15),
            tracker_retention_days=_positive_int("RELAIS_TRACKER_RETENTION_DAYS", 7),
            purge_interval_hours=float(os.environ.get("RELAIS_PURGE_INTERVAL_HOURS", "24")),
            notify_interval_s=float(os.environ.get("RELAIS_NOTIFY_INTERVAL_S", "60")),
            smtp=SmtpSettings.from_env(),
            log_format=os.environ.get("RELAIS_LOG_FORMAT", "json" if env == "production" else "text"),
            rate_limit_exempt=tuple(
                a.strip() for a in os.environ.get("RELAIS_RATE_LIMIT_EXEMPT", "").split(",") if a.strip()
            ),
            live_bus_url=_live_bus_url(env),
        )
        return settings._with_overrides(overrides)

    @classmethod
    def for_web(cls) -> Settings:
        """The web app's part, by the same rules: it needs neither Rasa's token nor the Rasa stores, and
        erases conversations and spooled drafts only where the supervisor says they are."""
        env = _environment()
        return cls(
            env=env,
            database_url=database_url(),
            session_secret=_session_secret(env, VAR_DIR),
            chamber_config=os.environ.get("RELAIS_CHAMBER_CONFIG") or None,
            tracker_db_url=os.environ.get("RELAIS_TRACKER_DB_URL") or "",
            outbox_dir=os.environ.get("RELAIS_OUTBOX_DIR") or None,
            live_bus_url=_live_bus_url(env),
            rasa_token=os.environ.get("RELAIS_RASA_TOKEN", "").strip(),
            rasa_urls=tuple(os.environ.get("RELAIS_RASA_URLS", "").split()),
        )

    @classmethod
    def temporary(cls, var_dir: Path, production: bool = False, **overrides: Any) -> Settings:
        """Throw-away settings on free ports for tests, evaluation runs and the benchmark.

        Development: SQLite stores under ``var_dir``. Production: the stores must be given (``database_url``,
        ``tracker_db_url``, ``lock_store_url``), the secrets are random, the logs JSON. Either way the rate
        limits leave 127.0.0.1 alone: these runs send hundreds of conversations from this machine on purpose."""
        var_dir = Path(var_dir)
        if production:
            settings = cls(
                env="production",
                var_dir=var_dir,
                rasa_token=uuid.uuid4().hex * 2,
                session_secret=uuid.uuid4().hex * 2,
                rasa_instances=2,
                actions_instances=2,
                log_format="json",
                outbox_dir=str(var_dir / "outbox"),
            )
            settings.proxy_port, settings.actions_proxy_port = free_port(), free_port()
        else:
            settings = cls.from_env(var_dir=var_dir)
            settings.database_url = f"sqlite:///{var_dir / 'relais.db'}"
            settings.tracker_db_url = f"sqlite:///{var_dir / 'rasa-tracker.db'}"
        settings.rasa_port, settings.actions_port, settings.web_port = free_port(), free_port(), free_port()
        settings.rate_limit_exempt = ("127.0.0.1",)
        return settings._with_overrides(overrides)

    @property
    def production(self) -> bool:
        return self.env == "production"

    def _with_overrides(self, overrides: Mapping[str, Any]) -> Settings:
        """These settings with ``overrides`` (field name -> value) set, then checked if they are production's."""
        for key, value in overrides.items():
            setattr(self, key, value)
        if self.production:
            self.check_production()
        return self

    def check_production(self) -> None:
        """Production takes its stores from the environment: an embedded default there is a mistake."""
        problems = []
        for name, url in (("RELAIS_DATABASE_URL", self.database_url), ("RELAIS_TRACKER_DB_URL", self.tracker_db_url)):
            if not url.startswith("postgresql"):
                problems.append(f"{name} must be a PostgreSQL URL in production (got {urlsplit(url).scheme or url!r}).")
        if not (self.lock_store_url or "").startswith("redis://"):
            problems.append(
                "RELAIS_LOCK_STORE_URL must be a redis:// URL in production (several Rasa servers share it)."
            )
        if self.log_format not in ("json", "text"):
            problems.append("RELAIS_LOG_FORMAT is json or text.")
        if os.environ.get("RELAIS_NOW", "").strip():
            problems.append("RELAIS_NOW sets the clock for tests: never in production.")
        if problems:
            raise ConfigurationError(" ".join(problems))

    @property
    def rasa_url(self) -> str:
        return f"http://{self.host}:{self.rasa_port}"

    @property
    def actions_url(self) -> str:
        return f"http://{self.host}:{self.actions_port}"

    @property
    def web_url(self) -> str:
        return f"http://{self.host}:{self.web_port}"

    @property
    def actions_token(self) -> str:
        """What Rasa shows the action servers (header X-Relais-Token), derived from Rasa's token."""
        return hmac.new(self.rasa_token.encode(), b"relais-action-server", hashlib.sha256).hexdigest()

    def public_web_url(self) -> str:
        """Where browsers reach the web app (widget, demo page, privacy notice)."""
        if self.production:
            return os.environ.get("RELAIS_PUBLIC_URL", f"http://{self.host}:{self.proxy_port}")
        return os.environ.get("RELAIS_PUBLIC_URL", self.web_url)

    def allowed_origins(self) -> list[str]:
        """Pages allowed to talk to Rasa from a browser: every configured chamber's website (and its
        ``allowed_origins``) and the web app's own pages. ``RELAIS_ALLOWED_ORIGINS`` (space-separated) replaces them."""
        given = os.environ.get("RELAIS_ALLOWED_ORIGINS", "").split()
        if given:
            return given
        web = origin_of(self.public_web_url())
        # Rasa's own address too: nothing else is served there (websocket clients send it as their Origin).
        rasa = origin_of(os.environ.get("RELAIS_RASA_PUBLIC_URL", self.rasa_url))
        origins = [web, web.replace("://127.0.0.1:", "://localhost:"), rasa]
        for chamber in [load_chamber(self.chamber_config), *load_all_chambers()]:
            origins += [origin_of(chamber.website), *chamber.allowed_origins]
        return [o for o in dict.fromkeys(origins) if o]

    def process_env(self) -> dict[str, str]:
        """What every child process needs to find the same stores and configuration."""
        env = {
            "RELAIS_ENV": self.env,
            "RELAIS_DATABASE_URL": self.database_url,
            "RELAIS_TRACKER_DB_URL": self.tracker_db_url,
            "RELAIS_TRACKER_RETENTION_DAYS": str(self.tracker_retention_days),
            "RELAIS_SESSION_SECRET": self.session_secret,
            "RELAIS_OUTBOX_DIR": self.outbox_dir or str(self.var_dir / "outbox"),
            "PYTHONPATH": str(REPO_ROOT),
            "SANIC_HOST": self.host,  # the action server is never public
            # Where browsers reach Rasa's socket.io channel (the widget's default server).
            "RELAIS_RASA_PUBLIC_URL": os.environ.get("RELAIS_RASA_PUBLIC_URL", self.rasa_url),
            "RELAIS_ALLOWED_ORIGINS": " ".join(self.allowed_origins()),
            "RELAIS_PUBLIC_URL": self.public_web_url(),
            "RELAIS_RATE_LIMIT_EXEMPT": ",".join(self.rate_limit_exempt),
        }
        if self.chamber_config:
            env["RELAIS_CHAMBER_CONFIG"] = self.chamber_config
        bus = self.live_bus_url or (self.lock_store_url if self.production else None)
        if bus:
            env["RELAIS_LIVE_BUS_URL"] = bus
        env.update(self.extra_env)
        return env
