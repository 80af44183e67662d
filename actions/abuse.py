"""How many cases one client may create: a script must not fill the inbox and ring every advisor's alert.

The channels (bot/guard.py) put a pseudonymous, daily-changing client key in every message's metadata;
here each action server counts the new cases per key (cases.limits.CASES_PER_CLIENT). A conversation
that already has its case may always update it. No key (an exempt address): no limit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cases.limits import CASES_PER_CLIENT, CLIENT_KEY_METADATA, SlidingWindow
from chamber import Chamber
from chamber.emergency import IN_DANGER

_new_cases = SlidingWindow(CASES_PER_CLIENT)


def new_case_allowed(latest_message: Mapping[str, Any] | None) -> bool:
    metadata = (latest_message or {}).get("metadata") or {}
    key = metadata.get(CLIENT_KEY_METADATA) if isinstance(metadata, Mapping) else None
    return not key or _new_cases.hit(str(key)) == 0


def too_many_cases_text(chamber: Chamber) -> str:
    return (
        "Plusieurs demandes de rappel sont déjà parties de votre connexion dans l'heure, et je ne peux pas en "
        f"enregistrer une autre tout de suite. Vous pouvez appeler la {chamber.name} au {chamber.phone}, "
        f"{chamber.hours_text}. {IN_DANGER}"
    )
