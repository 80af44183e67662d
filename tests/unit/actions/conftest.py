from __future__ import annotations

import pytest

from tests.support.action_services import fresh_action_services


@pytest.fixture(autouse=True)
def fresh_services(tmp_path, monkeypatch):
    """Each test gets its own case database and outbox, and the default chamber."""
    yield from fresh_action_services(tmp_path, monkeypatch)


@pytest.fixture
def domain():
    return {}
