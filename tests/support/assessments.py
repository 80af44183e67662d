"""The triage over a conversation, turn after turn, as the action server runs it."""

from __future__ import annotations

from datetime import date

from triage import Assessment, assess


def run_conversation(turns: list[str], situation: dict | None, today: date) -> list[Assessment]:
    """Assess after every turn, as the action server does, feeding back the previous result."""
    history: list[Assessment] = []
    previous = None
    for index in range(len(turns)):
        is_last = index == len(turns) - 1
        previous = assess(turns[: index + 1], previous=previous, situation=situation if is_last else None, today=today)
        history.append(previous)
    return history
