"""One way to compare French words typed with or without accents."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})


# The readers fold the same messages many times per action call (issue 18): the characters of French text, read one by
# one through a table made once. Decomposing a string is decomposing each character (canonical reordering only moves
# the combining marks, which both drop), so the tables give exactly what the character-by-character code gives.
_TABLE_RANGES = ((0x80, 0x250), (0x2000, 0x2070))  # Latin-1, Latin Extended-A and -B, general punctuation
_OUTSIDE_THE_TABLES = re.compile("[^\x00-\u024f\u2000-\u206f]")


def _decomposed_without_marks(char: str) -> str:
    return "".join(part for part in unicodedata.normalize("NFKD", char) if not unicodedata.combining(part))


def _first_of_decomposed(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return decomposed[0] if decomposed else char


def _table(reading: Callable[[str], str]) -> dict[int, str]:
    """Every character of the ranges, ASCII too: str.translate is several times slower on a character it misses."""
    codes = (code for start, end in ((0, 0x80), *_TABLE_RANGES) for code in range(start, end))
    return {code: reading(chr(code)) for code in codes}


_FOLD_TABLE = _table(_decomposed_without_marks)
_IN_PLACE_TABLE = _table(_first_of_decomposed)


def fold(text: str) -> str:
    """Lower case without accents or ligatures: "Épuisée" -> "epuisee", "cœur" -> "coeur"."""
    lowered = text.translate(_LIGATURES).casefold()
    if lowered.isascii():
        return lowered
    if not _OUTSIDE_THE_TABLES.search(lowered):
        return lowered.translate(_FOLD_TABLE)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_LIGATURES_IN_CASE = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae"})


def without_ligatures(text: str) -> str:
    """ "ma sœur" -> "ma soeur", case kept: before ``fold_in_place``, which keeps "œ" (one character for one)."""
    return text.translate(_LIGATURES_IN_CASE)


def fold_in_place(text: str) -> str:
    """Lower case without accents, one character for one, so that spans found in it hold in the original ("Épuisée"
    -> "epuisee"; "’" -> "'"): for finding words and cutting the original text where they are."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    if not _OUTSIDE_THE_TABLES.search(lowered):
        return lowered.translate(_IN_PLACE_TABLE).replace("’", "'")
    return "".join(_first_of_decomposed(char) for char in lowered).replace("’", "'")
