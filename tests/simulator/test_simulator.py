"""The bounded simulator run of `make test`: SIM_CONVERSATIONS generated artisans (50 by default, seed
SIM_SEED, 20261201 by default) talk to the session's real stack one after the other; each invariant is
one test, failing with the shortest violating transcript and how to replay it.
`make simulate` runs thousands (python -m tests.simulator)."""

from __future__ import annotations

import os

import pytest

from tests.simulator.driver import Bot, LogWatcher, simulate
from tests.simulator.invariants import INVARIANTS

CONVERSATIONS = int(os.environ.get("SIM_CONVERSATIONS", "50"))
SEED = int(os.environ.get("SIM_SEED", "20261201"))


@pytest.fixture(scope="module")
def simulation(stack):
    watcher = LogWatcher([process.log_path for process in stack.processes.values()])
    settings = stack.settings
    run = simulate(
        lambda: Bot(settings.rasa_url, settings.rasa_token, settings.database_url, watcher), CONVERSATIONS, SEED
    )
    print(f"\nsimulator: {run.summary()}")
    return run


def test_the_run_is_the_size_asked_and_reaches_every_stage(simulation):
    summary = simulation.summary()
    assert summary["conversations"] == CONVERSATIONS
    kinds = {turn.kind for t in simulation.transcripts for turn in t.turns}
    if CONVERSATIONS >= 40:  # a bounded run still tries every kind of move
        assert {
            "opening",
            "answer",
            "skip",
            "yes",
            "no",
            "question_back",
            "hesitation",
            "correction",
            "wrong_phone",
            "farewell",
            "noise",
            "long",
            "change_of_mind",
        } <= kinds, kinds


@pytest.mark.parametrize("invariant", list(INVARIANTS))
def test_invariant_holds_in_every_simulated_conversation(simulation, invariant):
    if simulation.violations.get(invariant):
        pytest.fail(simulation.explain(invariant), pytrace=False)
