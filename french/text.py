"""One way to compare French words typed with or without accents."""

from __future__ import annotations

import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})


def fold(text: str) -> str:
    """Lower case without accents or ligatures: "Épuisée" -> "epuisee", "cœur" -> "coeur"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_LIGATURES_IN_CASE = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae"})


def without_ligatures(text: str) -> str:
    """ "ma sœur" -> "ma soeur", case kept: before ``fold_in_place``, which keeps "œ" (one character for one)."""
    return text.translate(_LIGATURES_IN_CASE)


def fold_in_place(text: str) -> str:
    """Lower case without accents, one character for one, so that spans found in it hold in the original ("Épuisée"
    -> "epuisee"; "’" -> "'"): for finding words and cutting the original text where they are."""
    out = []
    for char in text.lower():
        decomposed = unicodedata.normalize("NFKD", char)
        out.append(decomposed[0] if decomposed else char)
    return "".join(out).replace("’", "'")
