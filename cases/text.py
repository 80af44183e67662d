"""Two rules for the text the cases store: no NUL character (PostgreSQL refuses it), and search that ignores
case and accents."""

from __future__ import annotations

from typing import Any

from french import fold


def without_nul(value: Any) -> Any:
    """The value with NUL characters removed from every string: PostgreSQL refuses them in text."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [without_nul(v) for v in value]
    if isinstance(value, dict):
        return {without_nul(k): without_nul(v) for k, v in value.items()}
    return value


def normalise_text(text: str) -> str:
    """Lower case without accents: 'Réglé' and 'regle' match each other."""
    return fold(text)
