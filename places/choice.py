"""The answer to "which one?" after a name shared by several places ("Saint-Denis (974)", "Saint-Denis (93)").

``choose("celle de la réunion", ["Saint-Denis (974)", "Saint-Denis (93)"])`` -> ``("974", "Saint-Denis")``. People
answer with the département's name or code ("la Réunion", "le 93"), where it is ("celle près de Paris"), or its rank
("la première"); round 5 of off-script conversations lost "celle de la reunion" (no département saved).

Round 16 (r16b-14): "la premiere sur saone" after three Villefranche picked Villefranche-sur-Saône (69), then was read
again as the village of Saône (25), and the case kept 69's commune with 25. A free-text choice picks one candidate and
only that: its rank, a part of its name only it bears ("celle sur saône", "rouergue", "billancourt"), its département
("celle de l'Aveyron", "ds laveyron") must agree; an answer that speaks of the candidates and picks none of them
(``speaks_of_choices``: "la quatrième", "celle sur loire", "la 2e, dans le Rhône" when the 2nd is in the Aveyron) is
never read as another place: the question is asked again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from places.data import departements
from places.resolve import departement_code, resolve
from places.text import normalise

_LABEL = re.compile(r"^(?P<name>.*?)\s*\((?P<code>\w{2,3})\)\s*$")
_ORDINALS = {
    # Digits only with their suffix: "le 2" may be the Aisne.
    0: r"premiere?|1(?:ere?|re|er)",
    1: r"deuxieme|seconde?|2(?:e|eme|nde)",
    2: r"troisieme|3(?:e|eme)",
    3: r"quatrieme|4(?:e|eme)",
    -1: r"derniere?",
}
# "la première fois", "une seconde" (wait a second): no rank.
_NO_RANK_BEFORE = r"(?<!\bune )(?<!\b1 )"
_NO_RANK_AFTER = r"(?! fois\b)"
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
    """(département code, commune name) of the choice the answer picks, or None when it picks none of them.

    Each way of naming a choice the answer uses (its rank, a part of its name only it bears, its département) points
    at some of them; the answer picks the one they all point at, and none when they disagree ("la deuxième, dans le
    Rhône" when the second is in the Aveyron) or when it names a place none of them is ("la première sur Saône" among
    Boulogne-sur-Mer and Boulogne-Billancourt). "sur mer" among Villefranche-sur-Saône, -de-Rouergue and -de-Lauragais
    completes the name: Villefranche-sur-Mer (06), a namesake not offered (only the first three are)."""
    options = _parsed(choices)
    text = " ".join((answer or "").split())
    if not options or not text or text.startswith("/"):
        return None
    for label, code, name in options:
        if text == label:
            return code, name
    signals = _signals(text, options)
    if signals is None:
        return _completed(text, options)
    if signals:
        agreed = set.intersection(*signals)
        if len(agreed) == 1:
            _, code, name = options[agreed.pop()]
            return code, name
        return None
    return _completed(text, options)


def settled_by_another_town(choices: Sequence[str], codes: set[str]) -> tuple[str, str | None] | None:
    """Round 18, r18a-14: the namesakes offered for "Évry" (91, 89), then "sur un toit à Corbeil" (91, 51): the one
    choice in the only département the other town's namesakes share with them, or None."""
    options = [(code, name) for _, code, name in _parsed(choices) if code in codes]
    return options[0] if len({code for code, _ in options}) == 1 else None


def speaks_of_choices(answer: str | None, choices: Sequence[str]) -> bool:
    """Whether a short answer speaks of the candidates offered ("la quatrième", "celle sur loire", "la 2e, dans le
    Rhône", "sur saone"), whether or not it picks one: such an answer is no other place to read ("sur saone" is the
    village of Saône, 25, r16b-14)."""
    options = _parsed(choices)
    text = " ".join((answer or "").split())
    words = normalise(text)
    if not options or not text or text.startswith("/") or len(words.split()) > _SHORT_ANSWER:
        return False
    signals = _signals(text, options)
    ranked = any(re.search(rf"\b(?:{pattern})\b{_NO_RANK_AFTER}", words) for pattern in _ORDINALS.values())
    return signals is None or bool(signals) or ranked or bool(_POINTING.search(words) or _qualifiers(words))


