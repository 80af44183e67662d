"""The action server's process-wide services (chamber, knowledge base, case outbox) made fresh for one test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from actions import services
from cases.db import make_engine, make_session_factory, migrate
from cases.models import Case
from ops.settings import database_url

CACHED = (services.chamber, services.knowledge_base, services.case_outbox, services.live_repository)


def fresh_action_services(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Its own case database and outbox, and the default chamber; yields the database URL (a fixture body)."""
    url = f"sqlite:///{tmp_path / 'cases.db'}"
    monkeypatch.setenv("RELAIS_DATABASE_URL", url)
    monkeypatch.setenv("RELAIS_OUTBOX_DIR", str(tmp_path / "outbox"))
    monkeypatch.delenv("RELAIS_CHAMBER_CONFIG", raising=False)
    migrate(url)
    for cached in CACHED:
        cached.cache_clear()
    yield url
    for cached in CACHED:
        cached.cache_clear()


def stored_cases() -> list[Case]:
    """Every case in the database the action server writes to (RELAIS_DATABASE_URL)."""
    with make_session_factory(make_engine(database_url()))() as session:
        return list(session.execute(select(Case)).scalars().all())
