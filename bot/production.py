"""Production mode: several Rasa and action servers behind nginx, shared stores, JSON logs, retention.

``python -m bot run --production`` (``make run-production``) starts, on one machine:

    nginx :RELAIS_PROXY_PORT ──/webhooks/──> rasa-1..N (least connections; a dead one is skipped)
                             ──/socket.io/─> rasa-1..N (ip_hash: a socket.io session stays on its server)
                             ──/──────────> web (inbox, API, widget, demo page)
    nginx 127.0.0.1:RELAIS_ACTIONS_PROXY_PORT ──> actions-1..M (Rasa's action endpoint, never public)

The Rasa servers share the tracker store (PostgreSQL) and the lock store (Redis): any of them can take
the next message of any conversation. deploy/README.md maps this layout onto Rasa's Helm chart.

This module also holds what production needs around the processes:

- ``json_log_formatter``: JSON log lines with phone numbers and e-mail addresses masked
  (action servers and web app; ``logging_config`` writes their dictConfig file);
- ``FailSafeRedisLockStore``: Rasa's Redis lock store that keeps answering, with in-process locks,
  while Redis is unreachable, and whose waiters survive a lock holder's crash;
- ``ReplaySafeRestInput`` / ``ReplaySafeSocketIOInput``: Rasa's channels (both modes), each message
  processed once even when a client resends it or nginx replays it on another server, malformed
  requests refused; loading them also applies ``speed_up_rasa`` (found by profiling);
- retention and the rights of the person: ``purge`` applies the one retention policy of
  ``cases.retention`` with this stack's stores; ``export_personal_data`` and ``erase_personal_data`` act
  on one case reference for the CLI (audited, and erased everywhere at once, like the inbox's);
- abuse: ``channel_guard`` and the ``_guard_*`` hooks apply ``bot.guard`` (message cap, rate limits,
  socket.io's packet size and origins) to both channels.
"""

from __future__ import annotations

import functools
import getpass
import json
import logging
import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from bot.settings import REPO_ROOT, Settings, lock_store_config, tracker_store_config, write_private
from bot.stack import VENV_BIN, Process, Stack, action_endpoint, actions_process, rasa_process, web_process

log = logging.getLogger(__name__)

DEPLOY_DIR = REPO_ROOT / "deploy"
NGINX_TEMPLATE = DEPLOY_DIR / "nginx.conf.j2"


# ================================================================================================ logs

# Kept here under their old names: bot.logmask holds the masking.
from bot.logmask import mask_personal_data, scrub  # noqa: E402, F401  (mask_personal_data: this module's API)


def _mask_event(_logger: Any, _method: str, event: dict) -> dict:
    return {key: scrub(value, 8_000) if isinstance(value, str) else value for key, value in event.items()}


def json_log_formatter() -> logging.Formatter:
    """A stdlib formatter writing one JSON object per line (structlog), personal data masked."""
    import structlog

    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[
            structlog.stdlib.add_log_level,
            structlog.stdlib.add_logger_name,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
        ],
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            _mask_event,
            structlog.processors.JSONRenderer(ensure_ascii=False),
        ],
    )


def logging_config(level: str = "INFO") -> dict:
    """dictConfig for the action servers (``--logging-config-file``) and uvicorn (``--log-config``)."""
    handler = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"}
    quiet = {"level": "WARNING", "handlers": ["json"], "propagate": False}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "bot.production.json_log_formatter"}},
        "handlers": {"json": handler},
        # Message texts are only ever logged at DEBUG by the libraries: INFO keeps them out.
        "root": {"level": level, "handlers": ["json"]},
        "loggers": {
            "uvicorn": {"level": level, "handlers": ["json"], "propagate": False},
            "uvicorn.error": {"level": level, "handlers": ["json"], "propagate": False},
            "uvicorn.access": quiet,
            "sanic.root": {"level": level, "handlers": ["json"], "propagate": False},
            "sanic.error": {"level": level, "handlers": ["json"], "propagate": False},
            "sanic.access": quiet,
        },
    }


def write_logging_config(path: Path, level: str = "INFO") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(logging_config(level), sort_keys=False))
    return path


