"""How a place is written, reduced to one comparable form."""

from __future__ import annotations

import re
import unicodedata

from french.text import without_ligatures

_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", without_ligatures(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise(text: str) -> str:
    """ "Saint-Étienne-du-Rouvray" and "st etienne du rouvray" -> "saint etienne du rouvray"."""
    plain = _NOT_WORD.sub(" ", strip_accents(text).lower())
    return " ".join(_ABBREVIATIONS.get(token, token) for token in plain.split())


def tokens(text: str) -> list[str]:
    return normalise(text).split()
