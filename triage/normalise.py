"""Turn what an artisan types on a phone into plain comparable text, remembering where each word came from.

"J'suis à bout, lurssaf me réclame 3 trimestres mais la banq..." becomes clauses such as
"j suis a bout , l urssaf me reclame 3 trimestres" and "la banque ...": lowercase, no accents,
elisions split, SMS spellings expanded, clause breaks at sentence punctuation and at "mais".
Each normalised word keeps its span in the original message so evidence can be quoted verbatim.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from french import fold

_SPELLINGS_FILE = Path(__file__).resolve().parent / "rules" / "spellings.yml"

# A date such as 3/12 or 03/12/2025 stays one token; a word is letters and digits; the punctuation
# kept is what separates clauses (and the comma, which stops negation scopes).
# Phones type "..." as one character, "…": a sentence end like "." (it was dropped, and "mon père … ça va pas du tout
# … il dit qu'il veut plus se réveiller" was one clause whose "pas" denied the sign: round 14).
_TOKEN = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?|[^\W_]+|[.!?;\n,…]", re.UNICODE)
_CLAUSE_BREAK_PUNCTUATION = {".", "!", "?", ";", "\n", "…"}
# Words that open a new clause: what follows "mais" is not under the scope of what came before.
_CLAUSE_BREAK_WORDS = {"mais", "cependant", "pourtant", "neanmoins", "toutefois"}
_CLAUSE_BREAK_PAIRS = {("par", "contre"), ("en", "revanche"), ("sauf", "que")}
# Dictation writes the punctuation out ("c'est de ne plus être là point comme ça"): "virgule" is a comma unless
# between numbers ("3 virgule 5"); "point" ends a sentence unless a word makes it a noun ("le point", "au point",
# "point de vente", "point mort") or the archaic negation ("je ne sais point").
_DICTATED_COMMA = "virgule"
_DICTATED_STOP = "point"
_WORDS_BEFORE_POINT_AS_NOUN = (
    "le un ce cet au du des les mon ton son notre votre leur a tel quel sur en de d bon mauvais gros seul premier "
    "dernier second deuxieme troisieme meme chaque aucun tout quelques plusieurs certains faire fait fais ne n "
    "mettre mis met rond petit grand"
)
_WORDS_AFTER_POINT_AS_NOUN = "de d du des mort fort faible noir chaud culminant commun presse relais retraite vue"
_POINT_AS_NOUN_BEFORE = frozenset(_WORDS_BEFORE_POINT_AS_NOUN.split())
_POINT_AS_NOUN_AFTER = frozenset(_WORDS_AFTER_POINT_AS_NOUN.split())
_LONG_REPEAT = re.compile(r"([a-z])\1{2,}")
# Inside a clause, quotes stop at these words: "... je n'ai plus de clients et je n'arrive plus à payer".
_SOFT_BREAKS = {",", "et", "car", "parce", "donc", "puis", "alors"}
# A degree word right after a negation only softens it: "je ne vois plus trop l'intérêt", "je n'y arrive pas
# vraiment" say what "plus" and "pas" say, and the rules are written against the plain negation. Dropped from
# the clauses the rules read, except a quantity before "de" ("pas trop de travail" is not "pas de travail"); kept
# by normalise(), which reads answers, where "non pas vraiment" to the suicide question is no clear no.
_NEGATIONS = {"pas", "plus", "jamais"}
_SOFTENERS = {"trop", "vraiment", "tellement", "guere", "franchement", "tres", "beaucoup"}
_QUANTITIES = {"trop", "beaucoup", "tellement"}
# Chat and speech set small words off by commas inside a phrase: "j'ai envie de, franchement, mourir", "je
# recommence à, bon ben, me faire du mal", "pas envie, bon, d'en finir". The aside says nothing, and read with it
# the phrase is no longer the one the rules and the models know (a negation even lost its scope at the comma).
# Dropped with both its commas; a word of the list not set off by two commas stays ("enfin payé").
_ASIDES = frozenset(
    {
        "a peu pres",
        "bah",
        "ben",
        "bon",
        "bon bah",
        "bon ben",
        "bref",
        "disons",
        "du coup",
        "en fait",
        "en gros",
        "en vrai",
        "enfin",
        "euh",
        "franchement",
        "genre",
        "hein",
        "pour faire court",
        "pour tout vous dire",
        "quoi",
        "sincerement",
        "tu vois",
        "vous voyez",
        "voila",
    }
)
_LONGEST_ASIDE = 4


# Pasted HTML (an e-mail, a web form): "<p>Bonjour,</p><p>Je suis <b>photographe</b> ... me doit <strong>4 800
# €</strong>" reached the rules as "p bonjour p p je suis b photographe b ... me doit strong 4 800 strong" and no
# category was found (round 7, r7b-07). Only the tags HTML knows are markup: "<3" or "<moi>" stay as typed. A block
# (paragraph, line break, list item) ends a clause as a new line does; an inline tag is a space.
_BLOCK_TAGS = (
    "p|br|div|li|ul|ol|dl|dt|dd|tr|td|th|table|thead|tbody|tfoot|caption|h[1-6]|blockquote|hr|pre|section|article|"
    "header|footer|main|nav|aside|address|form|fieldset|center|body|html|head|title"
)
_INLINE_TAGS = (
    "span|b|strong|i|em|u|s|strike|del|ins|small|big|font|a|sup|sub|mark|code|kbd|abbr|cite|q|label|img|wbr|meta|link"
)
_HIDDEN = re.compile(r"<!--.*?-->|<(script|style)\b[^>]{0,300}>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK_TAG = re.compile(rf"</?(?:{_BLOCK_TAGS})(?:\s[^<>]{{0,300}})?/?>", re.IGNORECASE)
_INLINE_TAG = re.compile(rf"</?(?:{_INLINE_TAGS})(?:\s[^<>]{{0,300}})?/?>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")


def without_markup(text: str) -> str:
    """The words of a message without HTML: tags out (a block is a new line, an inline tag a space), entities
    read ("&amp;" -> "&", "&eacute;" -> "é"). Text without markup is returned as it is.

    >>> without_markup("<p>Bonjour,</p><p>Un client me doit <b>4 800 &euro;</b></p>").split()
    ['Bonjour,', 'Un', 'client', 'me', 'doit', '4', '800', '€']
    """
    if "<" not in text and "&" not in text:
        return text
    plain = _HIDDEN.sub(" ", text)
    plain = _BLOCK_TAG.sub("\n", plain)
    plain = _INLINE_TAG.sub(" ", plain)
    if _ENTITY.search(plain):
        plain = html.unescape(plain)
    return plain


def _aside_tokens(words: list[str]) -> set[int]:
    """Indexes of the tokens of every aside set off by commas (both commas included); `words` are the tokens
    normalised one by one, commas as ","."""
    skipped: set[int] = set()
    for index, word in enumerate(words):
        if word != "," or index in skipped:
            continue
        for length in range(1, _LONGEST_ASIDE + 1):
            closing = index + length + 1
            if closing < len(words) and words[closing] == "," and " ".join(words[index + 1 : closing]) in _ASIDES:
                skipped.update(range(index, closing + 1))
                break
    return skipped


def _softens_negation(previous: str | None, word: str, following: str | None) -> bool:
    return (
        previous in _NEGATIONS
        and word in _SOFTENERS
        and not (word in _QUANTITIES and following is not None and following in {"de", "d"})
    )


@lru_cache(maxsize=1)
def _spellings() -> dict[str, str]:
    raw = yaml.load(_SPELLINGS_FILE.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    table: dict[str, str] = {}
    for replacement, variants in raw["spellings"].items():
        for variant in variants:
            table[fold(str(variant))] = str(replacement)
    return table


@lru_cache(maxsize=8192)
def normalise_word(word: str) -> str:
    """One typed word -> one or more normalised words ("jsuis" -> "je suis", "banq" -> "banque")."""
    folded = _LONG_REPEAT.sub(r"\1", fold(word))  # "pluuuus" -> "plus"
    spelled = _spellings().get(folded)
    if spelled is not None:
        return spelled
    return _unglued(folded) or folded


# Phones drop the apostrophe: "latelier", "linstant", "narrive", "mont" (m'ont), "sil". An elided letter glued
# to a word the rules or the corpus know, when the whole is no word they know, is the two words again.
_GLUED = re.compile(r"^(qu|[ldjnmst])([aeiouyh][a-z]{2,}|il|on|en)$")
# Two-letter pronouns after the letters that elide before them ("sil", "quil", "quon", "sen").
_GLUED_PRONOUNS = {"il": "sq", "on": "q", "en": "snmlq"}
# Not spellings.yml: its variants are what is typed ("lurssaf"), not words.
_VOCABULARY_FILES = (
    "rules/categories.yml",
    "rules/signals.yml",
    "rules/urgency.yml",
    "rules/distress.yml",
    "data/categories_corpus.yml",
    "data/distress_corpus.yml",
)


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    """Every word the rules and the learned corpora are written with (normalised, three letters or more)."""
    here = Path(__file__).resolve().parent
    words: set[str] = set()
    for pattern in _VOCABULARY_FILES:
        for path in sorted(here.glob(pattern)):
            words.update(re.findall(r"[a-z]{3,}", fold(path.read_text(encoding="utf-8"))))
    return frozenset(words)


@lru_cache(maxsize=1)
def _never_unglued() -> frozenset[str]:
    raw = yaml.load(_SPELLINGS_FILE.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return frozenset(str(raw["never_unglued"]).split())


def _unglued(folded: str) -> str | None:
    """ "latelier" -> "l atelier" when "atelier" is a known word and "latelier" is not; else None."""
    match = _GLUED.match(folded)
    if match is None or folded in _never_unglued() or folded in _vocabulary():
        return None
    letter, rest = match.groups()
    if rest in _GLUED_PRONOUNS:
        return f"{letter} {rest}" if letter[0] in _GLUED_PRONOUNS[rest] else None
    rest = _spellings().get(rest, rest)
    return f"{letter} {rest}" if rest.split()[0] in _vocabulary() else None


# Spoken and regional French drops the vowel before a consonant too: "l'compte", "d'Lens", "j'vends",
# "ed'2000". Standard French elides only before a vowel or a mute h, so an elided letter before a consonant
# is the full word ("le compte", "de Lens", "je vends"), and the rules written for it apply.
_ELIDED_BEFORE_CONSONANT = {"l": "le", "d": "de", "j": "je"}
_VOWEL_OR_MUTE = frozenset("aeiouyh")


def _unelided(normalised: str, next_raw: str | None) -> str:
    if normalised not in _ELIDED_BEFORE_CONSONANT or not next_raw:
        return normalised
    following = fold(next_raw)[:1]
    if following.isalpha() and following not in _VOWEL_OR_MUTE:
        return _ELIDED_BEFORE_CONSONANT[normalised]
    return normalised


@dataclass(frozen=True)
class Clause:
    """A clause of one message: normalised text plus the original span of every normalised word."""

    text: str
    source: str  # the whole original message
    words: tuple[tuple[int, int, int, int], ...]  # (start, end) in text, (start, end) in source

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The original characters behind text[start:end]."""
        covered = [word for word in self.words if word[0] < end and word[1] > start]
        if not covered:
            return (0, 0)
        return covered[0][2], covered[-1][3]

    def quote(self, start: int, end: int, max_words: int = 12) -> str:
        """The artisan's own words around text[start:end]: the part of the clause between commas or
        "et" that holds them (widened when very short), shortened with "…" when still long."""
        if not self.words:
            return ""
        indexes = [i for i, word in enumerate(self.words) if word[0] < end and word[1] > start] or [0]
        first, last = self._segment(indexes[0], indexes[-1])
        if last - first + 1 > max_words:
            spare = max(max_words - (indexes[-1] - indexes[0] + 1), 0)
            first = max(indexes[0] - spare // 2, 0)
            last = min(first + max(max_words, indexes[-1] - indexes[0] + 1) - 1, len(self.words) - 1)
            first = max(min(first, last - max_words + 1), 0)
        start_at, end_at = self.words[first][2], self.words[last][3]
        if self.source.count("(", start_at, end_at) > self.source.count(")", start_at, end_at):
            # "demain (mercredi 9 décembre)": the bracket the last word leaves open is closed right after it (round
            # 36, make run: the urgency's reason quoted "« demain (mercredi 9 décembre »").
            close = self.source.find(")", end_at)
            if close >= 0 and not self.source[end_at:close].strip():
                end_at = close + 1
        text = self.source[start_at:end_at].strip(" ,")
        text = " ".join(text.split())
        prefix = "… " if first > 0 and self._word(first - 1) not in _SOFT_BREAKS else ""
        suffix = " …" if last < len(self.words) - 1 and self._word(last + 1) not in _SOFT_BREAKS else ""
        return f"{prefix}{text}{suffix}"

    def _word(self, index: int) -> str:
        start, end = self.words[index][:2]
        return self.text[start:end]

    def _segment(self, first: int, last: int, min_words: int = 4) -> tuple[int, int]:
        """Widen [first, last] to the surrounding soft breaks, then to neighbours while too short."""
        while first > 0 and self._word(first - 1) not in _SOFT_BREAKS:
            first -= 1
        while last < len(self.words) - 1 and self._word(last + 1) not in _SOFT_BREAKS:
            last += 1
        while last - first + 1 < min_words and (first > 0 or last < len(self.words) - 1):
            if first > 0:
                first -= 1
            if last < len(self.words) - 1 and last - first + 1 < min_words:
                last += 1
        return first, last


def split_clauses(message: str) -> list[Clause]:
    """Normalise a message and cut it into clauses."""
    return list(_clauses(message))


@lru_cache(maxsize=8192)
def whole_clause(message: str) -> Clause | None:
    """The whole message normalised as one clause: no cut at sentence ends nor at "mais", which stays a
    word. For the patterns whose two halves a "mais" joins ("j'ai un plan, mais je ne veux pas en parler")."""
    clauses = _split_clauses(message, cut=False)
    return clauses[0] if clauses else None


# The action server's triage reads every message of the conversation again at each turn: each is cut once.
# Clauses are frozen; bounded.
@lru_cache(maxsize=8192)
def _clauses(message: str) -> tuple[Clause, ...]:
    return tuple(_split_clauses(message))


def _split_clauses(message: str, cut: bool = True) -> list[Clause]:
    # Quotes are taken from the text without markup: an advisor reads the artisan's words, not the tags.
    message = without_markup(message)
    clauses: list[Clause] = []
    parts: list[str] = []
    words: list[tuple[int, int, int, int]] = []
    length = 0

    def close() -> None:
        nonlocal parts, words, length
        if words:
            clauses.append(Clause(" ".join(parts), message, tuple(words)))
        parts, words, length = [], [], 0

    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(message)]
    asides = _aside_tokens([raw if raw == "," else normalise_word(raw) for raw, _, _ in tokens])
    skip_next = False
    for index, (raw, start, end) in enumerate(tokens):
        if skip_next:
            skip_next = False
            continue
        if index in asides:
            continue
        if raw in _CLAUSE_BREAK_PUNCTUATION:
            if cut:
                close()
            continue
        normalised = "," if raw == "," else normalise_word(raw)
        normalised = _unelided(normalised, tokens[index + 1][0] if index + 1 < len(tokens) else None)
        if cut and normalised in (_DICTATED_COMMA, _DICTATED_STOP) and _dictated(normalised, tokens, index, parts):
            if normalised == _DICTATED_STOP or not parts:
                close()  # a dictated comma opening the message opens nothing
                continue
            normalised = ","
        if cut and normalised in _CLAUSE_BREAK_WORDS:
            close()
            continue
        if (
            cut
            and index + 1 < len(tokens)
            and (normalised, normalise_word(tokens[index + 1][0])) in _CLAUSE_BREAK_PAIRS
        ):
            close()
            skip_next = True
            continue
        if not normalised:
            continue  # words the table maps to nothing ("mdr")
        following = normalise_word(tokens[index + 1][0]) if index + 1 < len(tokens) else None
        if _softens_negation(parts[-1] if parts else None, normalised, following):
            continue
        offset = length + (1 if parts else 0)
        parts.append(normalised)
        words.append((offset, offset + len(normalised), start, end))
        length = offset + len(normalised)
    close()
    return clauses


def _dictated(word: str, tokens: list[tuple[str, int, int]], index: int, parts: list[str]) -> bool:
    """ "virgule" or "point" said for the punctuation mark by someone dictating."""
    before = parts[-1] if parts else None
    after = normalise_word(tokens[index + 1][0]) if index + 1 < len(tokens) else None
    if word == _DICTATED_COMMA:
        return not (before and before.isdigit() and after and after.isdigit())
    if before is None or before in _POINT_AS_NOUN_BEFORE or before == ",":
        return False
    return after not in _POINT_AS_NOUN_AFTER


def normalise(text: str) -> str:
    """Plain comparable text: lowercase, no accents, elisions split, SMS spellings expanded, no punctuation.

    >>> normalise("Jsuis à bout, lurssaf me réclame 3 trimestres !")
    'je suis a bout l urssaf me reclame 3 trimestres'
    """
    words = []
    tokens = _TOKEN.findall(without_markup(text))
    for index, raw in enumerate(tokens):
        if raw in _CLAUSE_BREAK_PUNCTUATION or raw == ",":
            continue
        normalised = _unelided(normalise_word(raw), tokens[index + 1] if index + 1 < len(tokens) else None)
        if normalised:
            words.append(normalised)
    return " ".join(words)
