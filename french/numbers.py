"""Numbers written in words, as dictation and some typists write them: "zéro six douze trente-quatre" -> "06 12 34"."""

from __future__ import annotations

import re

from text_to_num import alpha2digit

# Without accents "zero" is not read by text2num: the accented form is.
_ZERO = re.compile(r"\bz[ée]ro\b", re.IGNORECASE)


_ZERO_BEFORE_DIGITS = re.compile(r"\bzéro[\s.-]*(?=\d)")


def digits_from_words(text: str) -> str:
    """The text with the numbers written in words turned into digits (French); the rest unchanged."""
    converted = alpha2digit(_ZERO.sub("zéro", text), "fr")
    return _ZERO_BEFORE_DIGITS.sub("0", converted)  # "zéro 6 12 34 56 78": the leading zero said, the rest typed