# ================================================================================================ lock store

# How long a Redis that failed is left alone before the next try, and how long one call may take.
REDIS_RETRY_AFTER_S = 2.0
REDIS_TIMEOUT_S = 0.5
# A lock's read-change-write holds a Redis mutex (a few hundred microseconds); one left by a killed server
# frees itself after this long, and a waiter gives up waiting for it after the same time.
REDIS_MUTEX_MS = 1000
REDIS_MUTEX_POLL_S = 0.0005
# Deletes the mutex only if it is still the caller's (it may have expired and been taken by another).
_RELEASE_MUTEX = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"


def _fail_safe_lock_store_class() -> type:
    """Built on first use: importing Rasa here would slow down every other user of this module."""
    import contextlib
    import uuid

    import redis
    from rasa.core.lock_store import InMemoryLockStore, RedisLockStore

    from bot.lock_store import WaitersOutliveDeadHolders

    outage_errors = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)

    class FailSafeRedisLockStore(WaitersOutliveDeadHolders, RedisLockStore):
        """Rasa's Redis lock store that falls back to in-process locks while Redis is unreachable,
        and whose waiters survive a lock holder's crash (bot.lock_store.WaitersOutliveDeadHolders).

        Without Redis, Rasa's own store fails every turn and the artisan gets no answer. With this one
        the conversation goes on; two messages of one conversation reaching two servers at the same
        moment are then not serialised (rare: people wait for the answer), which is logged.

        Rasa's Redis store reads a lock, changes it and writes it back with nothing in between: a ticket
        issued by one server meanwhile is lost when another writes back what it read before. Here each
        read-change-write holds a short Redis mutex per conversation (SET NX with an expiry).
        """

        def __init__(self, endpoint_config: Any = None, **kwargs: Any) -> None:
            options = {**(endpoint_config.kwargs if endpoint_config else {}), **kwargs}
            host = (endpoint_config.url if endpoint_config else None) or options.pop("host", "127.0.0.1")
            options.pop("type", None)
            options.setdefault("socket_timeout", REDIS_TIMEOUT_S)
            super().__init__(host=host, **options)
            # Rasa's store only sets socket_timeout; connecting to a vanished host must be as quick.
            self.red.connection_pool.connection_kwargs["socket_connect_timeout"] = options["socket_timeout"]
            self._memory = InMemoryLockStore()
            self._redis_down_since: float | None = None
            self._retry_at = 0.0
            self._mutex_depth = 0

        @contextlib.contextmanager
        def _atomically(self, conversation_id: str):  # noqa: ANN202
            if self._mutex_depth:  # already inside, e.g. cleanup's delete_lock
                self._mutex_depth += 1
                try:
                    yield
                finally:
                    self._mutex_depth -= 1
                return
            key, token = f"relais-mutex:{self.key_prefix}{conversation_id}", uuid.uuid4().hex
            held = self._call("_take_mutex", key, token)
            self._mutex_depth = 1
            try:
                yield
            finally:
                self._mutex_depth = 0
                if held:
                    self._call("_give_mutex", key, token)

        def _take_mutex(self, key: str, token: str) -> bool:
            deadline = time.monotonic() + REDIS_MUTEX_MS / 1000
            while not self.red.set(key, token, nx=True, px=REDIS_MUTEX_MS):
                if time.monotonic() > deadline:
                    log.warning("lock store: a lock's Redis mutex stayed taken for %d ms; going on without it",
                                REDIS_MUTEX_MS)
                    return False
                time.sleep(REDIS_MUTEX_POLL_S)  # held for a get and a set by another server
            return True

        def _give_mutex(self, key: str, token: str) -> None:
            self.red.eval(_RELEASE_MUTEX, 1, key, token)

        def _call(self, operation: str, *args: Any) -> Any:
            if time.monotonic() >= self._retry_at:
                try:
                    result = getattr(FailSafeRedisLockStore, operation)(self, *args)
                except outage_errors as error:
                    if self._redis_down_since is None:
                        self._redis_down_since = time.monotonic()
                        log.error("lock store: Redis unreachable, using in-process locks until it answers (%s)", error)
                    self._retry_at = time.monotonic() + REDIS_RETRY_AFTER_S
                else:
                    if self._redis_down_since is not None:
                        log.warning("lock store: Redis answers again after %.0f s", time.monotonic() - self._redis_down_since)
                        self._redis_down_since = None
                    return result
            if operation in ("_take_mutex", "_give_mutex"):
                return False  # in-process locks: a process's turns do not interleave inside a read-change-write
            return getattr(self._memory, operation.removeprefix("_redis_"))(*args)

        @property
        def degraded(self) -> bool:
            return self._redis_down_since is not None

        def get_lock(self, conversation_id: str):  # noqa: ANN202 - Rasa's TicketLock, imported lazily like this class
            return self._call("_redis_get_lock", conversation_id)

        def delete_lock(self, conversation_id: str) -> None:
            self._call("_redis_delete_lock", conversation_id)

        def save_lock(self, lock) -> None:  # noqa: ANN001
            self._call("_redis_save_lock", lock)

        _redis_get_lock = RedisLockStore.get_lock
        _redis_delete_lock = RedisLockStore.delete_lock
        _redis_save_lock = RedisLockStore.save_lock

    return FailSafeRedisLockStore


