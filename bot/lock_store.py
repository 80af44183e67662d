"""Rasa's conversation locks in a SQLite file: several Sanic workers of one machine, without Redis.

Rasa serialises the messages of one conversation with a lock store. Its in-memory store holds for one
process only, so Rasa refuses more than one Sanic worker with it; its Redis store needs a server. In the
embedded mode (`make run`, no external service) this file lets two workers share the turns: the paced
benchmark's p95 went from 1.5 s to about 0.15 s on the 2-core machines (README, Benchmark).

Unlike Rasa's Redis store, taking a ticket, waiting and giving it back are each one transaction (BEGIN
IMMEDIATE), so two workers cannot both take the last free ticket or delete a lock another has just joined.
Both this store and production's Redis one keep a ticket alive while its owner waits or holds the lock
(`WaitersOutliveDeadHolders`): a dead server's locks are outlived, a slow turn is never overtaken.
The file belongs to one Rasa server: when a new server starts (not a worker started again), the locks
its predecessor left (a crash, a kill) are dropped rather than waited out.

Endpoints: `lock_store: {type: bot.lock_store.SQLiteLockStore, db: /path/to/rasa-locks.db}`.

Production's ``FailSafeRedisLockStore`` (`type: bot.lock_store.FailSafeRedisLockStore`) is Rasa's Redis store
that keeps answering, with in-process locks, while Redis is unreachable, and whose waiters survive a
lock holder's crash.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import multiprocessing
import os
import sqlite3
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockError, LockStore, RedisLockStore

BUSY_TIMEOUT_S = 10
# A holder renews its ticket this many times per lifetime: missing two renewals still leaves it alive.
KEEP_ALIVE_PER_LIFETIME = 3
# Rasa's own logger: its lock messages appear, or not, exactly as Rasa's log configuration says.
rasa_logger = logging.getLogger("rasa.core.lock_store")


class WaitersOutliveDeadHolders(LockStore):
    """Rasa's ticket lock, whose tickets live as long as their owners do, and no longer.

    In Rasa's, every ticket dies at its lifetime. A server dying with the lock lets its ticket expire, and
    the next ticket often expires in the same polling interval: the waiter then waits forever (seen in 3
    of 5 crash tests: the replayed turn timed out). And a holder still working past its lifetime is
    overtaken by a waiter whose ticket is still alive: two turns of one conversation at once.
    Here a waiter keeps its ticket alive at every poll, and the holder keeps its own alive while it holds
    the lock, so a ticket expires only when its owner is gone (or its event loop stalled a whole
    lifetime). The rest is Rasa's: a ticket is served when it is the first alive one, a waiter whose
    ticket vanished gets Rasa's LockError when the lock goes, and Rasa's debug messages are logged.
    Each read-change-write of a lock is atomic where the store can make it so (`_atomically`).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._lifetimes: dict[tuple[str, int], float] = {}
        super().__init__(*args, **kwargs)

    def _atomically(self, conversation_id: str) -> AbstractContextManager[object]:
        """Where the store can, one read-change-write of a lock at a time."""
        return contextlib.nullcontext()

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        with self._atomically(conversation_id):
            ticket: int = super().issue_ticket(conversation_id, lock_lifetime)
        self._lifetimes[(conversation_id, ticket)] = lock_lifetime
        return ticket

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        self._lifetimes.pop((conversation_id, ticket_number), None)
        with self._atomically(conversation_id):
            super().cleanup(conversation_id, ticket_number)

    @contextlib.asynccontextmanager
    async def lock(
        self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME, wait_time_in_seconds: float = 1
    ) -> AsyncIterator[TicketLock]:
        """Rasa's LockStore.lock, the holder's ticket kept alive until the turn ends."""
        ticket = self.issue_ticket(conversation_id, lock_lifetime)
        try:
            acquired = await self._acquire_lock(conversation_id, ticket, wait_time_in_seconds)
            keep_alive = asyncio.get_running_loop().create_task(
                self._keep_alive(conversation_id, ticket, lock_lifetime)
            )
            try:
                yield acquired
            finally:
                keep_alive.cancel()
        finally:
            self.cleanup(conversation_id, ticket)

    async def _keep_alive(self, conversation_id: str, ticket: int, lifetime: float) -> None:
        while True:
            await asyncio.sleep(lifetime / KEEP_ALIVE_PER_LIFETIME)
            try:
                if not self._extend(conversation_id, ticket, lifetime):
                    rasa_logger.warning(
                        "The ticket of the turn holding conversation '%s' is no "
                        "longer in the lock store (expired while the event loop stalled, "
                        "or the store changed); another turn may start.",
                        conversation_id,
                    )
                    return
            except Exception as error:  # noqa: BLE001  (a lost heartbeat must not end the turn)
                rasa_logger.warning("Could not keep the lock of conversation '%s' alive: %s", conversation_id, error)

    def _extend(self, conversation_id: str, ticket: int, lifetime: float) -> bool:
        with self._atomically(conversation_id):
            lock = self.get_lock(conversation_id)
            own = lock and next((t for t in lock.tickets if t.number == ticket), None)
            if not own or own.has_expired():
                return False
            own.expires = time.time() + lifetime
            self.save_lock(lock)
            return True

    async def _acquire_lock(self, conversation_id: str, ticket: int, wait_time_in_seconds: float) -> TicketLock:
        rasa_logger.debug("Acquiring lock for conversation '%s'.", conversation_id)
        lifetime = self._lifetimes.get((conversation_id, ticket), LOCK_LIFETIME)
        while True:
            with self._atomically(conversation_id):
                # fetched at every poll: the lock may be gone, which ends the wait as in Rasa
                lock = self.get_lock(conversation_id)
                if not lock:
                    break
                lock.remove_expired_tickets()
                if not lock.is_locked(ticket):
                    rasa_logger.debug("Acquired lock for conversation '%s'.", conversation_id)
                    return lock
                own = next((t for t in lock.tickets if t.number == ticket), None)
                if own is not None:
                    own.expires = time.time() + lifetime
                self.save_lock(lock)
            items_before_this = ticket - (lock.now_serving or 0)
            rasa_logger.debug(
                "Failed to acquire lock for conversation ID '%s' "
                "because %s other item(s) for this "
                "conversation ID have to be finished processing first. "
                "Retrying in %s seconds ...",
                conversation_id,
                items_before_this,
                wait_time_in_seconds,
            )
            await asyncio.sleep(wait_time_in_seconds)
        raise LockError(f"Could not acquire lock for conversation_id '{conversation_id}'.")


