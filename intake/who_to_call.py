"""Someone close the artisan asks the advisor to call instead of them, without a number yet.

Round 25 (defect 5; make run s24-final first): "c'est elle qu'il faudrait appeler non ?", "c'est plutôt ma femme qu'il faut
appeler ?", "vous pouvez appeler mon mari plutôt ?" (the spouse or the associate who handles the paperwork) got "C'est
justement le rôle d'un conseiller…". The person is read here, "elle" and "lui" from the person named before; the
handoff says yes and asks for their first name and number as it does for a number given for someone close.

Plain readings over folded text (no Rasa here)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from french.text import fold
from french.words import FEMININE_KIN, KIN

_KIN = r"(?P<kin>" + KIN + r"|comptable)"
_CALL = r"(?:appeler|rappeler|apeler|appeller|contacter|joindre|telephoner a|voir avec|parler a|parler avec)"
_RATHER = r"(?:plutot|directement|d'abord|a ma place|au lieu de moi|pas moi|aussi)"
_PERSON = rf"(?:(?:mon|ma) {_KIN}|(?P<pronoun>elle|lui))"
_ASKED = (
    # "c'est (plutôt) ma femme qu'il faut appeler", "c'est elle qu'il faudrait appeler non ?"
    re.compile(
        rf"\bc'? ?(?:est|etait) (?:plutot |peut-etre |surtout |mieux )?{_PERSON} qu'? ?(?:il|vous) (?:faut|faudrait|"
        rf"faudra|devez|devriez|devrez|pouvez|pourriez)(?: plutot)? (?:l'|la |le )?{_CALL}\b"
    ),
    # "vous pouvez appeler mon mari plutôt ?", "le conseiller peut appeler ma femme ?", "vaudrait mieux appeler mon associé"
    re.compile(
        rf"\b(?:vous (?:pouvez|pourriez|pouvez pas|pourriez pas|devriez)|le conseiller (?:peut|pourrait|devrait)|il "
        rf"(?:peut|pourrait|vaut mieux|vaudrait mieux)|vaut mieux|vaudrait mieux|mieux vaut|(?:il )?faut|faudrait|faudra) "
        rf"(?:{_RATHER} )?{_CALL} (?:{_RATHER} )?(?:mon|ma) {_KIN}\b"
    ),
    # "appelez plutôt mon associé", "rappelez ma femme"
    re.compile(rf"\b(?:appelez|rappelez|contactez)(?:-| )(?:{_RATHER} )?(?:mon|ma) {_KIN}\b"),
    # At the offer: "oui mais plutot ma femme c'est elle qui fait les papiers" (make run s25-fin1: the consent then
    # asked for "votre prénom, votre numéro"); a yes, then whom rather than the writer.
    re.compile(rf"^(?:oui|ouais|ok|d'accord|volontiers)(?: mais)?,? plutot (?:avec )?(?:mon|ma) {_KIN}\b"),
)
_EITHER = ("comptable",)
# Round 26: "appelez plutôt mon comptable" at the offer. The chamber calls the artisan, never their accountant: the
# advisor's work is with the artisan (their situation, their consent, their data), and an accountant is a professional
# with their own duties, not someone close relaying the artisan's word. The accountant may be with the artisan during
# the call; no accountant's name or number is asked or kept, with or without a number given.
CALLS_THE_ARTISAN = ("comptable",)
_NAMED_BEFORE = re.compile(r"\b(?:mon|ma) (?P<kin>" + KIN + r"|comptable)\b")
_NUMBER = re.compile(r"\d(?:[\s.-]?\d){7,}")


def _folded(text: str | None) -> str:
    return " ".join(re.sub(r"[^a-z0-9?' -]", " ", fold(text or "").replace("’", "'")).split())


def someone_else_to_call(text: str | None, earlier: Iterable[str] = ()) -> str | None:
    """The relative ("femme", "mari", "associe") the words ask the advisor to call instead of the writer, when they give
    no number ("c'est plutôt ma femme qu'il faut appeler ?"); "elle" and "lui" are the latest person of that gender named
    in ``earlier`` ("c'est ma femme qui fait les papiers", then "c'est elle qu'il faudrait appeler non ?"). None
    otherwise, or when it cannot be said whom."""
    folded = _folded(text)
    if not folded or _NUMBER.search(folded):
        return None
    asked = _asked_to_call(folded, earlier)
    return None if asked in CALLS_THE_ARTISAN else asked


def professional_to_call(text: str | None, earlier: Iterable[str] = ()) -> str | None:
    """The professional ("comptable") the words ask the advisor to call instead of the artisan, with or without their
    number ("appelez plutôt mon comptable", "appelez mon comptable au 06 ..."): the advisor calls the artisan all the
    same (``CALLS_THE_ARTISAN``). None otherwise."""
    asked = _asked_to_call(_NUMBER.sub(" ", _folded(text)).strip(), earlier)
    return asked if asked in CALLS_THE_ARTISAN else None


def _asked_to_call(folded: str, earlier: Iterable[str]) -> str | None:
    if not folded or re.search(r"\b(?:ne|n') ?(?:l'|la |le )?(?:appelez|appeler)\b", folded):
        return None
    said = next((found for found in (pattern.search(folded) for pattern in _ASKED) if found), None)
    if said is None:
        return None
    if said.group("kin"):
        return str(said.group("kin"))
    feminine = said.group("pronoun") == "elle"
    for message in reversed(list(earlier)):
        for named in reversed([str(kin) for kin in _NAMED_BEFORE.findall(_folded(message))]):
            if named in _EITHER or (named in FEMININE_KIN or named == "associee") == feminine:
                return named
    return None


def artisan_called_text(who: str) -> str:
    """The advisor calls the artisan, not their professional (``who``: "votre comptable"), who may be with them."""
    return (
        f"Le conseiller vous appellera vous : c'est avec vous qu'il fait le point. {who.capitalize()} peut être à vos "
        "côtés pendant l'appel."
    )


def to_call_instead_text(who: str) -> str:
    """Yes, said of whom (``who``: "votre femme"), before their first name and number are asked."""
    return f"Oui, bien sûr : le conseiller peut appeler {who}."
