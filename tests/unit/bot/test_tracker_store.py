"""The tracker store Rasa's servers use: conversations in progress kept in memory, the database the only truth.

Run against SQLite and PostgreSQL, built from the endpoint configuration by Rasa's own factory.
"""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import create_tracker_store
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Restarted, SlotSet, UserUttered
from rasa.shared.core.trackers import EventVerbosity
from rasa.utils.endpoints import EndpointConfig

from bot.tracker_store import ERASE_ACTION, CachedSQLTrackerStore
from cases.testing import BACKENDS
from ops.rasa_config import tracker_store_config
from tests.unit.bot.conftest import temporary_tracker_db

DOMAIN = Domain.from_yaml("""
version: "3.1"
intents: [inform]
slots:
  trade:
    type: text
    mappings: [{type: from_text}]
""")


def run(coroutine):
    return asyncio.run(coroutine)


@pytest.fixture(params=BACKENDS)
def tracker_db_url(request, tmp_path: Path):
    with temporary_tracker_db(request.param, tmp_path, "trackers") as url:
        yield url


@pytest.fixture
def open_store(tracker_db_url):
    """Opens Rasa servers' tracker stores on one database, as Rasa builds them from endpoints.yml."""
    stores = []

    def open_one(**kwargs) -> CachedSQLTrackerStore:
        config = EndpointConfig.from_dict({**tracker_store_config(tracker_db_url), **kwargs})
        store = create_tracker_store(config, DOMAIN)
        stores.append(store)
        return store

    yield open_one
    for store in stores:
        store.engine.dispose()


def a_turn(store, sender: str, text: str):
    """What Rasa does for a message: get the tracker, add the turn's events, save it."""
    tracker = run(store.get_or_create_tracker(sender))
    tracker.update(UserUttered(text, {"name": "inform", "confidence": 1.0}))
    tracker.update(SlotSet("trade", text))
    tracker.update(ActionExecuted("action_listen"))
    run(store.save(tracker))
    return tracker


def state(tracker) -> dict:
    return tracker.current_state(EventVerbosity.ALL)


def test_rasa_builds_it_from_the_endpoint_configuration(open_store):
    # Rasa falls back to an in-memory store, losing every conversation at a restart, when it cannot
    # import the configured class: the store must be this one.
    assert type(open_store()) is CachedSQLTrackerStore


def test_the_next_turn_gets_the_saved_tracker_which_is_the_one_in_the_database(open_store):
    store, other_server = open_store(), open_store()
    saved = a_turn(store, "artisan-1", "boulanger")

    again = run(store.retrieve("artisan-1"))
    assert again is saved
    assert state(again) == state(run(other_server.retrieve("artisan-1")))


def test_turn_after_turn_the_database_holds_every_event_once(open_store):
    store, other_server = open_store(), open_store()
    for text in ("boulanger", "SARL", "dans le 59"):
        in_memory = a_turn(store, "artisan-7", text)

    from_database = run(other_server.retrieve("artisan-7"))
    assert state(from_database) == state(in_memory)
    assert [e.text for e in from_database.events if isinstance(e, UserUttered)] == ["boulanger", "SARL", "dans le 59"]


def test_a_turn_taken_by_another_server_is_read_from_the_database(open_store):
    store, other_server = open_store(), open_store()
    a_turn(store, "artisan-2", "boulanger")
    a_turn(other_server, "artisan-2", "plombier")

    tracker = run(store.retrieve("artisan-2"))
    assert tracker.get_slot("trade") == "plombier"
    assert [e.text for e in tracker.events if isinstance(e, UserUttered)] == ["boulanger", "plombier"]


def test_a_conversation_deleted_in_the_database_is_gone(open_store):
    store = open_store()
    a_turn(store, "artisan-3", "boulanger")
    with store.engine.begin() as connection:  # the retention purge or an erasure, from another process
        connection.execute(sa.text("DELETE FROM events WHERE sender_id = 'artisan-3'"))

    assert run(store.retrieve("artisan-3")) is None


