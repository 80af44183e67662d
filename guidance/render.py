"""Turn entries into the bot's French messages, and the crisis reply; chamber words come from the chamber."""

from __future__ import annotations

import re
from typing import Iterable

from chamber import Chamber
from guidance.facts import court_for
from guidance.knowledge import GuidanceEntry

SUICIDE_PREVENTION_LINE = "3114"
EMERGENCY_NUMBERS = ("15", "112")
EMERGENCY_SMS = "114"
BUSINESS_OWNER_LINE = "0 805 65 50 50"


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


def entry_words(entry: GuidanceEntry, chamber: Chamber) -> dict[str, str]:
    """The placeholders' values for one entry: the chamber's words and the court of the place."""
    court = entry.court or court_for(None)
    return {**chamber_words(chamber), "court": court.le, "court_du": court.du, "court_au": court.au}


def after_caveat(summary: str) -> str:
    """"Le Médiateur ..." -> "le Médiateur ..."; acronyms and names in capitals are left alone."""
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


def crisis_messages(chamber: Chamber) -> list[str]:
    """The crisis reply (safe messaging, Papageno/WHO): numbers first, then a direct question about
    safety, then a human, with help never depending on contact details."""
    messages = [
        "Merci de me l'avoir confié. Vous pouvez appeler le 3114 dès maintenant : c'est gratuit, "
        "24h/24 et 7j/7, et des professionnels formés vous répondent.",
        "En cas de danger immédiat, appelez le 15 ou le 112 (ou envoyez un SMS au 114).",
    ]
    if chamber.option("business_owner_line_0805"):
        messages.append(
            f"Il existe aussi une ligne d'écoute pour les chefs d'entreprise : {BUSINESS_OWNER_LINE} (appel gratuit)."
        )
    messages.append("Êtes-vous en sécurité en ce moment ?")
    messages.append(
        "Si vous le souhaitez, un conseiller de notre chambre peut aussi vous rappeler. "
        "Rien ne vous oblige à laisser vos coordonnées : nous pouvons continuer à échanger ici, "
        f"et vous pouvez appeler le {chamber.phone}, {chamber.hours_text}."
    )
    return messages