def _server_run() -> str:
    """The Rasa server this process belongs to: Sanic's parent for a worker, else the process itself;
    its pid and start time (a pid alone comes back after a restart)."""
    parent = multiprocessing.parent_process()
    pid = parent.pid if parent is not None else os.getpid()
    try:
        started = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        started = ""
    return f"{pid}:{started}"


class SQLiteLockStore(WaitersOutliveDeadHolders):
    def __init__(self, endpoint_config: Any = None, db: str | None = None) -> None:
        path = db or (endpoint_config.kwargs.get("db") if endpoint_config else None)
        if not path:
            raise ValueError("SQLiteLockStore needs the path of its file ('db').")
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        with self._transaction() as connection:
            connection.execute(
                "CREATE TABLE IF NOT EXISTS locks (conversation_id TEXT PRIMARY KEY, data TEXT NOT NULL)"
            )
            connection.execute("CREATE TABLE IF NOT EXISTS server (id INTEGER PRIMARY KEY CHECK (id = 1), run TEXT)")
            run, previous = _server_run(), connection.execute("SELECT run FROM server").fetchone()
            if previous is None or previous[0] != run:
                connection.execute("DELETE FROM locks")
                connection.execute("INSERT OR REPLACE INTO server (id, run) VALUES (1, ?)", (run,))
        super().__init__()

    def _connect(self) -> sqlite3.Connection:
        # One connection per process: Sanic forks its workers after Rasa has read the endpoints.
        if self._connection is None or self._pid != os.getpid():
            connection = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
            connection.execute("PRAGMA journal_mode=WAL")
            # Locks live seconds: after a power cut they are worthless anyway, so no fsync per ticket.
            connection.execute("PRAGMA synchronous=OFF")
            self._connection, self._pid = connection, os.getpid()
        return self._connection

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        connection = self._connect()
        if connection.in_transaction:  # already inside issue_ticket or cleanup
            yield connection
            return
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        row = self._connect().execute("SELECT data FROM locks WHERE conversation_id = ?", (conversation_id,)).fetchone()
        return TicketLock.from_dict(json.loads(row[0])) if row else None

    def save_lock(self, lock: TicketLock) -> None:
        with self._transaction() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO locks (conversation_id, data) VALUES (?, ?)",
                (lock.conversation_id, lock.dumps()),
            )

    def delete_lock(self, conversation_id: str) -> None:
        with self._transaction() as connection:
            deleted = connection.execute("DELETE FROM locks WHERE conversation_id = ?", (conversation_id,)).rowcount
        self._log_deletion(conversation_id, deleted > 0)

    def _atomically(self, conversation_id: str) -> AbstractContextManager[object]:
        return self._transaction()


