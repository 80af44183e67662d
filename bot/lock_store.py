"""Rasa's conversation locks in a SQLite file: several Sanic workers of one machine, without Redis.

Rasa serialises the messages of one conversation with a lock store. Its in-memory store holds for one
process only, so Rasa refuses more than one Sanic worker with it; its Redis store needs a server. In the
embedded mode (`make run`, no external service) this file lets two workers share the turns: the paced
benchmark's p95 went from 1.5 s to about 0.15 s on the 2-core machines (README, Benchmark).

Unlike Rasa's Redis store, taking a ticket, waiting and giving it back are each one transaction (BEGIN
IMMEDIATE), so two workers cannot both take the last free ticket or delete a lock another has just joined.
Both this store and production's Redis one keep a waiting ticket alive (`WaitersOutliveDeadHolders`).
The file belongs to one Rasa server: when a new server starts (not a worker started again), the locks
its predecessor left (a crash, a kill) are dropped rather than waited out.

Endpoints: `lock_store: {type: bot.lock_store.SQLiteLockStore, db: /path/to/rasa-locks.db}`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import multiprocessing
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, LockStore

BUSY_TIMEOUT_S = 10


class WaitersOutliveDeadHolders:
    """Rasa's lock loop, except that a waiting ticket is kept alive. In Rasa's, a server dying with the
    lock lets its ticket expire, and the next ticket often expires in the same polling interval: the
    waiter then waits forever (seen in 3 of 5 crash tests: the replayed turn timed out)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._lifetimes: dict[tuple[str, int], float] = {}
        super().__init__(*args, **kwargs)

    def _atomically(self) -> AbstractContextManager:
        """Where the store can, one read-change-write of a lock at a time."""
        return contextlib.nullcontext()

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        ticket = super().issue_ticket(conversation_id, lock_lifetime)
        self._lifetimes[(conversation_id, ticket)] = lock_lifetime
        return ticket

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        self._lifetimes.pop((conversation_id, ticket_number), None)
        super().cleanup(conversation_id, ticket_number)

    async def _acquire_lock(self, conversation_id: str, ticket: int, wait_time_in_seconds: float) -> TicketLock:
        lifetime = self._lifetimes.get((conversation_id, ticket), LOCK_LIFETIME)
        while True:
            with self._atomically():
                lock = self.get_lock(conversation_id)
                if not lock:
                    break
                lock.remove_expired_tickets()
                own = next((t for t in lock.tickets if t.number == ticket), None)
                if not any(t.number < ticket for t in lock.tickets):
                    return lock  # nobody alive ahead of us
                if own is not None:
                    own.expires = time.time() + lifetime
                self.save_lock(lock)
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


class SQLiteLockStore(WaitersOutliveDeadHolders, LockStore):
    def __init__(self, endpoint_config: Any = None, db: str | None = None) -> None:
        path = db or (endpoint_config.kwargs.get("db") if endpoint_config else None)
        if not path:
            raise ValueError("SQLiteLockStore needs the path of its file ('db').")
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        with self._transaction() as connection:
            connection.execute("CREATE TABLE IF NOT EXISTS locks (conversation_id TEXT PRIMARY KEY, data TEXT NOT NULL)")
            connection.execute("CREATE TABLE IF NOT EXISTS server (id INTEGER PRIMARY KEY CHECK (id = 1), run TEXT)")
            run, previous = _server_run(), connection.execute("SELECT run FROM server").fetchone()
            if previous is None or previous[0] != run:
                connection.execute("DELETE FROM locks")
                connection.execute("INSERT OR REPLACE INTO server (id, run) VALUES (1, ?)", (run,))
        super().__init__()

    def _connect(self) -> sqlite3.Connection:
        # One connection per process: Sanic forks its workers after Rasa has read the endpoints.
        if self._connection is None or self._pid != os.getpid():
            connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                         check_same_thread=False)
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
        row = self._connect().execute(
            "SELECT data FROM locks WHERE conversation_id = ?", (conversation_id,)
        ).fetchone()
        return TicketLock.from_dict(json.loads(row[0])) if row else None

    def save_lock(self, lock: TicketLock) -> None:
        with self._transaction() as connection:
            connection.execute("INSERT OR REPLACE INTO locks (conversation_id, data) VALUES (?, ?)",
                               (lock.conversation_id, lock.dumps()))

    def delete_lock(self, conversation_id: str) -> None:
        with self._transaction() as connection:
            deleted = connection.execute("DELETE FROM locks WHERE conversation_id = ?", (conversation_id,)).rowcount
        self._log_deletion(conversation_id, deleted > 0)

    def _atomically(self) -> AbstractContextManager:
        return self._transaction()

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        with self._transaction():
            return super().issue_ticket(conversation_id, lock_lifetime)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        with self._transaction():
            super().cleanup(conversation_id, ticket_number)
