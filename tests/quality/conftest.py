"""Session fixtures of the quality gates: each set goes through the running bot once per session."""

from __future__ import annotations

import pytest

from ops.quality import measure_nlu, measure_triage

# Conversations sent at a time: the Rasa and action servers serve them concurrently, each with its own sender.
WORKERS = 4


@pytest.fixture(scope="session")
def heldout_nlu(stack):
    return measure_nlu(stack.settings.rasa_url, stack.settings.rasa_token)


@pytest.fixture(scope="session")
def triage_figures(stack):
    measured: dict[str, dict] = {}

    def figures(name: str) -> dict:
        if name not in measured:
            measured[name] = measure_triage(name, stack.settings.rasa_url, stack.settings.rasa_token, WORKERS)
        return measured[name]

    return figures
