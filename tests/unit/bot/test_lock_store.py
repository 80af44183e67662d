"""The embedded mode's lock store: Rasa's conversation locks shared by the Sanic workers through a SQLite file."""

from __future__ import annotations

import asyncio
import multiprocessing
import sqlite3
import subprocess
import sys
import time
from itertools import pairwise
from pathlib import Path

import pytest
from rasa.core.lock_store import LockStore
from rasa.core.utils import number_of_sanic_workers
from rasa.utils.endpoints import EndpointConfig

from bot.lock_store import SQLiteLockStore
from ops.rasa_config import embedded_lock_store_config
from ops.settings import REPO_ROOT, Settings
from tests.unit.bot.conftest import spans_of_forked_workers


@pytest.fixture
def endpoint(tmp_path: Path) -> EndpointConfig:
    return EndpointConfig.from_dict(embedded_lock_store_config(Settings(var_dir=tmp_path)))


def test_rasa_builds_it_from_the_embedded_endpoints_and_allows_several_workers(endpoint, monkeypatch):
    assert type(LockStore.create(endpoint)) is SQLiteLockStore
    monkeypatch.setenv("SANIC_WORKERS", "2")
    assert number_of_sanic_workers(endpoint) == 2  # Rasa keeps 1 with its in-memory store


def test_a_redis_url_still_means_redis(tmp_path: Path):
    settings = Settings(var_dir=tmp_path, lock_store_url="redis://127.0.0.1:6379/3")
    assert embedded_lock_store_config(settings)["type"] == "redis"


def _turns(endpoint: EndpointConfig, conversation: str, turns: int, results) -> None:
    store = LockStore.create(endpoint)

    async def run() -> list[tuple[float, float]]:
        spans = []
        for _ in range(turns):
            async with store.lock(conversation, wait_time_in_seconds=0.01):
                started = time.monotonic()
                await asyncio.sleep(0.02)
                spans.append((started, time.monotonic()))
        return spans

    results.put(asyncio.run(run()))


def test_two_worker_processes_never_hold_one_conversation_at_once(endpoint):
    spans, exit_codes = spans_of_forked_workers(_turns, (endpoint, "artisan-1", 15))

    assert len(spans) == 30 and exit_codes == [0, 0]
    overlapping = [(a, b) for a, b in pairwise(spans) if b[0] < a[1]]
    assert overlapping == []


def test_other_conversations_are_not_held_up(endpoint):
    store = LockStore.create(endpoint)

    async def both() -> list[str]:
        order, slow_holds, quick_done = [], asyncio.Event(), asyncio.Event()

        async def slow() -> None:
            async with store.lock("slow", wait_time_in_seconds=0.01):
                slow_holds.set()
                # Held until the other conversation got through: if it waited for this lock, a timeout.
                await asyncio.wait_for(quick_done.wait(), timeout=10)
                order.append("slow")

        async def quick() -> None:
            await slow_holds.wait()
            async with store.lock("quick", wait_time_in_seconds=0.01):
                order.append("quick")
            quick_done.set()

        await asyncio.gather(slow(), quick())
        return order

    assert asyncio.run(both()) == ["quick", "slow"]


def test_a_waiter_gets_the_lock_after_its_holder_died(endpoint):
    store = LockStore.create(endpoint)
    store.issue_ticket("artisan-2", 1)  # a worker took the lock, then died: nobody gives it back

    async def next_turn() -> str:
        async with store.lock("artisan-2", lock_lifetime=1, wait_time_in_seconds=0.1):
            return "served"

    assert asyncio.run(asyncio.wait_for(next_turn(), timeout=10)) == "served"


def test_a_finished_turn_leaves_no_lock_behind(endpoint):
    store = LockStore.create(endpoint)

    async def turn() -> None:
        async with store.lock("artisan-3"):
            assert store.get_lock("artisan-3") is not None

    asyncio.run(turn())
    assert store.get_lock("artisan-3") is None
    with sqlite3.connect(endpoint.kwargs["db"]) as connection:
        assert connection.execute("SELECT count(*) FROM locks").fetchone() == (0,)


def _as_dict(endpoint: EndpointConfig) -> dict:
    return {"type": endpoint.type, **endpoint.kwargs}


def test_locks_left_by_a_previous_server_are_dropped_when_a_new_one_starts(endpoint):
    # The previous server: another process, which took a lock and was killed before giving it back.
    previous_server = (
        "import sys; from rasa.core.lock_store import LockStore; from rasa.utils.endpoints import EndpointConfig; "
        f"LockStore.create(EndpointConfig.from_dict({_as_dict(endpoint)!r}))"
        ".issue_ticket('artisan-9', 3600)"
    )
    subprocess.run([sys.executable, "-c", previous_server], check=True, cwd=REPO_ROOT, timeout=120)

    assert LockStore.create(endpoint).get_lock("artisan-9") is None  # not waited out for an hour


def _sees_lock(endpoint: EndpointConfig, conversation: str, results) -> None:
    results.put(LockStore.create(endpoint).get_lock(conversation) is not None)


def test_a_worker_started_again_keeps_the_locks_of_its_server(endpoint):
    server_side = LockStore.create(endpoint)
    server_side.issue_ticket("artisan-10", 3600)  # a turn in progress on one worker

    context = multiprocessing.get_context("fork")
    results = context.Queue()
    restarted_worker = context.Process(target=_sees_lock, args=(endpoint, "artisan-10", results))
    restarted_worker.start()
    assert results.get(timeout=60) is True
    restarted_worker.join(10)
