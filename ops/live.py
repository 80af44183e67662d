"""The hub of the live chat (issue 16), run by the web app: store first, then publish; pause and resume Rasa.

Every live message is written to the cases database first (``cases.live``: its id is the cursor), then a
notice goes out on a ``LiveBus``: in-process (``LocalBus``, the embedded mode's one web app) or Redis pub/sub
(``RedisBus``, production, any number of web app workers). A socket never trusts the bus for the messages
themselves: on each notice it reads the database after the last id it sent, so a notice lost, late or out of
order costs nothing, and a reconnecting client that gives its last id gets everything after it.

``LiveHub`` is what the WebSocket endpoints (widget/live.py for the artisan, inbox/pages/live.py for the
advisor) and the claim endpoint (inbox/api/live.py) call; it knows no web framework. ``RasaControl`` pauses the
conversation in Rasa when an advisor takes it (the bot then says nothing, bot/no_silence.py included) and
resumes it when the advisor hands back or closes (Rasa's ``POST /conversations/{id}/tracker/events``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from typing import Any, Protocol
from urllib.parse import quote

import anyio
import httpx

from cases.live import LiveClosed, LiveRepository, LiveState, Message
from cases.models import User
from ops import clock

log = logging.getLogger(__name__)

CHANNEL_PREFIX = "relais:live:"
# How often the web app looks for conversations waiting too long for an advisor.
REMINDER_INTERVAL_S = 15.0
# How often an open artisan socket says the artisan is still there (cases.live.ARTISAN_WINDOW is 60 s).
ARTISAN_BEAT_S = 20.0
DEFAULT_ROLE_WORD = "conseillère"
DEFAULT_DISTRESS_WAIT_MINUTES = 3
DEFAULT_WAIT_MINUTES = 10


# ================================================================================================ buses


class Subscription:
    """What one socket receives: the notices of one conversation, in a queue of its own."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(maxsize=1000)
        self.loop = asyncio.get_running_loop()

    def deliver(self, notice: dict[str, Any]) -> None:
        """From any thread or event loop (an app served by several loops, as tests do, shares one LocalBus)."""
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is self.loop:
            self._put(notice)
        else:
            with contextlib.suppress(RuntimeError):  # that socket's loop has ended
                self.loop.call_soon_threadsafe(self._put, notice)

    def _put(self, notice: dict[str, Any]) -> None:
        try:
            self.queue.put_nowait(notice)
        except asyncio.QueueFull:  # a stuck socket: it reads the database when it wakes up anyway
            log.warning("a live socket is not reading its notices")

    async def get(self) -> dict[str, Any]:
        return await self.queue.get()


class LiveBus(Protocol):
    async def publish(self, case_id: int, notice: dict[str, Any]) -> None: ...

    def subscribe(self, case_id: int) -> contextlib.AbstractAsyncContextManager[Subscription]: ...

    async def start(self) -> None: ...

    async def close(self) -> None: ...


class LocalBus:
    """One process: the embedded mode's web app."""

    def __init__(self) -> None:
        self._subscribers: dict[int, set[Subscription]] = {}

    async def start(self) -> None:
        return None

    async def close(self) -> None:
        self._subscribers.clear()

    async def publish(self, case_id: int, notice: dict[str, Any]) -> None:
        for subscription in list(self._subscribers.get(case_id, ())):
            subscription.deliver(notice)

    @contextlib.asynccontextmanager
    async def subscribe(self, case_id: int) -> AsyncIterator[Subscription]:
        subscription = Subscription()
        self._subscribers.setdefault(case_id, set()).add(subscription)
        try:
            yield subscription
        finally:
            subscribers = self._subscribers.get(case_id, set())
            subscribers.discard(subscription)
            if not subscribers:
                self._subscribers.pop(case_id, None)


