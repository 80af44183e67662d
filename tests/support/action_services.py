"""The action server's process-wide services (chamber, knowledge base, case outbox) made fresh for one test."""

from __future__ import annotations

import atexit
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from sqlalchemy import select

from actions import services
from cases.db import make_engine, make_session_factory, migrate
from cases.models import Case
from ops.settings import database_url

# What a test may change through the environment (the chamber's configuration, the database, the outbox). The knowledge
# base is the repository's file whatever the environment: read once per test process, not once per test.
CACHED = (services.chamber, services.case_outbox, services.live_repository)


@cache
def _migrated_template() -> Path:
    """A case database at the latest schema, migrated once per test process (the migrations themselves are tested in
    tests/integration/cases/test_migrations.py): an Alembic upgrade per test was 75 ms of CPU, most of an action test."""
    folder = Path(tempfile.mkdtemp(prefix="relais-cases-template-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    template = folder / "cases.db"
    migrate(f"sqlite:///{template}")
    return template


def migrated_database(path: Path) -> str:
    """A new case database at `path`, at the latest schema, its own; returns its URL."""
    source, target = sqlite3.connect(_migrated_template()), sqlite3.connect(path)
    try:
        source.backup(target)  # SQLite's online backup: the pages whatever the journal mode, in a millisecond
    finally:
        source.close()
        target.close()
    return f"sqlite:///{path}"


def fresh_action_services(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Its own case database and outbox, and the default chamber; yields the database URL (a fixture body)."""
    url = migrated_database(tmp_path / "cases.db")
    monkeypatch.setenv("RELAIS_DATABASE_URL", url)
    monkeypatch.setenv("RELAIS_OUTBOX_DIR", str(tmp_path / "outbox"))
    monkeypatch.delenv("RELAIS_CHAMBER_CONFIG", raising=False)
    for cached in CACHED:
        cached.cache_clear()
    yield url
    if services.case_outbox.cache_info().currsize:
        services.case_outbox().stop_background_flush()  # its thread would otherwise outlive the test, one per test
    for cached in CACHED:
        cached.cache_clear()


def stored_cases() -> list[Case]:
    """Every case in the database the action server writes to (RELAIS_DATABASE_URL)."""
    with make_session_factory(make_engine(database_url()))() as session:
        return list(session.execute(select(Case)).scalars().all())
