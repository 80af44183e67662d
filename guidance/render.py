"""Turn entries into the bot's French messages; chamber words come from the chamber (the crisis reply: crisis.py)."""

from __future__ import annotations

from typing import Iterable

from chamber import Chamber
from guidance.knowledge import GuidanceEntry


def chamber_words(chamber: Chamber) -> dict[str, str]:
    """The values of the knowledge base's placeholders for one chamber."""
    return {
        "chamber_name": chamber.name,
        "chamber_short_name": chamber.short_name,
        "chamber_phone": chamber.phone,
        "chamber_hours": chamber.hours_text,
        "chamber_email": chamber.email,
        "chamber_website": chamber.website,
        "chamber_contact_url": chamber.general_contact_url,
    }


def render_entry(entry: GuidanceEntry, chamber: Chamber) -> str:
    """One message, at most three short sentences: what it does, the first step, where to read more."""
    words = chamber_words(chamber)
    parts = [entry.summary.format(**words), entry.how[0].format(**words)]
    if entry.link:
        # No full stop after the URL: a copied link must not end with a dot.
        parts.append(f"Pour en savoir plus : {entry.link}")
    return " ".join(parts)


def render_guidance(entries: Iterable[GuidanceEntry], chamber: Chamber) -> list[str]:
    """French bot messages, one per entry, with links written out as plain URLs."""
    return [render_entry(entry, chamber) for entry in entries]