class RedisBus:
    """Redis pub/sub between web app workers: one channel per conversation (``relais:live:<case id>``), one
    subscriber connection per process, shared by its sockets. A subscription is confirmed by Redis before
    ``subscribe`` returns, so a socket that reads the database next cannot miss a message published after."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._redis: Any = None
        self._pubsub: Any = None
        self._reader: asyncio.Task[None] | None = None
        self._subscribers: dict[str, set[Subscription]] = {}
        self._confirmed: dict[str, asyncio.Event] = {}
        self._lock = asyncio.Lock()

    async def start(self) -> None:
        import redis.asyncio as redis

        self._redis = redis.Redis.from_url(self.url)
        self._pubsub = self._redis.pubsub()
        # A channel nobody publishes on keeps the connection subscribed (the reader needs one to wait on).
        await self._pubsub.subscribe(CHANNEL_PREFIX + "hub")
        self._reader = asyncio.create_task(self._read(), name="relais-live-bus")

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reader
        if self._pubsub is not None:
            with contextlib.suppress(Exception):
                await self._pubsub.close()
        if self._redis is not None:
            with contextlib.suppress(Exception):
                await self._redis.close()
        self._redis = self._pubsub = self._reader = None

    async def publish(self, case_id: int, notice: dict[str, Any]) -> None:
        try:
            await self._redis.publish(CHANNEL_PREFIX + str(case_id), json.dumps(notice))
        except Exception:
            log.exception("a live notice could not be published")

    @contextlib.asynccontextmanager
    async def subscribe(self, case_id: int) -> AsyncIterator[Subscription]:
        channel = CHANNEL_PREFIX + str(case_id)
        subscription = Subscription()
        async with self._lock:
            subscribers = self._subscribers.setdefault(channel, set())
            subscribers.add(subscription)
            if len(subscribers) == 1:
                confirmed = self._confirmed[channel] = asyncio.Event()
                await self._pubsub.subscribe(channel)
            else:
                confirmed = self._confirmed[channel]
        try:
            await asyncio.wait_for(confirmed.wait(), timeout=10)
        except asyncio.TimeoutError:
            log.warning("Redis did not confirm a live subscription in time")
        try:
            yield subscription
        finally:
            async with self._lock:
                subscribers = self._subscribers.get(channel, set())
                subscribers.discard(subscription)
                if not subscribers:
                    self._subscribers.pop(channel, None)
                    self._confirmed.pop(channel, None)
                    with contextlib.suppress(Exception):
                        await self._pubsub.unsubscribe(channel)

    async def _read(self) -> None:
        while True:
            try:
                message = await self._pubsub.get_message(ignore_subscribe_messages=False, timeout=1.0)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("reading the live bus failed")
                await asyncio.sleep(1)
                continue
            if not message:
                continue
            channel = message["channel"].decode() if isinstance(message["channel"], bytes) else message["channel"]
            if message["type"] == "subscribe":
                event = self._confirmed.get(channel)
                if event is not None:
                    event.set()
                continue
            if message["type"] != "message":
                continue
            try:
                notice = json.loads(message["data"])
            except ValueError:
                continue
            for subscription in list(self._subscribers.get(channel, ())):
                subscription.deliver(notice)


def make_bus(url: str | None) -> LiveBus:
    return RedisBus(url) if url else LocalBus()


# ================================================================================================ Rasa


class RasaControl:
    """Pauses and resumes a conversation through Rasa's HTTP API (any Rasa server of the layout: they share
    the tracker store and the conversation locks)."""

    def __init__(self, urls: tuple[str, ...], token: str, timeout_s: float = 10.0) -> None:
        self.urls = tuple(url.rstrip("/") for url in urls)
        self.token = token
        self.timeout_s = timeout_s

    async def pause(self, conversation_id: str) -> bool:
        return await self._event(conversation_id, "pause")

    async def resume(self, conversation_id: str) -> bool:
        return await self._event(conversation_id, "resume")

    async def _event(self, conversation_id: str, event: str) -> bool:
        path = f"/conversations/{quote(conversation_id, safe='')}/tracker/events"
        params = {"token": self.token} if self.token else {}
        async with httpx.AsyncClient(timeout=self.timeout_s) as client:
            for url in self.urls:
                try:
                    response = await client.post(url + path, params=params, json={"event": event})
                except httpx.HTTPError as error:
                    log.warning("Rasa at %s unreachable for a %s (%s)", url, event, type(error).__name__)
                    continue
                if response.status_code == 200:
                    return True
                log.warning("Rasa at %s answered %s to a %s", url, response.status_code, event)
        log.error("the conversation could not be %sd in Rasa", event)
        return False


# ================================================================================================ the hub


Send = Callable[[dict[str, Any]], Awaitable[None]]


class Cursor:
    """The id of the last message a socket sent to its client."""

    def __init__(self, last: int = 0) -> None:
        self.last = max(0, last)


class LiveHub:
    """Stores, publishes and serves the live chat's messages and states for one web app process."""

    def __init__(
        self,
        repository: LiveRepository,
        bus: LiveBus,
        rasa: RasaControl | None = None,
        role_word: Callable[[str], str] = lambda _chamber_id: DEFAULT_ROLE_WORD,
        distress_wait: Callable[[str], timedelta] = lambda _c: timedelta(minutes=DEFAULT_DISTRESS_WAIT_MINUTES),
        wait: Callable[[str], timedelta] = lambda _c: timedelta(minutes=DEFAULT_WAIT_MINUTES),
        callback_promise: Callable[[str, datetime, str | None, str | None], str] = (
            lambda _c, _now, _slot, _urgency: "dès que possible"
        ),
    ) -> None:
        self.repository = repository
        self.bus = bus
        self.rasa = rasa
        self.role_word = role_word
        self.distress_wait = distress_wait
        self.wait = wait
        self.callback_promise = callback_promise
        # One reminder task per event loop serving the app: a test may run several clients of one app at once,
        # each with its own loop, and a task must be cancelled and awaited on its own loop.
        self._reminders: dict[asyncio.AbstractEventLoop, asyncio.Task[None]] = {}

    # ---------------------------------------------------------------- life of the process

    async def start(self, reminders: bool = True) -> None:
        await self.bus.start()
        if reminders:
            task = asyncio.create_task(self._remind_forever(), name="relais-live-reminders")
            self._reminders[asyncio.get_running_loop()] = task

    async def close(self) -> None:
        task = self._reminders.pop(asyncio.get_running_loop(), None)
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await self.bus.close()

    # ---------------------------------------------------------------- serving one socket

    async def serve(
        self,
        case_id: int,
        cursor: Cursor,
        send: Send,
        first: Sequence[dict[str, Any]] = (),
        artisan_presence: bool = False,
    ) -> None:
        """Sends ``first`` (the state), the messages after ``cursor.last``, then every new message and state of
        the conversation until cancelled (the socket closed). Subscribed before reading: nothing falls between.
        ``artisan_presence``: also the artisan's comings and goings (the advisor's socket)."""
        async with self.bus.subscribe(case_id) as subscription:
            for frame in first:
                await send(frame)
            await self._send_after(case_id, cursor, send)
            while True:
                notice = await subscription.get()
                if notice.get("type") == "presence":
                    if artisan_presence:
                        await send({"type": "presence", "artisan": notice.get("artisan")})
                    continue
                await self._send_after(case_id, cursor, send)  # the messages, and those before a state change
                if notice.get("type") == "state":
                    await send({key: notice.get(key) for key in ("type", "state", "advisor")})

    async def run_socket(
        self,
        case_id: int,
        after: int,
        send: Send,
        receive: Callable[[], Awaitable[dict[str, Any] | None]],
        handle: Callable[[dict[str, Any], Send, Cursor], Awaitable[None]],
        first: Sequence[dict[str, Any]] = (),
        artisan_presence: bool = False,
    ) -> None:
        """One socket, whichever side: ``serve`` sends while ``receive`` (None: the client left) gives the
        client's frames to ``handle``. Sends are serialised; the first of the two to end ends the other."""
        lock = asyncio.Lock()

        async def locked_send(frame: dict[str, Any]) -> None:
            async with lock:
                await send(frame)

        cursor = Cursor(after)
        server = asyncio.create_task(self.serve(case_id, cursor, locked_send, first, artisan_presence))
        try:
            while True:
                receiving = asyncio.ensure_future(receive())
                await asyncio.wait({receiving, server}, return_when=asyncio.FIRST_COMPLETED)
                if server.done():
                    receiving.cancel()
                    server.result()  # raises what stopped the sending side
                    return
                frame = receiving.result()
                if frame is None:
                    return
                await handle(frame, locked_send, cursor)
        finally:
            server.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await server

    async def _send_after(self, case_id: int, cursor: Cursor, send: Send) -> None:
        messages = await anyio.to_thread.run_sync(self.repository.messages_after, case_id, cursor.last)
        for message in messages:
            if message.id > cursor.last:
                cursor.last = message.id
                await send(message.frame())

    # ---------------------------------------------------------------- what the two sides do

    async def artisan_message(self, conversation_id: str, text: Any, client_id: Any) -> Message:
        message = await anyio.to_thread.run_sync(
            self.repository.post_artisan, conversation_id, text, client_id, clock.now()
        )
        await self._notify(message)
        return message

    async def artisan_left(self, conversation_id: str) -> LiveState | None:
        """The artisan erased the conversation: the session ends, the advisor is told, the bot is resumed
        (the widget has started a new conversation; the old one must not stay paused in Rasa)."""
        left = await anyio.to_thread.run_sync(self.repository.artisan_left, conversation_id, clock.now())
        if left is None:
            return None
        state, message, was = left
        if was == "active" and self.rasa is not None:
            await self.rasa.resume(state.conversation_id)
        await self._notify(message)
        await self._publish_state(state)
        return state

    async def claim(self, reference: str, actor: User) -> LiveState:
        """Atomic (cases.live); the winner's claim pauses the bot and tells the artisan who joined."""
        state, joined = await anyio.to_thread.run_sync(
            self.repository.claim, reference, actor, self.role_word(actor.chamber_id), clock.now()
        )
        if joined is not None:
            if self.rasa is not None:
                await self.rasa.pause(state.conversation_id)
            await self._notify(joined)
            await self._publish_state(state)
        return state

    async def advisor_message(self, reference: str, actor: User, text: Any, client_id: Any) -> Message:
        message = await anyio.to_thread.run_sync(
            self.repository.post_advisor, reference, actor, text, client_id, clock.now()
        )
        await self._notify(message)
        return message

    async def hand_back(self, reference: str, actor: User) -> LiveState:
        state, message = await anyio.to_thread.run_sync(self.repository.hand_back, reference, actor, clock.now())
        if self.rasa is not None:
            await self.rasa.resume(state.conversation_id)
        await self._notify(message)
        await self._publish_state(state)
        return state

    async def close_chat(self, reference: str, actor: User, closing_line: Any) -> LiveState:
        state, messages = await anyio.to_thread.run_sync(
            self.repository.close, reference, actor, closing_line, clock.now()
        )
        if self.rasa is not None:
            await self.rasa.resume(state.conversation_id)
        await self._notify(messages[-1])
        await self._publish_state(state)
        return state

    async def artisan_here(self, case_id: int) -> None:
        """The artisan's socket stays open: beats until cancelled, then says the artisan left."""
        try:
            while True:
                await anyio.to_thread.run_sync(self.repository.artisan_presence, case_id, True, clock.now())
                await self.bus.publish(case_id, {"type": "presence", "artisan": "online"})
                await asyncio.sleep(ARTISAN_BEAT_S)
        finally:
            # The socket closed (or the server stops): said once, even under cancellation, the database willing.
            with contextlib.suppress(Exception), anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(self.repository.artisan_presence, case_id, False, clock.now())
                await self.bus.publish(case_id, {"type": "presence", "artisan": "offline"})

    async def remind_waits(self) -> int:
        """Tells conversations waiting too long for an advisor that nobody forgot them: the 3114 again in
        distress, the callback already stored otherwise (cases.live)."""
        reminded = await anyio.to_thread.run_sync(
            self.repository.remind_waits, clock.now(), self.distress_wait, self.wait, self.callback_promise
        )
        for _state, message in reminded:
            await self._notify(message)
        return len(reminded)

    async def _remind_forever(self) -> None:
        while True:
            await asyncio.sleep(REMINDER_INTERVAL_S)
            try:
                await self.remind_waits()
            except Exception:
                log.exception("the wait reminders failed")

    async def _notify(self, message: Message) -> None:
        await self.bus.publish(message.case_id, {"type": "message", "id": message.id})

    async def _publish_state(self, state: LiveState) -> None:
        await self.bus.publish(state.case_id, state.frame())


__all__ = [
    "Cursor",
    "LiveBus",
    "LiveClosed",
    "LiveHub",
    "LocalBus",
    "RasaControl",
    "RedisBus",
    "Subscription",
    "make_bus",
]
