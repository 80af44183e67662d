"""The chamber's checks on the knowledge base: what `python -m guidance check` runs.

Structure (conditions, categories, causes, options, dates) is validated when the base is loaded;
here come the rules a reader sees: every message at most 40 words, acronyms spelled out the first
time in a message, inclusive wording, French typography written in the source, deep links. Each
problem names the entry and the field, in English for the maintainer, quoting the French text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from urllib.parse import urlparse

from chamber import Chamber, load_all_chambers
from guidance.facts import court_data
from guidance.knowledge import GuidanceEntry, KnowledgeBaseError, load_knowledge_base
from guidance.render import after_caveat, render_entry

MAX_WORDS = 40
# Names better known than their expansion: never spelled out.
# Overseas, the caisse générale de sécurité sociale (CGSS) and Mayotte's CSSM are called so by everyone.
KNOWN_ACRONYMS = frozenset({"URSSAF", "TVA", "HELP", "SMS", "CGSS", "CSSM"})
# Words that may open a summary said after a caveat (it is then written in lower case).
_COMMON_OPENERS = frozenset(
    {
        "le",
        "la",
        "les",
        "l",
        "vous",
        "votre",
        "vos",
        "un",
        "une",
        "des",
        "depuis",
        "avec",
        "après",
        "en",
        "si",
        "pour",
        "au",
        "aux",
        "dans",
        "quand",
        "nos",
        "ce",
        "cette",
    }
)
_URL = re.compile(r"https?://\S+")
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*\b")
_SPACES = "\u00a0\u202f"
# Masculine-only wording addressed to the reader: rephrase ("qu'un conseiller vous rappelle").
_NOT_INCLUSIVE = re.compile(
    r"(?-i:\([a-z]*e\))|·e\b|\b(?:vous êtes|vous serez|soyez|être|vous restez)\s+(?:un\s+|une\s+|bien\s+|déjà\s+)?"
    r"(?:affilié|rappelé|seul|soulagé|inscrit|reconnu|obligé|sûr|prêt|tenu|perdu|découragé|entrepreneur|"
    r"artisan|micro-entrepreneur|gérant|président|salarié|travailleur|indépendant|associé)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Problem:
    entry: str
    field: str
    message: str
    error: bool = True

    def __str__(self) -> str:
        return f"{'ERROR' if self.error else 'warning'}: {self.entry}: {self.field}: {self.message}"


def count_words(text: str) -> int:
    """Words as a reader counts them: a link is one word, punctuation alone is none."""
    tokens = re.split(r"[\s\u00a0\u202f]+", _URL.sub("LIEN", text))
    return sum(1 for token in tokens if re.search(r"\w", token))


def typography_problems(text: str) -> list[str]:
    """French typography written in the source: no-break spaces before ; : ! ? and inside « »."""
    plain = _URL.sub("LIEN", text)
    problems = []
    for match in re.finditer(r"(.)([;:!?])", plain):
        before, mark = match.groups()
        if before not in _SPACES:
            problems.append(
                f"write a no-break space before {mark!r} (\\u202f before ; ! ?, \\u00a0 before :), "
                f"near {plain[max(0, match.start() - 15) : match.end()]!r}"
            )
    if re.search(r"«(?![\u00a0\u202f])", plain) or re.search(r"(?<![\u00a0\u202f])»", plain):
        problems.append("write «\\u00a0...\\u00a0» with no-break spaces inside the quotes")
    if "'" in plain and "’" in plain:
        problems.append("mixes straight and curly apostrophes")
    return problems


def acronym_problems(message: str) -> list[str]:
    """Every acronym spelled out the first time in the message: "... en difficulté (ACED)"."""
    plain = _URL.sub("LIEN", message)
    problems, seen = [], set()
    for match in _ACRONYM.finditer(plain):
        acronym = match.group()
        if acronym in seen or acronym in KNOWN_ACRONYMS or acronym == "LIEN":
            continue
        seen.add(acronym)
        introduced = plain[match.start() - 1 : match.start()] == "(" and plain[match.end() : match.end() + 1] == ")"
        if not introduced:
            problems.append(f'{acronym} is not spelled out before its first use: write "long form ({acronym})"')
    return problems


def _worst_case_messages(entry: GuidanceEntry, chambers: list[Chamber]) -> list[str]:
    """The message as every chamber renders it, with the caveat when the entry has one, and the
    longest court name."""
    courts, _, _ = court_data()
    longest = max(courts.values(), key=lambda court: len(court.name))
    variant = replace(entry, caveat_shown=entry.caveat is not None, court=longest)
    # Overseas wording too: the longest name of the contributions' collector (CGSS, CSSM).
    overseas = replace(variant, departement="976")
    return [render_entry(v, chamber) for chamber in chambers for v in (variant, overseas)]


def check_entry(entry: GuidanceEntry, chambers: list[Chamber]) -> list[Problem]:
    problems: list[Problem] = []

    def add(field_name: str, message: str, error: bool = True) -> None:
        problems.append(Problem(entry.id, field_name, message, error))

    for message in dict.fromkeys(_worst_case_messages(entry, chambers)):
        words = count_words(message)
        if words > MAX_WORDS:
            add("message", f"{words} words (at most {MAX_WORDS}, caveat and link included): {message!r}")
        for problem in acronym_problems(message):
            add("message", problem)
    for field_name, text in entry.texts().items():
        for problem in typography_problems(text):
            add(field_name, problem)
        inclusive = _NOT_INCLUSIVE.search(text)
        if inclusive:
            add(field_name, f"masculine-only wording {inclusive.group()!r}: rephrase for everyone")
    for problem in typography_problems(entry.source.title):
        add("source.title", problem)
    if entry.caveat:
        first = re.split(r"[\s’']", entry.summary, maxsplit=1)[0]
        if (
            first[:1].isupper()
            and first.lower() not in _COMMON_OPENERS
            and after_caveat(entry.summary) != entry.summary
        ):
            add("summary", f"follows a caveat, so it is written in lower case: start with a common word, not {first!r}")
    if entry.link is not None and _is_homepage(entry.link):
        add("link", f"{entry.link} is a homepage: link the page that describes the mechanism")
    if entry.source.url is None:
        add("source.url", "no source page: " + (entry.source.note or "say why"), error=False)
    elif _is_homepage(entry.source.url):
        add("source.url", f"{entry.source.url} is a homepage: cite the page the facts come from")
    elif entry.source.url.startswith("http://"):
        add("source.url", f"{entry.source.url} is not https", error=False)
    if not entry.source.checked_live:
        add("source", "not checked live: " + entry.source.note, error=False)
    return problems


def _is_homepage(url: str) -> bool:
    return urlparse(url).path.strip("/") == "" and not urlparse(url).query


def check_knowledge_base(
    entries: Iterable[GuidanceEntry] | None = None, chambers: list[Chamber] | None = None
) -> list[Problem]:
    """Every problem of the knowledge base (errors and warnings); [] when all is well."""
    try:
        entries = tuple(entries) if entries is not None else load_knowledge_base()
    except KnowledgeBaseError as error:
        return [Problem("(knowledge base)", "(load)", str(error))]
    chambers = chambers if chambers is not None else load_all_chambers()
    problems: list[Problem] = []
    for entry in entries:
        problems.extend(check_entry(entry, chambers))
    return problems


def summary(entries: Iterable[GuidanceEntry], problems: list[Problem]) -> str:
    entries = tuple(entries)
    deep = sum(1 for e in entries if e.source.url and not _is_homepage(e.source.url))
    live = sum(1 for e in entries if e.source.checked_live)
    errors = sum(1 for p in problems if p.error)
    return (
        f"{len(entries)} entries: {deep} with a deep source link, {live} checked live; "
        f"{errors} error(s), {len(problems) - errors} warning(s)"
    )


__all__ = [
    "MAX_WORDS",
    "Problem",
    "acronym_problems",
    "check_entry",
    "check_knowledge_base",
    "count_words",
    "summary",
    "typography_problems",
]
