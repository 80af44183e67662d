"""Turn entries into the bot's French messages; chamber words come from the chamber (the crisis reply: crisis.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from chamber import Chamber
from guidance.facts import court_for
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


NBSP = "\u00a0"
# The first word of a summary that may follow a caveat in lower case ("Si vous êtes ..., le ...").
_CAPITALISED_WORD = re.compile(r"^([A-ZÀÂÉÈÊÎÔÛÇ])(?=[a-zàâäéèêëîïôöûüç’'\s])")


# Overseas, the self-employed pay their contributions to the local social security fund, not to an
# URSSAF (round 7: a hairdresser in Guadeloupe was sent to "l'URSSAF"). The fund's online space is
# still on urssaf.fr (CGSS Guadeloupe, ewag.fr 2023). Mayotte: the CSSM.
# Known there by their acronyms, as the URSSAF is elsewhere (guidance/checks.py KNOWN_ACRONYMS).
_COLLECTORS = {
    **dict.fromkeys(("971", "972", "973", "974"), ("la CGSS", "la CGSS")),
    "976": ("la CSSM", "la CSSM"),
}
_URSSAF = ("l'URSSAF", "votre URSSAF")


def collector_words(departement: str | None) -> dict[str, str]:
    """{urssaf} and {votre_urssaf}: who collects the self-employed's contributions in this place."""
    urssaf, votre_urssaf = _COLLECTORS.get(departement or "", _URSSAF)
    return {"urssaf": urssaf, "votre_urssaf": votre_urssaf}


def entry_words(entry: GuidanceEntry, chamber: Chamber) -> dict[str, str]:
    """The placeholders' values for one entry: the chamber's words, the court and the collector of the place."""
    court = entry.court or court_for(None)
    return {
        **chamber_words(chamber),
        "court": court.le,
        "court_du": court.du,
        "court_au": court.au,
        **collector_words(entry.departement),
    }


def after_caveat(summary: str) -> str:
    """ "Le Médiateur ..." -> "le Médiateur ..."; acronyms and names in capitals are left alone."""
    return _CAPITALISED_WORD.sub(lambda match: match.group(1).lower(), summary, count=1)


def render_entry(entry: GuidanceEntry, chamber: Chamber) -> str:
    """One message, at most three short sentences: what it does, the first step, where to read more.

    When a condition of the entry is unknown in this conversation (entry.caveat_shown), the message
    opens with it: "Si vous êtes micro-entrepreneur, vos cotisations ...".
    """
    words = entry_words(entry, chamber)
    summary = entry.summary.format(**words)
    if entry.caveat_shown and entry.caveat:
        summary = f"{entry.caveat.format(**words)} {after_caveat(summary)}"
    parts = [summary, entry.how[0].format(**words)]
    if entry.link:
        # No full stop after the URL: a copied link must not end with a dot.
        parts.append(f"En savoir plus{NBSP}: {entry.link}")
    return " ".join(parts)


def render_guidance(entries: Iterable[GuidanceEntry], chamber: Chamber) -> list[str]:
    """French bot messages, one per entry, with links written out as plain URLs."""
    return [render_entry(entry, chamber) for entry in entries]