# An answer of at most this many words is read as an answer to "Laquelle ?"; a longer one is a sentence.
_SHORT_ANSWER = 8
# "celle", "celui-là", "la bonne", "c'est l'autre": words pointing at one of the candidates.
_POINTING = re.compile(r"\b(?:celle|celles|celui|ceux|cel|cell|la bonne|le bon|l autre|la mienne|la notre)\b")
# Words of a commune's name that tell nothing apart ("Villefranche-sur-Saône": "sur").
_NAME_GLUE = frozenset({"sur", "sous", "de", "du", "des", "d", "la", "le", "les", "l", "en", "et", "lez", "aux"})
# "sur Saône", "sur mer": a part of a commune's name said alone.
_QUALIFIER = re.compile(r"\bsur (?:la |le |les |l )?(?P<word>[a-z]{3,})\b")


def _name_words(name: str) -> set[str]:
    return {word for word in normalise(name).split() if word not in _NAME_GLUE and len(word) >= 3}


def _qualifiers(words: str) -> list[str]:
    """The places an answer's "sur X" names ("sur saone", "sur mer"): X when it is a place (never "sur la liste")."""
    found = []
    for match in _QUALIFIER.finditer(words):
        word = match.group("word")
        if resolve(word, typos=False).found or departement_code(word):
            found.append(word)
    return found


def _signals(text: str, options: list[tuple[str, str, str]]) -> list[set[int]] | None:
    """The choices each way of naming one points at (by index), or None when the answer names what none of them is: a
    rank beyond the last, a "sur X" no choice's name bears."""
    words = normalise(text)
    count = len(words.split())
    signals: list[set[int]] = []
    # A part of a name only some choices bear: "sur saone", "celle de rouergue", "billancourt".
    names = [_name_words(name) for _, _, name in options]
    shared = set.intersection(*names) if names else set()
    said = set(words.split())
    by_name = {index for index, name in enumerate(names) if (name - shared) & said}
    if by_name and len(by_name) < len(options):
        signals.append(by_name)
    if any(word not in set().union(*names) for word in _qualifiers(words)):
        return None  # "la première sur Saône" among the Boulogne: a place none of them is
    # The département: its code, its name (also glued to its article as SMS write it: "laveyron"), a place near it.
    codes = {code: name for _, code, name in options}
    code = _picked(text, codes)
    if code is None:
        # "celui à côté de Paris, le 9-3": each part read on its own; the choice is the one they agree on.
        parts = [part for part in _PARTS.split(text) if part and part.strip()]
        named = {code for code in (_picked(part, codes) for part in parts) if code}
        if len(named) > 1:
            return None  # "celui de paris ou de la reunion": two choices said
        code = named.pop() if named else _departement_named(words, codes)
    if code:
        signals.append({index for index, option in enumerate(options) if option[1] == code})
    # The rank: said alone ("la première", "la 2e svp"), or with other words that must agree ("la 2e, dans le Rhône").
    rank = next(
        (
            index
            for index, pattern in _ORDINALS.items()
            if re.search(rf"{_NO_RANK_BEFORE}\b(?:{pattern})\b{_NO_RANK_AFTER}", words)
        ),
        None,
    )
    if rank is not None and (count <= 4 or (signals and count <= _SHORT_ANSWER)):
        if not -len(options) <= rank < len(options):
            return None  # "la quatrième" of three
        signals.append({rank % len(options)})
    return signals


def _departement_named(words: str, codes: dict[str, str]) -> str | None:
    """The one choice's département whose name the answer says, also with its article glued ("ds laveyron", "lherault":
    the village of Laveyron, 26, is no choice)."""
    said = f" {words} "
    named = set()
    for code in codes:
        name = normalise(departements().get(code) or "")
        bare = re.sub(r"^(?:la|le|les|l) ", "", name)
        if bare and (f" {bare} " in said or f" l{bare} " in said):
            named.add(code)
    return named.pop() if len(named) == 1 else None


def _completed(text: str, options: list[tuple[str, str, str]]) -> tuple[str, str | None] | None:
    """The namesake an answer completes the offered name into ("sur mer" after the Villefranche: Villefranche-sur-Mer,
    06), a commune bearing that very name; None otherwise."""
    words = normalise(text)
    qualifier = _QUALIFIER.search(words)
    stems = {" ".join(normalise(name).split()[:1]) for _, _, name in options}
    if qualifier is None or len(stems) != 1 or len(words.split()) > _SHORT_ANSWER:
        return None
    stem = stems.pop()
    found = resolve(f"{stem} {words[qualifier.start() :]}", typos=False)
    if found.found and found.said and normalise(found.said).startswith(f"{stem} ") and found.departement:
        return found.departement, found.said
    return None


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
