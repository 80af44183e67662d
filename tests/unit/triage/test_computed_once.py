"""What the triage computes once per message and keeps (clauses, distress signs, category evidence, the learned
model's scores) gives exactly what computing it afresh gives: a conversation assessed turn after turn, as the
action server does, matches the same turns assessed with every kept result forgotten before each."""

from __future__ import annotations

from datetime import date

import pytest

from triage import assess, model as learned_model
from triage.distress import _signs
from triage.engine import _assessed_alone, _clause_evidence, _urgency_candidates
from triage.nlu_examples import training_examples
from triage.normalise import _clauses

TODAY = date(2026, 12, 2)
# Artisans' sentences of every kind (situations, distress, answers, places), four to a conversation.
SENTENCES = [text for text, _ in training_examples("situation", "crisis", "answers", "places")][::7]
CONVERSATIONS = [SENTENCES[start : start + 4] for start in range(0, min(len(SENTENCES), 240), 4)]


def forget_everything_kept() -> None:
    _clauses.cache_clear()
    _signs.cache_clear()
    _clause_evidence.cache_clear()
    _urgency_candidates.cache_clear()
    _assessed_alone.cache_clear()
    fitted = learned_model.model()
    if fitted is not None:
        fitted._scores = None


def turn_by_turn(messages: list[str], afresh: bool) -> list[dict]:
    previous, found = None, []
    for count in range(1, len(messages) + 1):
        if afresh:
            forget_everything_kept()
        previous = assess(messages[:count], previous=previous, today=TODAY)
        found.append(previous.to_slots())
    return found


def test_there_are_conversations_with_categories_and_distress() -> None:
    slots = [turn_by_turn(messages, afresh=False)[-1] for messages in CONVERSATIONS]
    assert len(CONVERSATIONS) >= 30
    assert sum(bool(s["difficulty_categories"]) for s in slots) >= 10
    assert sum(bool(s["distress_signs"]) for s in slots) >= 3


@pytest.mark.parametrize("messages", CONVERSATIONS, ids=lambda messages: messages[0][:40])
def test_kept_results_change_nothing(messages: list[str]) -> None:
    kept = turn_by_turn(messages, afresh=False)
    again = turn_by_turn(messages, afresh=False)  # every message's results now come from what was kept
    afresh = turn_by_turn(messages, afresh=True)
    assert kept == afresh
    assert again == afresh