# ------------------------------------------------------------------ production: Redis, fail-safe

log = logging.getLogger(__name__)

# How long a Redis that failed is left alone before the next try, and how long one call may take.
REDIS_RETRY_AFTER_S = 2.0
REDIS_TIMEOUT_S = 0.5
# A lock's read-change-write holds a Redis mutex (a few hundred microseconds); one left by a killed server
# frees itself after this long, and a waiter gives up waiting for it after the same time.
REDIS_MUTEX_MS = 1000
REDIS_MUTEX_POLL_S = 0.0005
# Deletes the mutex only if it is still the caller's (it may have expired and been taken by another).
_RELEASE_MUTEX = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"
_REDIS_OUTAGE_ERRORS = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


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
    def _atomically(self, conversation_id: str) -> Iterator[None]:
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
                log.warning(
                    "lock store: a lock's Redis mutex stayed taken for %d ms; going on without it", REDIS_MUTEX_MS
                )
                return False
            time.sleep(REDIS_MUTEX_POLL_S)  # held for a get and a set by another server
        return True

    def _give_mutex(self, key: str, token: str) -> None:
        self.red.eval(_RELEASE_MUTEX, 1, key, token)

    def _call(self, operation: str, *args: Any) -> Any:
        if time.monotonic() >= self._retry_at:
            try:
                result = getattr(FailSafeRedisLockStore, operation)(self, *args)
            except _REDIS_OUTAGE_ERRORS as error:
                if self._redis_down_since is None:
                    self._redis_down_since = time.monotonic()
                    log.error("lock store: Redis unreachable, using in-process locks until it answers (%s)", error)
                self._retry_at = time.monotonic() + REDIS_RETRY_AFTER_S
            else:
                if self._redis_down_since is not None:
                    log.warning(
                        "lock store: Redis answers again after %.0f s", time.monotonic() - self._redis_down_since
                    )
                    self._redis_down_since = None
                return result
        if operation in ("_take_mutex", "_give_mutex"):
            return False  # in-process locks: a process's turns do not interleave inside a read-change-write
        return getattr(self._memory, operation.removeprefix("_redis_"))(*args)

    @property
    def degraded(self) -> bool:
        return self._redis_down_since is not None

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        return self._call("_redis_get_lock", conversation_id)

    def delete_lock(self, conversation_id: str) -> None:
        self._call("_redis_delete_lock", conversation_id)

    def save_lock(self, lock: TicketLock) -> None:
        self._call("_redis_save_lock", lock)

    _redis_get_lock = RedisLockStore.get_lock
    _redis_delete_lock = RedisLockStore.delete_lock
    _redis_save_lock = RedisLockStore.save_lock
