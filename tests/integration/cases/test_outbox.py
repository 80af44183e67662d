"""The database goes away during a handoff: nothing the artisan said is lost, nothing is duplicated."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine, make_url

from cases.db import make_engine, make_session_factory
from cases.drafts import InvalidDraft
from cases.models import Case
from cases.outbox import CaseOutbox
from cases.reference import new_reference
from cases.repository import CaseRepository
from cases.testing import TcpProxy


def count_cases(engine) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(Case)).scalar_one()


def closed_port() -> int:
    proxy = TcpProxy("127.0.0.1", 9).start()
    port = proxy.port
    proxy.stop()
    return port


def unreachable_url(database_url: str) -> str:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        return f"sqlite:////nonexistent-dir-{new_reference()}/relais.db"
    return str(url.set(host="127.0.0.1", port=closed_port()))


class DatabaseSwitch:
    """Makes the test database unreachable and reachable again, as a crash and a restart would.

    PostgreSQL: the repository talks through a TCP proxy that is cut (open connections included).
    SQLite: the database's directory is moved away and back, and the connections the engine keeps open are
    closed (`attach`): an open SQLite file follows its directory, as a live PostgreSQL connection would not.
    """

    def __init__(self, database_url: str, tmp_path: Path):
        self.url = make_url(database_url)
        self.sqlite = self.url.get_backend_name() == "sqlite"
        if self.sqlite:
            self.original = Path(self.url.database)
            self.live_dir = tmp_path / "live"
            self.live_dir.mkdir()
            for suffix in ("", "-wal", "-shm"):
                source = Path(f"{self.original}{suffix}")
                if source.exists():
                    (self.live_dir / (self.original.name + suffix)).write_bytes(source.read_bytes())
            self.repository_url = f"sqlite:///{self.live_dir / self.original.name}"
            self.parked_dir = tmp_path / "parked"
            self.engines: list[Engine] = []
        else:
            self.proxy = TcpProxy(self.url.host or "127.0.0.1", self.url.port or 5432).start()
            self.repository_url = str(self.url.set(host="127.0.0.1", port=self.proxy.port))

    def attach(self, engine: Engine) -> Engine:
        if self.sqlite:
            self.engines.append(engine)
        return engine

    def kill(self) -> None:
        if self.sqlite:
            self.live_dir.rename(self.parked_dir)
            for engine in self.engines:
                engine.dispose()
        else:
            self.proxy.stop()

    def restore(self) -> None:
        if self.sqlite:
            self.parked_dir.rename(self.live_dir)
        else:
            self.proxy.start()

    def close(self) -> None:
        if not self.sqlite:
            self.proxy.stop()


@pytest.fixture
def switch(database_url, tmp_path):
    switch = DatabaseSwitch(database_url, tmp_path)
    yield switch
    switch.close()


@pytest.fixture
def switched(switch):
    """A repository and an engine that both go through the switch."""
    engine = switch.attach(make_engine(switch.repository_url))
    yield CaseRepository(make_session_factory(engine)), engine
    engine.dispose()


def test_stored_at_once_when_the_database_answers(repository, engine, draft_factory, tmp_path):
    outbox = CaseOutbox(repository, tmp_path / "spool")
    draft = draft_factory()
    result = outbox.submit(draft)
    assert (result.reference, result.stored) == (draft.reference, True)
    assert outbox.pending() == [] and count_cases(engine) == 1


def _within_deadline(call, seconds: float, what: str):
    """The call's result, failing if it has not returned by the deadline (a hang, not a speed measure)."""
    done, outcome = threading.Event(), {}

    def run():
        try:
            outcome["value"] = call()
        except BaseException as error:  # noqa: BLE001 - handed to the test below
            outcome["error"] = error
        done.set()

    threading.Thread(target=run, daemon=True).start()
    assert done.wait(seconds), f"{what}: no answer after {seconds} s, the artisan would be kept waiting"
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def test_an_unreachable_database_spools_then_a_reachable_one_stores_exactly_once(
    engine, database_url, draft_factory, tmp_path
):
    spool = tmp_path / "spool"
    down_engine = make_engine(unreachable_url(database_url))
    down = CaseOutbox(CaseRepository(make_session_factory(down_engine)), spool)
    first = draft_factory()
    result = _within_deadline(lambda: down.submit(first), 30, "submit with the database down")
    assert (result.reference, result.stored) == (first.reference, False)
    update = draft_factory(
        conversation_id=first.conversation_id,
        reference=new_reference(),
        transcript=[*first.transcript, {"sender": "artisan", "text": "merci", "at": "2025-03-04T09:40:00+00:00"}],
    )
    assert down.submit(update).reference == first.reference  # the same reference for the same conversation
    other = draft_factory()
    down.submit(other)
    assert len(down.pending()) == 3
    spooled = json.loads(down.pending()[0].read_text(encoding="utf-8"))
    assert spooled["contact_name"] == "Éloïse" and spooled["consent_at"] == first.consent_at.isoformat()
    assert not list(spool.glob(".tmp-*"))
    down_engine.dispose()

    up = CaseOutbox(CaseRepository(make_session_factory(engine)), spool)
    assert up.flush() == 3
    assert up.flush() == 0 and up.pending() == []
    assert count_cases(engine) == 2
    stored = CaseRepository(make_session_factory(engine)).find_by_conversation(first.conversation_id)
    assert stored.reference == first.reference
    assert stored.transcript[-1]["text"] == "merci"


