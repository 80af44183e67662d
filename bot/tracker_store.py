"""Rasa's SQL tracker store, with the conversations in progress kept in memory between their turns.

Profiled under load (`make bench ARGS=--profile`), a sixth of a Rasa server's CPU went to rebuilding
the tracker at the start of every turn: reading all of the conversation's events, decoding their JSON,
finding each event's class and replaying them. The tracker a turn saved is the one the next turn needs,
so it is kept, and given back only while the database proves it is still the latest: its newest event
(id and timestamp) must be the one this server wrote. Another server or worker, the purge or an erasure
that touched the conversation since makes them differ, and the tracker is read from the database as
before. The database stays the only truth; the memory is a shortcut that is checked at every use.

What a turn gets is what Rasa's SQLTrackerStore.retrieve would read: the events since the conversation's
latest session start (by timestamp, as Rasa's query selects them), never the earlier sessions the saved
tracker may still hold (a session started inside the turn, or a new conversation's first
`action_session_start`). A handed-out tracker is remembered for as long as it lives, however many other
conversations come and go, so its save adds exactly the events that followed its retrieval.

Endpoints: `tracker_store: {type: bot.tracker_store.CachedSQLTrackerStore, dialect: ..., db: ...}`.
"""

from __future__ import annotations

import itertools
import json
import logging
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
import sqlalchemy.orm
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, Restarted, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy.pool import QueuePool

logger = logging.getLogger(__name__)

# Conversations kept; beyond, the least recently used is dropped (a tracker weighs 100-300 kB in memory).
RECENT_CONVERSATIONS = 256


