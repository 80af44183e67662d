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
_NEAR = re.compile(
    r"\b(?:(?:pres|a cote|pas loin|du cote|autour|proche|en banlieue|region) (?:de|du|des|d)|vers)\s+(?P<place>.+)$"
)
# "près de Paris": Paris and the départements around it (Île-de-France), where a name's namesake near Paris lies.
_AROUND_PARIS = frozenset({"75", "77", "78", "91", "92", "93", "94", "95"})


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
    near = _NEAR.search(words)
    said = resolve(near.group("place") if near else text, typos=False)
    if said.found and said.departement in codes:
        return said.departement, codes[said.departement]
    if near and said.found and said.departement == "75":
        around = [code for code in codes if code in _AROUND_PARIS]
        if len(around) == 1:
            return around[0], codes[around[0]]
    return None