# ================================================================================================ channels

# Set by the widget on every message (metadata.client_message_id); for the REST channel nginx's request id
# stands in, the same for a request it replays on another Rasa server.
CLIENT_MESSAGE_ID = "client_message_id"
SLOW_LOCK_S = 2.0
RECENT_USER_MESSAGES = 5


def valid_sender_id(sender: Any) -> bool:
    """What Rasa's tracker store can hold: PostgreSQL refuses NUL, the column has 255 characters."""
    return isinstance(sender, str) and 0 < len(sender) <= 255 and "\x00" not in sender


def _replies_after(tracker: Any, key: str) -> list[dict] | None:
    """The bot's answers to the user message carrying ``key``, or None when no such message was processed."""
    from rasa.shared.core.events import BotUttered, UserUttered

    replies, found = [], False
    for event in tracker.events:
        if isinstance(event, UserUttered):
            if found:
                break
            found = (event.metadata or {}).get(CLIENT_MESSAGE_ID) == key
        elif found and isinstance(event, BotUttered):
            reply = {"text": event.text, **(event.data or {})}
            replies.append({name: value for name, value in reply.items() if value is not None})
    return replies if found else None


async def _answers_already_given(agent: Any, sender_id: str, key: str) -> list[dict] | None:
    """The answers to the message ``key`` if it was processed, else None. A message comes back as one
    of the last few: on SQL, a look at those rows spares loading the whole tracker on every turn."""
    from rasa.core.tracker_store import SQLTrackerStore

    store = getattr(agent.tracker_store, "_tracker_store", None)  # Rasa wraps it in a FailSafeTrackerStore
    if isinstance(store, SQLTrackerStore):
        event = store.SQLEvent
        with store.session_scope() as session:
            recent = (session.query(event.data)
                      .filter(event.sender_id == sender_id, event.type_name == "user")
                      .order_by(event.id.desc()).limit(RECENT_USER_MESSAGES).all())
        if not any(key in (data or "") for (data,) in recent):
            return None
    tracker = await agent.tracker_store.retrieve(sender_id)
    return _replies_after(tracker, key) if tracker else None


