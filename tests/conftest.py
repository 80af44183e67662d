"""Session fixtures: the real Relais processes, started once per test session."""

from __future__ import annotations

import httpx
import pytest

from ops.settings import MODEL_PATH
from tests.support.stack import ADVISOR_PASSWORD, create_user, new_conversation, start_stack


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    if not MODEL_PATH.exists():
        pytest.fail(f"no trained model at {MODEL_PATH}: run `make train` (make test does it)")
    running = start_stack(tmp_path_factory.mktemp("relais-stack"))
    yield running
    running.stop()


@pytest.fixture(scope="session")
def advisor(stack):
    """A real advisor account of the default chamber: (email, password)."""
    from chamber import load_chamber

    email = "conseillere@cma.test"
    create_user(stack.settings, email, load_chamber().id)
    return email, ADVISOR_PASSWORD


@pytest.fixture
def http():
    with httpx.Client(timeout=60) as client:
        yield client


@pytest.fixture
def conversation(stack, http):
    return new_conversation(http, stack.settings)


def pytest_collection_modifyitems(items):
    """Browser tests run last.

    Playwright's sync API keeps an event loop running in the main thread until the session ends;
    code under test that calls `asyncio.run()` (Rasa's tracker and lock stores, the purge) cannot
    run in-process after it. The sort is stable, so every other order is kept.
    """
    items.sort(key=lambda item: item.nodeid.startswith("tests/browser/"))
