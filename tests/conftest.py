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
# its Redis database), and so are the two widget modules that need the one-worker stack (one such stack, not two);
# every other module is its own group, so its module fixtures are made once. Browser tests stop Playwright with
# their module (its event loop would stop `asyncio.run()` in the worker), so they can be queued anywhere.
QUEUE = (
    "tests/production/",
    "tests/quality/",
    "tests/simulator/",
    "tests/browser/",
    "tests/e2e/",
    "tests/security/",
    "tests/integration/",
    "",  # everything else, the unit tests mostly
)
ONE_WORKER_STACK_MODULES = ("test_widget_accessibility", "test_widget_discretion")


def _queue_rank(nodeid: str) -> int:
    ranks = [rank for rank, folder in enumerate(QUEUE) if folder and nodeid.startswith(folder)]
    return ranks[0] if ranks else QUEUE.index("")


def _group(nodeid: str) -> str:
    module = nodeid.split("::", 1)[0]
    if module.startswith("tests/production/"):
        return "production"
    if module.startswith("tests/browser/widget/") and Path(module).stem in ONE_WORKER_STACK_MODULES:
        return "widget-one-worker-stack"
    return module


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook, which reads the groups
def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: _queue_rank(item.nodeid))  # stable: the order inside a group is the collection's
    for item in items:
        item.add_marker(pytest.mark.xdist_group(_group(item.nodeid)))