def _once(on_new_message: Any, reraise: bool, apps: Any) -> Any:
    """Processes a message once even when it arrives twice: a client resending after a lost connection,
    or nginx replaying a request on another server after the first died having saved the turn.
    ``apps``: the Sanic apps the channel's blueprint is registered with (Rasa's server)."""

    async def handle(message: Any) -> None:
        if not valid_sender_id(message.sender_id):
            log.warning("message refused: its conversation id is not a short text without NUL characters")
            return
        try:
            key = (message.metadata or {}).get(CLIENT_MESSAGE_ID) if isinstance(message.metadata, dict) else None
            agent = next(iter(apps())).ctx.agent
            if not key or agent is None or not agent.is_ready():
                await on_new_message(message)
                return
            # The check and the turn under the conversation's lock, as Agent.handle_message does for the turn.
            waiting_since = time.monotonic()
            async with agent.lock_store.lock(message.sender_id):
                waited = time.monotonic() - waiting_since
                if waited > SLOW_LOCK_S:
                    log.warning("waited %.1f s for a conversation's lock (a server died holding it?)", waited)
                earlier = await _answers_already_given(agent, message.sender_id, key)
                if earlier is None:
                    await agent.processor.handle_message(message)
                    if time.monotonic() - waiting_since - waited > SLOW_LOCK_S:
                        log.warning("a turn took %.1f s", time.monotonic() - waiting_since - waited)
                    return
            log.warning("message received again after it was processed: its answers are sent again")
            for reply in earlier:
                await message.output_channel.send_response(message.sender_id, reply)
        except (Exception, SystemExit) as error:
            # Logged here without the artisan's text (Rasa's channels would log it whole). SystemExit: Rasa's
            # SQL tracker store exits the whole server on any ValueError of the driver; one turn fails instead.
            log.exception("a conversation turn failed")
            if reraise:  # socket.io: no acknowledgement, so the widget sends the message again
                raise RuntimeError("conversation turn failed") from error

    return handle


# ================================================================================================ speed-ups


@functools.lru_cache(maxsize=1)
def _action_response_validator() -> Any:
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    validator = validator_for(schema)
    validator.check_schema(schema)  # once, rather than before every call as jsonschema.validate() does
    return validator(schema)


