"""Words that dates, counts and opening hours are written with."""

from __future__ import annotations

import re

from french.text import fold

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")  # Monday first, as date.weekday()
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
MONTHS_FOLDED = tuple(fold(month) for month in MONTHS)

# Folded, as they are matched: the words people write a small count or a delay with.
NUMBER_WORDS = {
    "zero": 0,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
}
ROUGH_NUMBER_WORDS = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30}

# The sounds of hesitation that may open an answer before its yes or its no ("euh non", "bah oui", "hm ok"), folded,
# as one regex group: each reader adds its own separator, how many may follow one another, and the words it takes
# besides (a connective like "alors", "eh bien"). One list, so that a sound heard before one kind of answer is heard
# before the others too.
FILLERS = r"(?:euh+|heu+|hm+|bah|ben|bon|ah|oh)"

# People close, folded (no accents, lower case), as one regex alternation: who writes for whom, whose death, which person
# a correction means ("non c'est mon pere, pas ma mere").
KIN = (
    "mari|femme|epouse|epoux|conjoint|conjointe|compagnon|compagne|pere|mere|papa|maman|fils|fille|frere|soeur|"
    "enfant|bebe|beau-pere|belle-mere|oncle|tante|grand-pere|grand-mere|gendre|belle-fille|patron|patronne|associe|associee"
)

# Someone close puts right which person they meant: "non c'est mon pere qui va pas bien, pas ma mere", "pas ma femme, c
# mon associe" (round 15, r15b-08). On folded text, with or without the apostrophe.
_PERSON_PUT_RIGHT = re.compile(
    rf"\b(?:c'est|c est|cest|c) (?P<meant>(?:mon|ma|mes) (?:{KIN}))\b.*\bpas (?:de |pour )?(?P<aside>(?:mon|ma|mes) (?:{KIN}))\b|"
    rf"\bpas (?:de |pour )?(?P<aside2>(?:mon|ma|mes) (?:{KIN}))\b[ ,.]+(?:c'est|c est|cest|c|mais|plutot) (?:de |pour )?"
    rf"(?P<meant2>(?:mon|ma|mes) (?:{KIN}))\b"
)


def person_put_right(folded: str) -> tuple[str, str] | None:
    """(the person meant, the one set aside), folded ("mon pere", "ma mere"); None when no person is put right."""
    found = _PERSON_PUT_RIGHT.search(folded)
    if not found:
        return None
    return (found.group("meant") or found.group("meant2"), found.group("aside") or found.group("aside2"))


# The words for people close that a phone keyboard types without accents ("pere", "soeur"), as the bot writes them back;
# read by the handoff, the crisis path and the case summary alike.
ACCENTED_KIN = {
    "epouse": "épouse",
    "epoux": "époux",
    "pere": "père",
    "mere": "mère",
    "frere": "frère",
    "soeur": "sœur",
    "beau-pere": "beau-père",
    "belle-mere": "belle-mère",
    "grand-pere": "grand-père",
    "grand-mere": "grand-mère",
    "associe": "associé",
    "associee": "associée",
    "niece": "nièce",
    "secretaire": "secrétaire",
    "employe": "employé",
    "employee": "employée",
    "salarie": "salarié",
    "salariee": "salariée",
    "bebe": "bébé",
}
FEMININE_KIN = frozenset(
    [
        "femme",
        "epouse",
        "conjointe",
        "compagne",
        "mere",
        "maman",
        "fille",
        "soeur",
        "belle-mere",
        "tante",
        "grand-mere",
        "belle-fille",
        "patronne",
        "associee",
        "secretaire",
        "salariee",
        "employee",
        "niece",
        "petite-fille",
    ]
)


def with_possessive(word: str) -> str:
    """ "epouse" -> "son épouse" (before a vowel), "fille" -> "sa fille", "pere" -> "son père"."""
    shown = ACCENTED_KIN.get(word, word)
    if word in FEMININE_KIN and shown[0] not in "aeéèiouy":
        return f"sa {shown}"
    return f"son {shown}"
