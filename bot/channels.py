"""Rasa's REST and socket.io channels as Relais runs them (both modes), named in the credentials.yml that
the supervisor writes (ops/rasa_config.py: ``bot.channels.ReplaySafeRestInput``, ``bot.channels.ReplaySafeSocketIOInput``).

- each message is processed once, even when a client resends it or nginx replays it on another server;
  malformed requests are refused (400) rather than answered 500 or stopping the server;
- every message gets a reply (bot/no_silence.py);
- abuse: ``channel_guard`` and the ``_guard_*`` hooks apply ``bot.guard`` (message cap, rate limits,
  socket.io's packet size and origins) to both channels;
- pasted HTML is read as its words, once, here (``triage.normalise.without_markup``): the classifier, the intake's
  readers, the tracker and the advisor's transcript get "4 800 €", never "<b>4 800 &euro;</b>" (round 8: only the
  triage had it stripped); a message of markup alone arrives empty and is answered so;
- ``speed_up_rasa`` (found by profiling) is applied when Rasa loads this module.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import time
from typing import Any, TypeGuard

import jsonschema_rs
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.events import BotUttered, UserUttered
from sanic import Blueprint, response
from sanic.exceptions import InvalidUsage

from bot.crisis_first import crisis_first  # the crisis numbers before the welcome
from bot.guard import SOCKETIO_MAX_PAYLOAD_BYTES, ChannelGuard
from bot.no_silence import never_silent  # every message gets a reply (issue 12)
from cases.limits import CLIENT_KEY_METADATA
from triage.normalise import without_markup

log = logging.getLogger(__name__)


# Set by the widget on every message (metadata.client_message_id); for the REST channel nginx's request id
# stands in, the same for a request it replays on another Rasa server.
CLIENT_MESSAGE_ID = "client_message_id"
SLOW_LOCK_S = 2.0
RECENT_USER_MESSAGES = 5


def valid_sender_id(sender: object) -> TypeGuard[str]:
    """What Rasa's tracker store can hold: PostgreSQL refuses NUL, the column has 255 characters."""
    return isinstance(sender, str) and 0 < len(sender) <= 255 and "\x00" not in sender


def _replies_after(tracker: Any, key: str) -> list[dict[str, Any]] | None:
    """The bot's answers to the user message carrying ``key``, or None when no such message was processed."""
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


async def _answers_already_given(agent: Any, sender_id: str, key: str) -> list[dict[str, Any]] | None:
    """The answers to the message ``key`` if it was processed, else None. A message comes back as one
    of the last few: on SQL, a look at those rows spares loading the whole tracker on every turn."""
    store = getattr(agent.tracker_store, "_tracker_store", None)  # Rasa wraps it in a FailSafeTrackerStore
    if isinstance(store, SQLTrackerStore):
        event = store.SQLEvent
        with store.session_scope() as session:
            recent = (
                session.query(event.data)
                .filter(event.sender_id == sender_id, event.type_name == "user")
                .order_by(event.id.desc())
                .limit(RECENT_USER_MESSAGES)
                .all()
            )
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
    schema = RemoteAction.action_response_format_spec()
    validator = validator_for(schema)
    validator.check_schema(schema)  # once, rather than before every call as jsonschema.validate() does
    return validator(schema)


@functools.lru_cache(maxsize=1)
def _compiled_action_response_check() -> Any:
    """The same schema compiled by jsonschema-rs (the same draft: neither names one): about 1 ms of CPU per
    action call with jsonschema, 4 microseconds with it, measured on this machine."""
    return jsonschema_rs.validator_for(RemoteAction.action_response_format_spec())