def _validate_action_result(self: Any, result: dict) -> bool:
    """RemoteAction._validate_action_result with the schema checked once: the same errors, the same message."""
    from jsonschema.exceptions import best_match
    from rasa.shared.constants import DOCS_BASE_URL

    error = best_match(_action_response_validator().iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from the Action "
            f"endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


def speed_up_rasa() -> None:
    """Profiled under load (bench --profile): a third of a Rasa server's CPU went to jsonschema checking
    Rasa's own constant response schema against the meta-schema before every custom action call.
    Called when Rasa loads our channels, the one place our code runs in it at start-up."""
    from rasa.core.actions.action import RemoteAction

    RemoteAction._validate_action_result = _validate_action_result


@functools.lru_cache(maxsize=1)
def _replay_safe_channels() -> dict[str, type]:
    from rasa.core.channels.rest import RestInput
    from rasa.core.channels.socketio import SocketIOInput
    from sanic.exceptions import InvalidUsage

    from bot.no_silence import never_silent  # every message gets a reply (issue 12)

    speed_up_rasa()  # whichever channel Rasa loads first, once

    class ReplaySafeRestInput(RestInput):
        """Rasa's REST channel (same URL), each message processed once, malformed requests refused with 400
        (Rasa's answers 500 to a body that is not a JSON object, and a NUL in the sender stops the server)."""

        @staticmethod
        def _body(request: Any) -> dict:
            body = request.json  # invalid JSON or UTF-8: Sanic's own 400
            if not isinstance(body, dict):
                raise InvalidUsage("The body must be a JSON object with 'sender' and 'message'.")
            return body

        async def _extract_sender(self, request: Any) -> str:
            sender = self._body(request).get("sender")
            if not valid_sender_id(sender):
                raise InvalidUsage("'sender' must be a text of 1 to 255 characters, without NUL.")
            return sender

        def _extract_message(self, request: Any) -> str | None:
            message = self._body(request).get("message")
            if message is not None and not isinstance(message, str):
                raise InvalidUsage("'message' must be a text.")
            return message

        def get_metadata(self, request: Any) -> Any:
            metadata = super().get_metadata(request)
            if metadata is None:
                metadata = {}
            request_id = request.headers.get("x-request-id")
            if isinstance(metadata, dict) and CLIENT_MESSAGE_ID not in metadata and request_id:
                metadata = {**metadata, CLIENT_MESSAGE_ID: f"proxy-{request_id}"}
            return _with_client_key(metadata, request) or None

        def blueprint(self, on_new_message: Any) -> Any:
            apps = lambda: blueprint.apps  # noqa: E731
            blueprint = super().blueprint(never_silent(_once(on_new_message, reraise=False, apps=apps), apps,
                                                        valid_sender_id))
            _guard_rest(blueprint, self._body)
            return blueprint

    class ReplaySafeSocketIOInput(SocketIOInput):
        """Rasa's socket.io channel (same path and events), each message processed once."""

        def blueprint(self, on_new_message: Any) -> Any:
            apps = lambda: blueprint.apps  # noqa: E731
            blueprint = super().blueprint(never_silent(_once(on_new_message, reraise=True, apps=apps), apps,
                                                        valid_sender_id))
            _guard_socketio(self.sio, self.namespace or "/", self.user_message_evt, self.bot_message_evt,
                            self.metadata_key)
            return blueprint

    return {"ReplaySafeRestInput": ReplaySafeRestInput, "ReplaySafeSocketIOInput": ReplaySafeSocketIOInput}


# ------------------------------------------------------------------ abuse: caps, rate limits, origins


@functools.lru_cache(maxsize=1)
def channel_guard() -> Any:
    """One per Rasa process (each Sanic worker forks its own): see bot.guard."""
    from bot.guard import ChannelGuard

    return ChannelGuard.from_env()


def allowed_origins() -> list[str]:
    """Origins whose pages may talk to Rasa (CORS, socket.io): ``RELAIS_ALLOWED_ORIGINS``, set by the stack."""
    return [origin for origin in os.environ.get("RELAIS_ALLOWED_ORIGINS", "").split() if origin]


def _request_address(request: Any) -> str:
    return channel_guard().client_address(request.ip, request.headers.get("x-real-ip"))


def _with_client_key(metadata: Any, request: Any) -> Any:
    """The pseudonymous client key (cases.limits.client_key) in the message's metadata, whatever the client sent."""
    if not isinstance(metadata, dict):
        return metadata
    return _set_client_key(metadata, channel_guard().client_key(_request_address(request)))


def _set_client_key(metadata: dict, key: str | None) -> dict:
    from cases.limits import CLIENT_KEY_METADATA

    cleaned = {name: value for name, value in metadata.items() if name != CLIENT_KEY_METADATA}
    return {**cleaned, CLIENT_KEY_METADATA: key} if key else cleaned


def _guard_rest(blueprint: Any, body_of: Any) -> None:
    """Refuses, before Rasa sees it, a REST message that is too long or comes too fast (bot.guard)."""
    from sanic import response

    @blueprint.middleware("request")
    async def guard(request: Any) -> Any:
        if request.method != "POST" or not request.path.endswith("/webhook"):
            return None
        try:
            body = body_of(request)
        except Exception:  # noqa: BLE001 - a malformed body: the handler answers its 400
            return None
        sender = body.get("sender")
        if not valid_sender_id(sender):
            return None
        refusal = channel_guard().verdict(_request_address(request), sender, body.get("message"))
        if refusal is None:
            return None
        log.warning("message refused before processing: %s", refusal.reason)
        headers = {"Retry-After": str(refusal.retry_after_s)} if refusal.retry_after_s else {}
        return response.json([{"recipient_id": sender, "text": refusal.text}], status=refusal.status, headers=headers)


def _guard_socketio(sio: Any, namespace: str, user_event: str, bot_event: str, metadata_key: str) -> None:
    """socket.io: packets of 16 kB at most, the chamber's origins only, and the same refusals as REST."""
    from bot.guard import SOCKETIO_MAX_PAYLOAD_BYTES

    sio.eio.max_http_buffer_size = SOCKETIO_MAX_PAYLOAD_BYTES
    # Checked by engine.io (400 for another Origin); the CORS headers themselves come from Rasa's --cors, once.
    sio.eio.cors_allowed_origins = allowed_origins() or []
    sio.eio._cors_headers = lambda _environ: []
    handlers = sio.handlers[namespace]
    connect, handle_message = handlers["connect"], handlers[user_event]
    addresses: dict[str, str] = {}

    async def guarded_connect(sid: str, environ: dict, auth: Any = None) -> Any:
        request = environ.get("sanic.request")
        peer = request.ip if request is not None else environ.get("REMOTE_ADDR")
        addresses[sid] = channel_guard().client_address(peer, environ.get("HTTP_X_REAL_IP"))
        return await connect(sid, environ, auth)

    async def guarded_message(sid: str, data: Any) -> Any:
        if not isinstance(data, dict):
            return None
        address = addresses.get(sid, "unknown")
        sender = data.get("session_id") or sid
        if not valid_sender_id(sender):
            return await handle_message(sid, data)  # refused there, silently, as a forged session is
        refusal = channel_guard().verdict(address, str(sender), data.get("message"))
        if refusal is not None:
            log.warning("message refused before processing: %s", refusal.reason)
            await sio.emit(bot_event, {"text": refusal.text}, room=sid, namespace=namespace)
            return None
        metadata = data.get(metadata_key)
        if isinstance(metadata, str):
            try:
                metadata = json.loads(metadata)
            except ValueError:
                metadata = {}
        data[metadata_key] = _set_client_key(metadata if isinstance(metadata, dict) else {},
                                             channel_guard().client_key(address))
        return await handle_message(sid, data)

    async def forget(sid: str) -> Any:
        addresses.pop(sid, None)
        return await disconnect(sid)

    disconnect = handlers["disconnect"]
    handlers["connect"], handlers[user_event], handlers["disconnect"] = guarded_connect, guarded_message, forget


def write_channel_credentials(directory: Path) -> Path:
    """bot/credentials.yml with Rasa's REST and socket.io channels swapped for their replay-safe versions."""
    channels = yaml.safe_load((REPO_ROOT / "bot" / "credentials.yml").read_text()) or {}
    replacements = {"rest": "bot.production.ReplaySafeRestInput", "socketio": "bot.production.ReplaySafeSocketIOInput"}
    credentials = {replacements.get(name, name): config for name, config in channels.items()}
    path = directory / "credentials.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(credentials, sort_keys=False))
    return path


def __getattr__(name: str) -> Any:
    """Rasa loads these by name from endpoints.yml and credentials.yml; built on first use."""
    if name == "FailSafeRedisLockStore":
        extension = _fail_safe_lock_store_class()
    elif name in ("ReplaySafeRestInput", "ReplaySafeSocketIOInput"):
        extension = _replay_safe_channels()[name]
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = extension
    return extension


# ================================================================================================ processes


@dataclass(frozen=True)
class Layout:
    """Ports of every production process on this machine."""

    rasa_ports: tuple[int, ...]
    actions_ports: tuple[int, ...]
    web_port: int
    proxy_port: int
    actions_proxy_port: int

    @classmethod
    def of(cls, settings: Settings) -> Layout:
        return cls(
            rasa_ports=tuple(settings.rasa_port + i for i in range(settings.rasa_instances)),
            actions_ports=tuple(settings.actions_port + i for i in range(settings.actions_instances)),
            web_port=settings.web_port,
            proxy_port=settings.proxy_port,
            actions_proxy_port=settings.actions_proxy_port,
        )


def nginx_binary() -> str:
    found = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.path.exists(p)), None)
    if not found:
        raise FileNotFoundError("nginx is not installed: `make nginx` installs Debian's package.")
    return found


