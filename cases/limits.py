"""Sliding-window rate limits, in memory (plain Python: used by Rasa's channels and the action server).

Each process counts for itself: a Rasa server's Sanic workers, or two action servers, each apply the
limit, so one client gets at most ``workers × limit``. That bounds a script; nginx's ``limit_req`` bounds
the whole production machine on top (deploy/nginx.conf.j2).
"""

from __future__ import annotations

import hashlib
import hmac
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

# Keys remembered at most; the oldest are forgotten first (a flood of new keys cannot exhaust memory).
MAX_KEYS = 50_000


@dataclass(frozen=True)
class Limit:
    count: int
    window_s: float


class SlidingWindow:
    """At most ``limit.count`` hits per key in any ``limit.window_s`` seconds."""

    def __init__(self, limit: Limit, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self._clock = clock
        self._hits: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        hits = self._hits.pop(key, None) or deque()
        while hits and hits[0] <= now - self.limit.window_s:
            hits.popleft()
        self._hits[key] = hits  # most recently used last
        while len(self._hits) > MAX_KEYS:
            self._hits.popitem(last=False)
        return hits

    def wait_s(self, key: str) -> float:
        """Seconds before ``key`` may hit again (0 when it may now); does not count a hit."""
        with self._lock:
            now = self._clock()
            hits = self._recent(key, now)
            return 0.0 if len(hits) < self.limit.count else hits[0] + self.limit.window_s - now

    def hit(self, key: str) -> float:
        """Counts a hit when allowed and returns 0; else the seconds to wait (the refused hit is not counted)."""
        with self._lock:
            now = self._clock()
            hits = self._recent(key, now)
            if len(hits) >= self.limit.count:
                return hits[0] + self.limit.window_s - now
            hits.append(now)
            return 0.0

    def forget(self, key: str) -> None:
        with self._lock:
            self._hits.pop(key, None)


def client_key(secret: str, address: str, day: str | None = None) -> str:
    """A pseudonym of a client address, the same for every process sharing ``secret``, changing every day:
    enough to count one client's cases, not to recognise an address or follow it from one day to the next."""
    day = day or time.strftime("%Y-%m-%d", time.gmtime())
    return hmac.new(secret.encode(), f"{day}|{address}".encode(), hashlib.sha256).hexdigest()[:16]


# Cases one client may create per hour (a person needs one; a family or an office sharing an address, a few).
CASES_PER_CLIENT = Limit(3, 3600)
# Metadata key the channels set on every message (bot/guard.py); the client cannot choose it.
CLIENT_KEY_METADATA = "relais_client"


class SharedCounts:
    """The same sliding windows, shared by the processes of one machine through a SQLite file (the embedded
    mode's Sanic workers each have their own memory): ``hit`` as ``SlidingWindow.hit``, for a named window."""

    PRUNE_EVERY = 500

    def __init__(self, path: str, windows: dict[str, Limit], clock: Callable[[], float] = time.time) -> None:
        import sqlite3

        self.windows, self._clock, self._lock, self._hits = windows, clock, threading.Lock(), 0
        self._db = sqlite3.connect(path, timeout=5, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS hits (window TEXT NOT NULL, key TEXT NOT NULL, at REAL NOT NULL)")
        self._db.execute("CREATE INDEX IF NOT EXISTS hits_by_key ON hits (window, key, at)")

    def hit(self, window: str, key: str) -> float:
        limit = self.windows[window]
        with self._lock:
            now = self._clock()
            db = self._db
            db.execute("BEGIN IMMEDIATE")
            try:
                db.execute(
                    "DELETE FROM hits WHERE window = ? AND key = ? AND at <= ?", (window, key, now - limit.window_s)
                )
                count, oldest = db.execute(
                    "SELECT COUNT(*), MIN(at) FROM hits WHERE window = ? AND key = ?", (window, key)
                ).fetchone()
                if count >= limit.count:
                    wait_s: float = oldest + limit.window_s - now  # sqlite3 rows are untyped
                    return wait_s
                db.execute("INSERT INTO hits VALUES (?, ?, ?)", (window, key, now))
                self._hits += 1
                if self._hits % self.PRUNE_EVERY == 0:  # keys nobody uses any more
                    db.execute(
                        "DELETE FROM hits WHERE at <= ?", (now - max(w.window_s for w in self.windows.values()),)
                    )
                return 0.0
            finally:
                db.execute("COMMIT")

    def seen(self, window: str, key: str) -> bool:
        """Whether ``key`` hit ``window`` within its span (e.g. a conversation already known)."""
        limit = self.windows[window]
        with self._lock:
            row = self._db.execute(
                "SELECT 1 FROM hits WHERE window = ? AND key = ? AND at > ? LIMIT 1",
                (window, key, self._clock() - limit.window_s),
            ).fetchone()
            return row is not None


# The key of a case's ``reasons`` that marks a case created beyond CASES_PER_CLIENT: stored all the same,
# shown in the inbox as to be checked, and left out of the new-case mail (cases.escalation).
VOLUME_REASON = "volume"


def held_for_review(reasons: Mapping[str, Any] | None) -> bool:
    """A case created beyond its client's allowance (its ``reasons`` carry ``VOLUME_REASON``)."""
    return VOLUME_REASON in (reasons or {})
