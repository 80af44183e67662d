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


def final_urgency(turns: list[str], today: date) -> str | None:
    """The urgency after the last turn, the conversation run as the bot runs it."""
    return run_conversation(turns, None, today)[-1].urgency


def deadline_days(text: str, today: date) -> list[int]:
    """The days to each deadline said, read clause by clause as the engine does (a comma stays in a clause's words)."""
    from triage.dates import find_deadlines
    from triage.normalise import split_clauses

    return [found.days for clause in split_clauses(text) for found in find_deadlines(clause.text, today)]
