"""french.text folds through tables made once (issue 18): exactly what decomposing character by character gives, for
every character of the tables' ranges and beyond them, alone and in strings (combining marks included)."""

from __future__ import annotations

import random
import unicodedata

import pytest

from french.text import fold, fold_in_place

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})


def fold_by_character(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold_in_place_by_character(text: str) -> str:
    out = []
    for char in text.lower():
        decomposed = unicodedata.normalize("NFKD", char)
        out.append(decomposed[0] if decomposed else char)
    return "".join(out).replace("’", "'")


CHARACTERS = [chr(code) for code in range(0x3000) if not 0xD800 <= code < 0xE000]


def test_every_character_alone() -> None:
    for char in CHARACTERS:
        assert fold(char) == fold_by_character(char), hex(ord(char))
        assert fold_in_place(char) == fold_in_place_by_character(char), hex(ord(char))


@pytest.mark.parametrize(
    "text",
    [
        "Épuisée, ma sœur m'a dit d'appeler",
        "jsuis a bout… l’huissier vient lundi",
        "ÇA VA PAS DU TOUT, 3 000 € à l'URSSAF",
        "e\u0301te\u0301 (accents typed apart), Œuvre, Straße",
        "mon numéro ☎ 06 12 34 56 78 😢",
        "",
    ],
)
def test_messages(text: str) -> None:
    assert fold(text) == fold_by_character(text)
    assert fold_in_place(text) == fold_in_place_by_character(text)
    assert len(fold_in_place(text)) == len(text.lower())


def test_random_strings() -> None:
    rng = random.Random(18)
    pool = CHARACTERS + list("aeiouéèêàçôûœ’' ") * 100 + ["\u0301", "\u0327", "\u0308", "\U0001f622"]
    for _ in range(20000):
        text = "".join(rng.choice(pool) for _ in range(rng.randrange(12)))
        assert fold(text) == fold_by_character(text), repr(text)
        assert fold_in_place(text) == fold_in_place_by_character(text), repr(text)
