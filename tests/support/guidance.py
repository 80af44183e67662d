"""The first steps the guidance selects for a conversation, as the bot selects them (the chamber and knowledge base of
actions.services, every message read for the causes, today the chamber's)."""

from __future__ import annotations

from actions import services
from guidance.select import select_guidance
from triage import assess


def cards(messages: list[str]) -> list[str]:
    """The ids of the entries selected for these messages, in the order shown."""
    entries = select_guidance(
        services.knowledge_base(),
        assess(messages),
        services.chamber(),
        {},
        messages=messages,
        today=services.chamber_today(),
    )
    return [entry.id for entry in entries]