def test_killing_the_database_during_a_handoff_loses_no_case(switch, switched, engine, draft_factory, tmp_path):
    repository, switched_engine = switched
    outbox = CaseOutbox(repository, tmp_path / "spool")
    before = draft_factory()
    assert outbox.submit(before).stored is True  # a pooled connection now exists (PostgreSQL)

    switch.kill()
    during = [draft_factory() for _ in range(3)]
    results = [outbox.submit(draft) for draft in during]
    assert [r.stored for r in results] == [False, False, False]
    later = draft_factory(
        conversation_id=before.conversation_id,
        reference=new_reference(),
        transcript=[
            *before.transcript,
            {"sender": "artisan", "text": "vous êtes là ?", "at": "2025-03-04T09:45:00+00:00"},
        ],
    )
    assert outbox.submit(later).stored is False
    assert outbox.flush() == 0  # still down: nothing deleted
    assert len(outbox.pending()) == 4

    switch.restore()
    outbox.start_background_flush(interval_s=0.2)
    try:
        deadline = time.monotonic() + 20
        while outbox.pending() and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        outbox.stop_background_flush()
    assert outbox.pending() == []
    check = switched_engine if switch.sqlite else engine
    assert count_cases(check) == 4
    stored = repository.find_by_conversation(before.conversation_id)
    assert stored.reference == before.reference
    assert stored.transcript[-1]["text"] == "vous êtes là ?"
    for draft, result in zip(during, results, strict=True):
        assert repository.find_by_conversation(draft.conversation_id).reference == result.reference


def test_a_new_draft_waits_behind_older_spooled_ones(switch, switched, draft_factory, tmp_path):
    # Order matters: an old state flushed after a newer one would overwrite it.
    repository, _ = switched
    outbox = CaseOutbox(repository, tmp_path / "spool")
    switch.kill()
    first = draft_factory(summary="première version")
    outbox.submit(first)
    switch.restore()
    newer = draft_factory(conversation_id=first.conversation_id, reference=first.reference, summary="version à jour")
    assert outbox.submit(newer).stored is True
    assert outbox.pending() == []
    assert repository.find_by_conversation(first.conversation_id).summary == "version à jour"


def test_a_corrupt_spool_file_is_set_aside_without_blocking_the_others(repository, engine, draft_factory, tmp_path):
    spool = tmp_path / "spool"
    outbox = CaseOutbox(repository, spool)
    (spool / "00000000000000000001-broken.json").write_text("{not json", encoding="utf-8")
    (spool / "00000000000000000002-valid.json").write_text(json.dumps(draft_factory().to_json()), encoding="utf-8")
    assert outbox.flush() == 1
    assert [p.name for p in (spool / "rejected").iterdir()] == ["00000000000000000001-broken.json"]
    assert count_cases(engine) == 1


def test_a_draft_against_the_contract_is_refused_not_spooled(repository, draft_factory, tmp_path):
    outbox = CaseOutbox(repository, tmp_path / "spool")
    with pytest.raises(InvalidDraft):
        outbox.submit(draft_factory(consent_version=None))
    assert outbox.pending() == []


@pytest.mark.parametrize("typed, stored", [("Arras", "62"), ("pas de calais", "62"), ("chez nous", None)])
def test_a_place_never_makes_a_consented_case_fail_submitted_or_spooled(
    repository, draft_factory, tmp_path, typed, stored
):
    spool = tmp_path / "spool"
    outbox = CaseOutbox(repository, spool)
    submitted = draft_factory(departement=typed)
    assert outbox.submit(submitted).stored is True
    # A draft spooled as it was written before places/ existed, with the place as the artisan typed it.
    spooled = draft_factory(departement=typed)
    (spool / "00000000000000000001-old.json").write_text(json.dumps(spooled.to_json()), encoding="utf-8")
    assert outbox.flush() == 1 and not (spool / "rejected").exists()
    for draft in (submitted, spooled):
        case = repository.find_by_conversation(draft.conversation_id)
        assert case.departement == stored
        assert case.situation["departement"] == (draft.situation["departement"] if stored else typed)
