"""The answer to "which one?" after a name shared by several places ("Saint-Denis (974)", "Saint-Denis (93)").

``choose("celle de la réunion", ["Saint-Denis (974)", "Saint-Denis (93)"])`` -> ``("974", "Saint-Denis")``. People
answer with the département's name or code ("la Réunion", "le 93"), where it is ("celle près de Paris"), or its rank
("la première"); round 5 of off-script conversations lost "celle de la reunion" (no département saved).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from places.resolve import departement_code, resolve
from places.text import normalise

_LABEL = re.compile(r"^(?P<name>.*?)\s*\((?P<code>\w{2,3})\)\s*$")
_ORDINALS = {
    # Digits only with their suffix: "le 2" may be the Aisne.
    0: r"premiere?|1(?:ere?|re|er)",
    1: r"deuxieme|seconde?|2(?:e|eme|nde)",
    2: r"troisieme|3(?:e|eme)",
    -1: r"derniere?",
}
# "du"/"des" stay with the place: they hold the article of a town's name ("près du Havre" is Le Havre, round 15).
_NEAR = re.compile(
    r"\b(?:(?:pres|a cote|pas loin|du cote|autour|proche|en banlieue|region) (?:(?=du |des )|de\b|d\b)|vers)\s*"
    r"(?P<place>.+)$"
)
# "près de Paris": Paris and the départements around it (Île-de-France), where a name's namesake near Paris lies.
_AROUND_PARIS = frozenset({"75", "77", "78", "91", "92", "93", "94", "95"})
# "en région parisienne", "en IDF": said of the Paris area without naming a place.
_PARIS_AREA = re.compile(r"\b(?:parisien(?:ne)?s?|ile de france|idf|rp)\b")
# "le 9-3", "le 9.3", "le 9 3", "le neuf trois": a code said digit by digit, as the Paris suburbs are named (round 12,
# r12c-01: "celui a coté de paris, le 9-3" after the Saint-Denis choices was given up, then noted 75).
_DIGITS = {"un": "1", "deux": "2", "trois": "3", "quatre": "4", "cinq": "5", "six": "6", "sept": "7", "huit": "8"}
_DIGITS["neuf"] = "9"
_SPELT_CODE = re.compile(r"(?<![\d,])(?P<tens>[1-9])\s*[-.\s]\s*(?P<units>\d)(?![\d,])")
_SPELT_WORDS = re.compile(rf"\b(?P<tens>{'|'.join(_DIGITS)})[\s-]+(?P<units>{'|'.join(_DIGITS)}|zero)\b")
# Where an answer's parts split: "celui à côté de Paris, le 9-3" says the choice twice.
_PARTS = re.compile(r"[,;.!?()]+|\s(?:et|ou|mais|donc|enfin)\s")


def _parsed(choices: Sequence[str]) -> list[tuple[str, str, str]]:
    """(label, code, name) of each choice that carries its département code."""
    parsed = []
    for label in choices:
        match = _LABEL.match(label or "")
        code = departement_code(match.group("code")) if match else None
        if match and code:
            parsed.append((label, code, match.group("name")))
    return parsed


def choose(answer: str | None, choices: Sequence[str]) -> tuple[str, str | None] | None:
    """(département code, commune name) of the choice the answer picks, or None when it picks none of them."""
    options = _parsed(choices)
    text = " ".join((answer or "").split())
    if not options or not text or text.startswith("/"):
        return None
    for label, code, name in options:
        if text == label:
            return code, name
    words = normalise(text)
    rank = next((index for index, pattern in _ORDINALS.items() if re.search(rf"\b(?:{pattern})\b", words)), None)
    if rank is not None and len(words.split()) <= 4 and -len(options) <= rank < len(options):
        _, code, name = options[rank]
        return code, name
    codes = {code: name for _, code, name in options}
    picked = _picked(text, codes)
    if picked is None:
        # "celui à côté de Paris, le 9-3": each part read on its own; the choice is the one they agree on.
        parts = [part for part in _PARTS.split(text) if part and part.strip()]
        said = {code for code in (_picked(part, codes) for part in parts) if code}
        picked = said.pop() if len(said) == 1 else None
    return (picked, codes[picked]) if picked else None


def _picked(text: str, codes: dict[str, str]) -> str | None:
    """The code among ``codes`` that one part of an answer names: by its code (spelt digit by digit too), the place it
    names, or the place it is said to be near."""
    words = normalise(text)
    for pattern, said_in in ((_SPELT_CODE, text), (_SPELT_WORDS, words)):
        for match in pattern.finditer(said_in):
            tens, units = match.group("tens"), match.group("units")
            code = _DIGITS.get(tens, tens) + ("0" if units == "zero" else _DIGITS.get(units, units))
            if code in codes:
                return code
    near = _NEAR.search(words)
    said = resolve(near.group("place") if near else text, typos=False)
    if said.found and said.departement in codes:
        return said.departement
    around = [code for code in codes if code in _AROUND_PARIS]
    # "près de Paris", "celui de Paris" when Paris is no choice, "en région parisienne": the one around Paris.
    paris_area = (said.found and said.departement == "75" and "75" not in codes) or _PARIS_AREA.search(words)
    if paris_area and len(around) == 1:
        return around[0]
    return None
