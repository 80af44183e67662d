"""How many cases one client may create before they are held for review: a script must not ring every
advisor's alert, and a person must never lose the callback they consented to.

The channels (bot/guard.py) put a pseudonymous, daily-changing client key in every message's metadata;
here each action server counts the new cases per key (cases.limits.CASES_PER_CLIENT). Beyond the limit the
case is still stored and the artisan gets the usual answer (several artisans may share one address: a
family, an office, a mobile operator's shared addresses), but it carries the ``VOLUME_REASON`` that the
inbox shows and the new-case mail skips (cases.escalation). A conversation that already has its case
only updates it. No key (an exempt address): no limit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cases.limits import CASES_PER_CLIENT, CLIENT_KEY_METADATA, VOLUME_REASON, SlidingWindow

_new_cases = SlidingWindow(CASES_PER_CLIENT)


def over_case_limit(latest_message: Mapping[str, Any] | None) -> bool:
    """Counts a new case for the message's client; True when the client already created its allowance."""
    metadata = (latest_message or {}).get("metadata") or {}
    key = metadata.get(CLIENT_KEY_METADATA) if isinstance(metadata, Mapping) else None
    return bool(key) and _new_cases.hit(str(key)) > 0


def review_reasons(slots: Mapping[str, Any], latest_message: Mapping[str, Any] | None) -> dict[str, list[str]] | None:
    """For a new case: the reason it is held for review when its client is over the limit (a key of the case's
    ``reasons``, never a category), else None. A case with distress is never held: its alert must ring."""
    if slots.get("distress") or not over_case_limit(latest_message):
        return None
    return {
        VOLUME_REASON: [f"plus de {CASES_PER_CLIENT.count} demandes de rappel depuis la même connexion en une heure"]
    }
