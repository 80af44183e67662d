"""Session fixtures: the real Relais processes, started once per test session."""

from __future__ import annotations

from pathlib import Path

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


# `make test` runs pytest on two xdist workers (`--dist loadgroup --no-loadscope-reorder`): the queue is the order
# below, and a group runs whole on one worker. The longest groups are queued first and the many short unit modules
# after them, so that both workers finish together. The production stack is one group (a second one would share
# its Redis database); every other module is its own group, so its module fixtures are made once.
#
# The widget's browser tests come last, in two groups that the two workers take at the end: Playwright's sync API
# keeps an event loop running in the worker's main thread until the session ends, and code under test that calls
# `asyncio.run()` (Rasa's tracker and lock stores, the purge) cannot run in-process after it. The inbox's browser
# tests close Playwright with their module and can run anywhere.
QUEUE = (
    "tests/production/",
    "tests/quality/",
    "tests/simulator/",
    "tests/browser/inbox/",
    "tests/e2e/",
    "tests/security/",
    "tests/integration/",
    "",  # everything else, the unit tests mostly
    "tests/browser/widget/",
)
WIDGET_GROUP_A = (
    "test_widget_accessibility",
    "test_widget_discretion",
    "test_widget_screenshots",
    "test_widget_crisis",
    "test_widget_phone",
)


def _queue_rank(nodeid: str) -> int:
    ranks = [rank for rank, folder in enumerate(QUEUE) if folder and nodeid.startswith(folder)]
    return ranks[0] if ranks else QUEUE.index("")


def _group(nodeid: str) -> str:
    module = nodeid.split("::", 1)[0]
    if module.startswith("tests/production/"):
        return "production"
    if module.startswith("tests/browser/widget/"):
        return "widget-a" if Path(module).stem in WIDGET_GROUP_A else "widget-b"
    return module


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook, which reads the groups
def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: _queue_rank(item.nodeid))  # stable: the order inside a group is the collection's
    for item in items:
        item.add_marker(pytest.mark.xdist_group(_group(item.nodeid)))