def _worker_user() -> str | None:
    """nginx run by root switches its workers to another user; by anyone else it keeps the caller."""
    if os.geteuid() != 0:
        return None
    for name in ("www-data", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    return getpass.getuser()


def _nginx_temp_dir(run_dir: Path, layout: Layout) -> Path:
    """Where nginx buffers large bodies. Workers dropped to another user cannot always reach var/
    (a home or pytest directory is private), so they get a directory of their own under /tmp."""
    if _worker_user() is None:
        return run_dir
    temp_dir = Path(tempfile.gettempdir()) / f"relais-nginx-{layout.proxy_port}"
    temp_dir.mkdir(mode=0o755, exist_ok=True)
    temp_dir.chmod(0o755)
    return temp_dir


def render_nginx_config(settings: Settings, layout: Layout, run_dir: Path, log_dir: Path) -> str:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    environment = Environment(loader=FileSystemLoader(DEPLOY_DIR), undefined=StrictUndefined, keep_trailing_newline=True)
    return environment.get_template(NGINX_TEMPLATE.name).render(
        host=settings.host,
        layout=layout,
        run_dir=run_dir,
        temp_dir=_nginx_temp_dir(run_dir, layout),
        log_dir=log_dir,
        worker_user=_worker_user(),
        rate_limit_exempt=settings.rate_limit_exempt,
    )


def write_production_endpoints(settings: Settings, layout: Layout) -> Path:
    endpoints = {
        # Through nginx: a dead action server is skipped, a restarted one is used again.
        "action_endpoint": action_endpoint(settings, f"http://{settings.host}:{layout.actions_proxy_port}/webhook"),
        "tracker_store": tracker_store_config(settings.tracker_db_url),
        "lock_store": lock_store_config(settings.lock_store_url or "redis://127.0.0.1:6379/0",
                                        "bot.production.FailSafeRedisLockStore"),
    }
    return write_private(settings.var_dir / "production" / "endpoints.yml", yaml.safe_dump(endpoints, sort_keys=False))


@dataclass
class ProductionStack(Stack):
    """Every production process of one machine, supervised like the embedded stack."""

    layout: Layout | None = None

    def build_processes(self) -> list[Process]:
        s = self.settings
        self.layout = layout = self.layout or Layout.of(s)
        production_dir = s.var_dir / "production"
        run_dir, log_dir = production_dir / "nginx", s.var_dir / "logs"
        run_dir.mkdir(parents=True, exist_ok=True)
        endpoints = write_production_endpoints(s, layout)
        credentials = write_channel_credentials(production_dir)
        json_logs = write_logging_config(production_dir / "logging.yml") if s.log_format == "json" else None

        processes = []
        for index, port in enumerate(layout.actions_ports, start=1):
            process = actions_process(f"actions-{index}", s, port, json_logs)
            # Each action server spools to its own folder: two never flush the same draft file.
            process.env["RELAIS_OUTBOX_DIR"] = str(s.var_dir / "outbox" / f"actions-{index}")
            processes.append(process)
        for index, port in enumerate(layout.rasa_ports, start=1):
            rasa = rasa_process(f"rasa-{index}", s, port, endpoints, self.model_path, credentials)
            rasa.env["RELAIS_BEHIND_PROXY"] = "1"  # the client's address is nginx's X-Real-IP (bot.guard)
            processes.append(rasa)
        if self.with_web:
            processes.append(web_process("web", s, layout.web_port, json_logs, behind_proxy=True))

        config = production_dir / "nginx.conf"
        config.write_text(render_nginx_config(s, layout, run_dir, log_dir))
        nginx = Process(
            "nginx",
            [nginx_binary(), "-p", str(run_dir), "-c", str(config), "-e", str(log_dir / "nginx-error.log"),
             "-g", "daemon off;"],
            f"http://{s.host}:{layout.proxy_port}/nginx-health",
            log_dir / "nginx.log",
        )
        processes.append(nginx)
        return processes

    @property
    def public_url(self) -> str:
        return f"http://{self.settings.host}:{self.settings.proxy_port}"

    def rasa_instances(self) -> list[Process]:
        return [p for name, p in self.processes.items() if name.startswith("rasa-")]


def check_nginx_config(stack: ProductionStack) -> None:
    """``nginx -t`` on the generated configuration: a template mistake fails before anything starts."""
    nginx = stack.processes["nginx"]
    done = subprocess.run([*nginx.command[:-2], "-t"], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"invalid nginx configuration:\n{done.stderr}")


def prepare_postgres_schemas(*urls: str) -> None:
    """Creates the schema named by ``?options=-csearch_path=...`` when it is missing (local layout)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    for url in urls:
        parsed = make_url(url)
        match = re.search(r"search_path=([\w]+)", parsed.query.get("options", "") if parsed.query else "")
        if parsed.get_backend_name() != "postgresql" or not match:
            continue
        engine = create_engine(parsed.set(query={}), future=True)
        try:
            with engine.begin() as connection:
                connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{match.group(1)}"'))
        finally:
            engine.dispose()


class PurgeSchedule:
    """Applies the retention every ``interval_hours`` in a child process (``python -m bot purge``)."""

    def __init__(self, settings: Settings, interval_hours: float, first_after_s: float = 60) -> None:
        self.settings = settings
        self.interval_s = interval_hours * 3600
        self.first_after_s = first_after_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self.interval_s <= 0:
            return
        self._thread = threading.Thread(target=self._loop, name="purge-schedule", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _loop(self) -> None:
        wait = self.first_after_s
        while not self._stop.wait(wait):
            log_path = self.settings.var_dir / "logs" / "purge.log"
            with os.fdopen(os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "ab") as output:
                subprocess.run([str(VENV_BIN / "python"), "-m", "bot", "purge"], cwd=REPO_ROOT, stdout=output,
                               stderr=subprocess.STDOUT, env={**os.environ, **self.settings.process_env()},
                               check=False)  # a failed purge is in its log; the next one runs anyway
            wait = self.interval_s


# ================================================================================================ retention
# One policy for both command lines (python -m bot purge, python -m inbox purge): cases.retention.

from cases.retention import (  # noqa: E402, F401  (part of this module's API)
    PurgeReport,
    TrackerPurge,
    delete_trackers,
    erase_everywhere,
    purge_trackers,
)


def purge(settings: Settings, now: datetime | None = None) -> PurgeReport:
    """Applies the retention (cases.retention.apply_retention) with this stack's stores and chambers."""
    from cases.retention import apply_retention
    from chamber import load_all_chambers, load_chamber

    default_chamber = load_chamber(settings.chamber_config)
    chambers = {c.id: c for c in load_all_chambers()}
    chambers.setdefault(default_chamber.id, default_chamber)
    return apply_retention(settings.database_url, settings.tracker_db_url, settings.tracker_retention_days, chambers,
                           default_chamber.id, settings.var_dir / "outbox", now)


# ================================================================================================ rights


class RightsError(RuntimeError):
    """A request the CLI refuses, with a French message for the operator."""


def _repository_and_supervisor(settings: Settings, supervisor_email: str):  # noqa: ANN202
    from cases.db import make_engine, make_session_factory, migrate
    from cases.repository import CaseRepository

    migrate(settings.database_url)
    engine = make_engine(settings.database_url)
    repository = CaseRepository(make_session_factory(engine))
    supervisor = repository.find_user_by_email(supervisor_email)
    if supervisor is None or not supervisor.active or not supervisor.is_supervisor:
        engine.dispose()
        raise RightsError(f"Aucun compte superviseur actif pour {supervisor_email}.")
    return engine, repository, supervisor


def export_personal_data(settings: Settings, reference: str, supervisor_email: str) -> dict[str, Any]:
    """Everything stored about the person of one case (right of access), audited under the supervisor."""
    from cases.repository import CaseNotFound

    engine, repository, supervisor = _repository_and_supervisor(settings, supervisor_email)
    try:
        return repository.export_personal_data(reference, supervisor)
    except CaseNotFound:
        raise RightsError(f"Aucun dossier {reference} dans la chambre {supervisor.chamber_id}.") from None
    finally:
        engine.dispose()


def erase_personal_data(settings: Settings, reference: str, supervisor_email: str) -> int:
    """Erases the person's data from the case and deletes its Rasa conversation; returns the events deleted."""
    from cases.repository import CaseNotFound

    engine, repository, supervisor = _repository_and_supervisor(settings, supervisor_email)
    try:
        return erase_everywhere(repository, reference, supervisor, settings.tracker_db_url,
                                settings.var_dir / "outbox").tracker_events
    except CaseNotFound:
        raise RightsError(f"Aucun dossier {reference} dans la chambre {supervisor.chamber_id}.") from None
    finally:
        engine.dispose()


def print_json(data: Any, out: Path | None) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if out is None:
        sys.stdout.write(text + "\n")
        return
    descriptor = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # personal data: owner only
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(text + "\n")
