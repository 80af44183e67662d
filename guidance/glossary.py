"""Plain definitions of the words an artisan meets ("c'est quoi un échéancier ?"), from guidance/glossary.yml.

    term_asked("c'est quoi un échéancier ?")   # the entry, or None
    term_asked("la banque parle de conciliation, ça veut dire quoi ?")

A definition is asked when a short message names a known term and asks what it is ("c'est quoi", "ça veut
dire quoi", "qu'est-ce que", "définition"), or is the term alone with a question mark ("l'ACED ?"). Light on
purpose (YAML and regular expressions): the Rasa server's definition guard imports it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from french.text import fold

GLOSSARY = Path(__file__).with_name("glossary.yml")
# The parse data's key for the entry asked about (set by bot/components/definition_guard.py, read by the actions).
DEFINITION_KEY = "definition"
MAX_WORDS = 16

_ASKING = re.compile(
    r"\b(c est quoi|c quoi|cest quoi|c koi|c est koi|ca veut dire quoi|ca veut dire|ca signifie|que veut dire|"
    r"que signifie|qu est ce que|qu est ce qu|qu est ce|c est qui|definition|expliquez moi|expliquer|"
    r"ca consiste en quoi|ca sert a quoi|a quoi ca sert|c est comment|comment ca marche|comprends pas|"
    r"sais pas ce que c est|ce que c est|ce que ca veut dire|"
    # What one asks of a service: its price, who answers, when ("le 3114 c'est payant ?", "qui répond au 3114 ?").
    r"payant|gratuit|anonyme|qui repond|joignables?|faut (?:il )?payer|c est des|ouvert)\b"
)
_ARTICLE = r"(?:un |une |le |la |les |l |des |du |d un |d une |de la |de l |d )?"


@dataclass(frozen=True)
class Definition:
    id: str
    text: str
    terms: re.Pattern[str]
    # The ways a short message asks for it, compiled once (the guard reads every message): the term alone, or the
    # asking words right before it ("c'est quoi un échéancier") or right after it ("la CCSF c'est quoi").
    alone: re.Pattern[str]
    asked_before: re.Pattern[str]
    asked_after: re.Pattern[str]


@lru_cache(maxsize=1)
def definitions() -> tuple[Definition, ...]:
    raw = yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))
    entries = []
    for entry in raw["entries"]:
        term = r"(?:" + "|".join(entry["terms"]) + r")"
        entries.append(
            Definition(
                entry["id"],
                " ".join(entry["text"].split()),
                re.compile(r"\b" + term + r"\b"),
                re.compile(_ARTICLE + r"(?:\b" + term + r"\b)"),
                re.compile(_ASKING.pattern + r"(?: \w+){0,3} (?:\b" + term + r"\b)"),
                re.compile(r"(?:\b" + term + r"\b)(?: \w+){0,2} " + _ASKING.pattern),
            )
        )
    return tuple(entries)


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w?]+", " ", fold(text).replace("'", " ")).split())


def term_asked(text: str | None) -> Definition | None:
    """The definition a short question asks for, or None."""
    if not text or text.startswith("/"):
        return None
    plain = _plain(text)
    words = plain.replace("?", " ").split()
    if not words or len(words) > MAX_WORDS:
        return None
    bare = plain.rstrip(" ?")
    for definition in definitions():
        if not definition.terms.search(bare):
            continue
        # "qu'est-ce que je fais, je suis en redressement" asks what to do, not what the word means: the asking
        # words must stand next to the term.
        if (
            (definition.alone.fullmatch(bare) and plain.endswith("?"))
            or definition.asked_before.search(bare)
            or definition.asked_after.search(bare)
        ):
            return definition
    return None


_AROUND = re.compile(
    r"^(?:(?:bonjour|bonsoir|salut|euh|et|mais|alors|svp|excusez moi|pardon) )*|(?: (?:svp|s il vous plait|merci))*$"
)


def asks_only_definition(text: str | None) -> bool:
    """The whole message asks what a word means ("c koi une conciliation ?"), nothing else: it tells no difficulty
    of the artisan's, so the triage leaves it out (the word may come from a letter, a neighbour, the news)."""
    if not text or text.startswith("/"):
        return False
    plain = _plain(text)
    core = _AROUND.sub("", plain.rstrip(" ?")).strip()
    if not core:
        return False
    return any(
        d.asked_before.fullmatch(core)
        or d.asked_after.fullmatch(re.sub("^" + _ARTICLE, "", core))
        or (d.alone.fullmatch(core) and plain.endswith("?"))
        for d in definitions()
    )


def definition_text(definition_id: str | None) -> str | None:
    return next((d.text for d in definitions() if d.id == definition_id), None)


# "c'est quoi la différence entre redressement et liquidation ?" (round 9, r9a-20: redressement alone was defined).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀÂÉÈÊÎÔÛÇ])")
COMPARED_CLOSING = "Nos conseillers peuvent vous dire ce qui correspond à votre situation."
MAX_COMPARED = 3


def definitions_named(text: str | None) -> tuple[Definition, ...]:
    """Every glossary entry a message names, in the order it names them (each once)."""
    if not text or text.startswith("/"):
        return ()
    bare = _plain(text).rstrip(" ?")
    found = sorted(
        ((match.start(), definition) for definition in definitions() if (match := definition.terms.search(bare))),
        key=lambda pair: pair[0],
    )
    return tuple(definition for _start, definition in found)


def definition_answer(definition_id: str | None, text: str | None) -> str | None:
    """The definition asked for (``definition_id``, from the definition guard); when the same question names other
    terms ("la différence entre redressement et liquidation"), the first sentence of each, in the order asked, then
    where to go for the choice: at most three sentences."""
    asked = definition_text(definition_id)
    ordered = list(definitions_named(text))
    if asked is None or not any(d.id != definition_id for d in ordered):
        return asked
    if not any(d.id == definition_id for d in ordered):
        ordered.insert(0, next(d for d in definitions() if d.id == definition_id))
    ordered = ordered[:MAX_COMPARED]
    sentences = [_SENTENCE_END.split(d.text, maxsplit=1)[0] for d in ordered]
    if len(sentences) < MAX_COMPARED:
        sentences.append(COMPARED_CLOSING)
    return " ".join(sentences)