def test_an_erased_conversation_taken_up_by_another_worker_is_read_from_the_database(open_store):
    store, other_worker = open_store(), open_store()
    a_turn(store, "artisan-8", "boulanger")  # its newest event is the newest row of the table
    with store.engine.begin() as connection:  # erased from the inbox while the artisan still chats
        connection.execute(sa.text("DELETE FROM events WHERE sender_id = 'artisan-8'"))
    a_turn(other_worker, "artisan-8", "plombier")  # SQLite gives the deleted newest id to this new row

    tracker = run(store.retrieve("artisan-8"))
    assert [e.text for e in tracker.events if isinstance(e, UserUttered)] == ["plombier"]


def test_events_added_after_the_save_but_not_saved_are_not_given_back(open_store):
    store = open_store()
    saved = a_turn(store, "artisan-4", "boulanger")
    saved.update(SlotSet("trade", "never saved"))  # a turn that failed before its save

    tracker = run(store.retrieve("artisan-4"))
    assert tracker is not saved
    assert tracker.get_slot("trade") == "boulanger"


def test_a_tracker_handed_out_and_not_saved_is_read_again_from_the_database(open_store):
    store = open_store()
    a_turn(store, "artisan-5", "boulanger")
    looked_at = run(store.retrieve("artisan-5"))  # e.g. the HTTP API showing the tracker
    looked_at.update(SlotSet("trade", "changed by the caller"))

    tracker = run(store.retrieve("artisan-5"))
    assert tracker is not looked_at and tracker.get_slot("trade") == "boulanger"


def test_only_the_most_recent_conversations_are_kept_in_memory(open_store):
    store = open_store(recent_conversations=2)
    first, _second, third = (a_turn(store, f"artisan-6{i}", "boulanger") for i in range(3))

    assert run(store.retrieve("artisan-60")) is not first  # dropped, read from the database
    assert state(run(store.retrieve("artisan-60"))) == state(first)
    assert run(store.retrieve("artisan-62")) is third


def test_an_unknown_conversation_is_none(open_store):
    assert run(open_store().retrieve(f"nobody-{uuid.uuid4().hex}")) is None


def an_erasing_turn(store, sender: str, text: str):
    """The turn where the artisan confirms the erasure: actions/erasure_actions.py's action restarts it."""
    tracker = run(store.get_or_create_tracker(sender))
    tracker.update(UserUttered(text, {"name": "affirm", "confidence": 1.0}))
    tracker.update(ActionExecuted(ERASE_ACTION))
    tracker.update(BotUttered("C'est fait."))
    tracker.update(Restarted())
    tracker.update(ActionExecuted("action_listen"))
    run(store.save(tracker))
    return tracker


def stored_texts(store, sender: str) -> list[str]:
    with store.engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT data FROM events WHERE sender_id = :s"), {"s": sender}).scalars()
        return [text for text in rows if "boulanger" in text or "URSSAF" in text]


@pytest.mark.parametrize("handed_out", [True, False], ids=["in memory", "read from the database"])
def test_an_erased_conversation_keeps_nothing_from_before_the_erasure(open_store, handed_out):
    store, other_worker = open_store(), open_store()
    a_turn(store, "artisan-9", "boulanger")
    a_turn(store, "artisan-9", "dette URSSAF")
    erasing_store = store if handed_out else other_worker  # another worker reads the tracker from the database
    an_erasing_turn(erasing_store, "artisan-9", "oui")

    assert stored_texts(store, "artisan-9") == []
    for reader in (store, other_worker):
        tracker = run(reader.retrieve("artisan-9"))
        assert [e.text for e in tracker.events if isinstance(e, UserUttered)] == [], type(reader)
    after = a_turn(erasing_store, "artisan-9", "plombier")  # the conversation goes on, from scratch
    assert [e.text for e in after.events if isinstance(e, UserUttered)] == ["plombier"]
    assert stored_texts(store, "artisan-9") == []


def test_a_restart_that_is_no_erasure_deletes_nothing(open_store):
    store = open_store()
    a_turn(store, "artisan-10", "boulanger")
    tracker = run(store.get_or_create_tracker("artisan-10"))
    tracker.update(ActionExecuted("action_restart"))
    tracker.update(Restarted())
    run(store.save(tracker))
    assert len(stored_texts(store, "artisan-10")) > 0
