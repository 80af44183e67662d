from __future__ import annotations

import pytest

from actions import services
from cases.db import migrate


@pytest.fixture(autouse=True)
def fresh_services(tmp_path, monkeypatch):
    """Each test gets its own case database and outbox, and the default chamber."""
    url = f"sqlite:///{tmp_path / 'cases.db'}"
    monkeypatch.setenv("RELAIS_DATABASE_URL", url)
    monkeypatch.setenv("RELAIS_OUTBOX_DIR", str(tmp_path / "outbox"))
    monkeypatch.delenv("RELAIS_CHAMBER_CONFIG", raising=False)
    migrate(url)
    for cached in (services.chamber, services.knowledge_base, services.case_outbox):
        cached.cache_clear()
    yield
    for cached in (services.chamber, services.knowledge_base, services.case_outbox):
        cached.cache_clear()


@pytest.fixture
def domain():
    return {}