def _validate_action_result(self: Any, result: dict[str, Any]) -> bool:
    """RemoteAction._validate_action_result, the same errors with the same message: a response the compiled
    check accepts is valid; any other goes through Rasa's jsonschema, which says why (or accepts it, as Rasa
    would: tests/unit/bot/test_action_response_check.py compares the two on valid and broken responses)."""
    if _compiled_action_response_check().is_valid(result):
        return True
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
    Rasa's own constant response schema against the meta-schema before every custom action call; then,
    with the schema checked once, still 5.7 % to checking each response (2026-12-03, production).
    Called when Rasa loads our channels, the one place our code runs in it at start-up."""
    RemoteAction._validate_action_result = _validate_action_result


# Rasa loads its channels' module when it starts: the speed-up applies then, once per process.
speed_up_rasa()


class ReplaySafeRestInput(RestInput):
    """Rasa's REST channel (same URL), each message processed once, malformed requests refused with 400
    (Rasa's answers 500 to a body that is not a JSON object, and a NUL in the sender stops the server)."""

    @staticmethod
    def _body(request: Any) -> dict[str, Any]:
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
        return message if message is None else without_markup(message)

    def get_metadata(self, request: Any) -> Any:
        metadata = super().get_metadata(request)
        if metadata is None:
            metadata = {}
        request_id = request.headers.get("x-request-id")
        if isinstance(metadata, dict) and CLIENT_MESSAGE_ID not in metadata and request_id:
            metadata = {**metadata, CLIENT_MESSAGE_ID: f"proxy-{request_id}"}
        return _with_client_key(metadata, request) or None

    def blueprint(self, on_new_message: Any) -> Any:
        def apps() -> Any:  # the blueprint made below, once Rasa has registered it on its app(s)
            return blueprint.apps

        blueprint = super().blueprint(
            never_silent(crisis_first(_once(on_new_message, reraise=False, apps=apps)), apps, valid_sender_id)
        )
        _guard_rest(blueprint, self._body)
        return blueprint


class CustomJsonSocketIOOutput(SocketIOOutput):
    """Rasa's socket.io output, its custom payloads delivered as the event's data, as text and buttons are.

    Rasa 3.6's ``send_custom_json`` passes the payload's keys to ``AsyncServer.emit`` as keyword arguments: any
    key but emit's own (``data``, ``room``...) raised a TypeError, the turn failed, and the widget never heard
    the live chat's signal ``{"relais_live": ...}`` (issue 16)."""

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        await self._send_message(recipient_id, json_message)


def _delivering_custom_json(on_new_message: Any) -> Any:
    async def handle(message: Any) -> None:
        channel = message.output_channel
        if type(channel) is SocketIOOutput:
            message.output_channel = CustomJsonSocketIOOutput(channel.sio, channel.bot_message_evt)
        await on_new_message(message)

    return handle


class ReplaySafeSocketIOInput(SocketIOInput):
    """Rasa's socket.io channel (same path and events), each message processed once, custom payloads delivered."""

    def get_output_channel(self) -> Any:
        channel = super().get_output_channel()
        return CustomJsonSocketIOOutput(channel.sio, channel.bot_message_evt) if channel is not None else None

    def blueprint(self, on_new_message: Any) -> Any:
        def apps() -> Any:  # the blueprint made below, once Rasa has registered it on its app(s)
            return blueprint.apps

        blueprint = super().blueprint(
            _delivering_custom_json(
                never_silent(crisis_first(_once(on_new_message, reraise=True, apps=apps)), apps, valid_sender_id)
            )
        )
        _guard_socketio(self.sio, self.namespace or "/", self.user_message_evt, self.bot_message_evt, self.metadata_key)
        return blueprint


# ------------------------------------------------------------------ abuse: caps, rate limits, origins


@functools.lru_cache(maxsize=1)
def channel_guard() -> ChannelGuard:
    """One per Rasa process (each Sanic worker forks its own): see bot.guard."""
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


def _set_client_key(metadata: dict[str, Any], key: str | None) -> dict[str, Any]:
    cleaned = {name: value for name, value in metadata.items() if name != CLIENT_KEY_METADATA}
    return {**cleaned, CLIENT_KEY_METADATA: key} if key else cleaned


def _guard_rest(blueprint: Blueprint, body_of: Any) -> None:
    """Refuses, before Rasa sees it, a REST message that is too long or comes too fast (bot.guard)."""

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
    sio.eio.max_http_buffer_size = SOCKETIO_MAX_PAYLOAD_BYTES
    # Checked by engine.io (400 for another Origin); the CORS headers themselves come from Rasa's --cors, once.
    sio.eio.cors_allowed_origins = allowed_origins() or []
    sio.eio._cors_headers = lambda _environ: []
    handlers = sio.handlers[namespace]
    connect, handle_message = handlers["connect"], handlers[user_event]
    addresses: dict[str, str] = {}

    async def guarded_connect(sid: str, environ: dict[str, Any], auth: Any = None) -> Any:
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
        if isinstance(data.get("message"), str):
            data["message"] = without_markup(data["message"])
        metadata = data.get(metadata_key)
        if isinstance(metadata, str):
            try:
                metadata = json.loads(metadata)
            except ValueError:
                metadata = {}
        data[metadata_key] = _set_client_key(
            metadata if isinstance(metadata, dict) else {}, channel_guard().client_key(address)
        )
        return await handle_message(sid, data)

    async def forget(sid: str) -> Any:
        addresses.pop(sid, None)
        return await disconnect(sid)

    disconnect = handlers["disconnect"]
    handlers["connect"], handlers[user_event], handlers["disconnect"] = guarded_connect, guarded_message, forget
