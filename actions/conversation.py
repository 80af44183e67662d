"""Reading what the artisan said out of a Rasa tracker's events (plain data, no rasa_sdk import)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Iterable, Mapping

# Answers collected by the intake form; also what the triage reads as `situation`.
SITUATION_SLOTS = (
    "since_when",
    "deadline",
    "trade",
    "legal_form",
    "employees",
    "departement",
    "creditors",
    "steps_taken",
)

# Written into a skipped slot so that the question is never asked twice.
SKIPPED = "non précisé"


def _is_typed_text(text: str | None) -> bool:
    # Button payloads ("/affirm") are not the artisan's words.
    return bool(text) and not text.startswith("/")


def user_messages(events: Iterable[Mapping[str, Any]]) -> list[str]:
    """Every message the artisan typed in this conversation, oldest first."""
    return [
        event.get("text")
        for event in events
        if event.get("event") == "user" and _is_typed_text(event.get("text"))
    ]


def situation(slots: Mapping[str, Any]) -> dict[str, str]:
    """The situation answers that are known (skipped ones excluded)."""
    return {
        name: str(slots[name])
        for name in SITUATION_SLOTS
        if slots.get(name) not in (None, "", SKIPPED)
    }


def _timestamp(event: Mapping[str, Any]) -> str:
    seconds = event.get("timestamp")
    if seconds is None:
        return datetime.now(timezone.utc).isoformat()
    return datetime.fromtimestamp(float(seconds), tz=timezone.utc).isoformat()


def transcript(events: Iterable[Mapping[str, Any]]) -> list[dict[str, str]]:
    """The conversation as the advisor will read it: who said what, and when."""
    lines = []
    for event in events:
        kind = event.get("event")
        text = event.get("text")
        if kind == "user" and _is_typed_text(text):
            lines.append({"sender": "artisan", "text": text, "at": _timestamp(event)})
        elif kind == "bot" and text:
            lines.append({"sender": "bot", "text": text, "at": _timestamp(event)})
    return lines