class CachedSQLTrackerStore(SQLTrackerStore):
    engine: sa.engine.Engine  # Rasa's attribute, typed

    def __init__(self, *args: Any, recent_conversations: int = RECENT_CONVERSATIONS, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.engine.dialect.name == "sqlite" and self.engine.url.database not in (None, "", ":memory:"):
            self._pool_sqlite_connections()
        # A failed statement's error never carries its values (the artisan's words) into a log line.
        self.engine.hide_parameters = True
        self.recent_conversations = recent_conversations
        # sender id -> the tracker saved last, with the number of its events and the newest stored row
        self._recent: OrderedDict[str, _Stored] = OrderedDict()
        # sender id -> a tracker handed out of memory, for as long as it lives: its save adds what follows
        self._handed_out: dict[str, _HandedOut] = {}
        events = self.SQLEvent.__table__
        self._newest_event = (
            sa.select(events.c.id, events.c.timestamp)
            .where(events.c.sender_id == sa.bindparam("sender"))
            .order_by(events.c.id.desc())
            .limit(1)
        )

    def _pool_sqlite_connections(self) -> None:
        """The SQLite file's connections kept open between sessions (SQLAlchemy 2.0's default for files).

        Rasa's engine, on SQLAlchemy 1.4, opens and closes the file at every session (NullPool), two or
        three per turn: 0.9 ms of CPU each against 0.1 ms on a kept connection. Each Sanic worker builds its
        own store after the fork, so no connection crosses processes; a connection serves one session at a
        time and goes back to the pool rolled back (no read snapshot held between turns)."""
        rasas = self.engine
        self.engine = sa.create_engine(rasas.url, poolclass=QueuePool, connect_args={"check_same_thread": False})
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        rasas.dispose()

    def _stored_newest_event(self, sender_id: str) -> tuple[int, float] | None:
        """Id and timestamp of the conversation's newest stored event. The timestamp too because SQLite
        gives a deleted newest row's id to the next insert: an erasure followed by a turn on another
        worker would otherwise look unchanged."""
        with self.session_scope() as session:
            row = session.execute(self._newest_event, {"sender": sender_id}).first()
        return (row.id, row.timestamp) if row else None

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        # Handed over, not shared: the caller changes the tracker it gets, and saves it or drops it.
        stored = self._recent.pop(sender_id, None)
        if (
            stored is not None
            # Nothing added in memory after the save that was not saved (a turn that failed), and the
            # database's newest event for the conversation is still the one this server wrote.
            and len(stored.tracker.events) == stored.event_count
            and stored.newest_event == self._stored_newest_event(sender_id)
        ):
            tracker = self._latest_session(stored.tracker)
            self._hand_out(tracker, stored.newest_event)
            return tracker
        return await super().retrieve(sender_id)

    def _latest_session(self, tracker: DialogueStateTracker) -> DialogueStateTracker:
        """The tracker as Rasa's SQL store reads it back: only the events whose timestamp is at least the
        latest SessionStarted's. The saved tracker holds every event stored since its own retrieval, and
        those before it in the database are older than that retrieval's session start, so it is enough
        to look at its events. Rebuilt only when something is dropped: a session started in the turn, or
        the `action_session_start` that opens a new conversation (its second turn)."""
        starts = [event.timestamp for event in tracker.events if isinstance(event, SessionStarted)]
        if not starts:
            return tracker
        latest = max(starts)
        kept = [event for event in tracker.events if event.timestamp >= latest]
        if len(kept) == len(tracker.events):
            return tracker
        return DialogueStateTracker.from_events(tracker.sender_id, kept, self.domain.slots if self.domain else None)

    def _hand_out(self, tracker: DialogueStateTracker, newest_event: tuple[int, float]) -> None:
        def forget(reference: weakref.ref[DialogueStateTracker]) -> None:
            handed_out = self._handed_out.get(sender_id)
            if handed_out is not None and handed_out.tracker is reference:
                del self._handed_out[sender_id]

        sender_id = tracker.sender_id
        self._handed_out[sender_id] = _HandedOut(weakref.ref(tracker, forget), len(tracker.events), newest_event)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Rasa's SQLTrackerStore.save, but for a tracker handed out of memory the new events are known
        without counting the stored ones, and the newest id comes from the insert."""
        sender_id = tracker.sender_id
        self._recent.pop(sender_id, None)  # before streaming, which reads the stored tracker to diff
        handed_out = self._handed_out.pop(sender_id, None)
        if handed_out is not None and handed_out.tracker() is not tracker:
            handed_out = None  # another tracker of the conversation (read from the database meanwhile)
        await self.stream_events(tracker)
        remembered = tracker
        with self.session_scope() as session:
            if handed_out is not None:
                new_events = list(itertools.islice(tracker.events, handed_out.event_count, None))
            else:
                new_events = list(self._additional_events(session, tracker))
            erased_from = erasure_restart(new_events)
            if erased_from is not None:
                # The artisan erased the conversation (actions/erasure_actions.py): nothing stored before the
                # restart stays, in the database or in memory; only what follows it is written.
                session.execute(sa.delete(self.SQLEvent).where(self.SQLEvent.sender_id == sender_id))
                new_events = new_events[erased_from:]
                slots = self.domain.slots if self.domain else None
                remembered = DialogueStateTracker.from_events(sender_id, new_events, slots)
            newest = self._insert(session, [self._row(sender_id, event) for event in new_events])
            session.commit()
        if newest is None:
            newest = handed_out.newest_event if handed_out else self._stored_newest_event(sender_id)
        logger.debug("Tracker with sender_id '%s' stored to database", sender_id)
        # Under the conversation's lock (Rasa holds it for the whole turn): no other server wrote since.
        if newest is not None:
            _remember(
                self._recent, sender_id, _Stored(remembered, len(remembered.events), newest), self.recent_conversations
            )

    @staticmethod
    def _row(sender_id: str, event: Any) -> dict[str, Any]:
        """One event's row, as Rasa's SQLTrackerStore stores it."""
        data = event.as_dict()
        return {
            "sender_id": sender_id,
            "type_name": event.type_name,
            "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            "action_name": data.get("name"),
            "data": json.dumps(data),
        }

    def _insert(self, session: sa.orm.Session, rows: list[dict[str, Any]]) -> tuple[int, float] | None:
        """The rows in one executemany (Core: the ORM's unit of work took 5 % of a turn's CPU, profiled under load),
        the last one alone for its id; the id and timestamp of the newest row, None when there was none."""
        if not rows:
            return None
        table = self.SQLEvent.__table__
        if len(rows) > 1:
            session.execute(sa.insert(table), rows[:-1])
        # The row as the statement's parameters, not its VALUES clause: .values() coerces every value into a new
        # statement at each save (a fifth of the insert's CPU); the same INSERT, compiled once and cached.
        inserted = session.execute(sa.insert(table), rows[-1])
        return inserted.inserted_primary_key[0], rows[-1]["timestamp"]


@dataclass(frozen=True)
class _Stored:
    tracker: DialogueStateTracker
    event_count: int
    newest_event: tuple[int, float]  # id and timestamp of the newest stored row


@dataclass(frozen=True)
class _HandedOut:
    tracker: weakref.ref[DialogueStateTracker]  # to the DialogueStateTracker: the entry goes when the tracker does
    event_count: int
    newest_event: tuple[int, float]


# The custom action that erases the conversation (actions/erasure_actions.py): the Restarted it returns marks
# where the stored conversation now begins.
ERASE_ACTION = "action_erase_conversation"


def erasure_restart(events: list[Any]) -> int | None:
    """The index of the Restarted that the erasing action returned among these new events, or None."""
    erasing = False
    found = None
    for index, event in enumerate(events):
        if isinstance(event, ActionExecuted):
            erasing = event.action_name == ERASE_ACTION
        elif erasing and isinstance(event, Restarted):
            found = index
    return found


def _remember(memory: OrderedDict[str, _Stored], sender_id: str, stored: _Stored, limit: int) -> None:
    """Most recent last; beyond ``limit`` the least recently used conversation is dropped."""
    memory[sender_id] = stored
    while len(memory) > limit:
        memory.popitem(last=False)
