"""Load and validate the knowledge base (knowledge_base.yml) into immutable GuidanceEntry objects.

The structure is validated here (at load time, so that the bot never starts with a broken entry);
the plain-French rules (words, acronyms, typography) are checked by guidance.checks, which
`python -m guidance check` and `make test` run.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, NoReturn

import yaml

from chamber import OPTION_KEYS
from guidance.facts import STAGES, Court, known_causes, step_patterns
from guidance.profile import EMPLOYEE_ANSWERS, LEGAL_FORMS, SOCIAL_STATUSES
from triage import CATEGORIES

KNOWLEDGE_BASE = Path(__file__).resolve().parent / "knowledge_base.yml"
SITUATION_TAGS = frozenset(
    {"deadline_close", "anticipation", "tax_and_social", "employees", "no_employees", "overwhelm"}
)
PLACEHOLDERS = frozenset(
    {
        "chamber_name",
        "chamber_short_name",
        "chamber_phone",
        "chamber_hours",
        "chamber_email",
        "chamber_website",
        "chamber_contact_url",
        "court",
        "court_du",
        "court_au",
        "urssaf",
        "votre_urssaf",
    }
)
UNKNOWN = "unknown"
# What each condition of `requires` may say; "unknown" lets the entry be shown, without a caveat,
# when the conversation does not know the value.
CONDITION_VALUES: Mapping[str, frozenset[str]] = {
    "legal_form": frozenset(LEGAL_FORMS),
    "social_status": frozenset(SOCIAL_STATUSES),
    "natural_person": frozenset({"yes", "no"}),
    "employees": frozenset(EMPLOYEE_ANSWERS),
    "had_employees": frozenset({"yes", "no"}),
    "stage": frozenset(STAGES),
    # Any of the listed triage categories (round 7: a tax notice before seizure is for a tax debt only).
    "category": frozenset(CATEGORIES),
    # Round 16: whether the artisan owes ("no": only owed, in a dispute, or threatened with a lawsuit).
    "debts": frozenset({"yes", "no"}),
}
# Words that promise an outcome: the assistant informs, the organisations decide.
PROMISES = re.compile(
    r"\b(c'est garanti|(?:est|sont) garantie?s?|vous (?:obtiendrez|recevrez|aurez droit)|"
    r"ser(?:a|ont) (?:accordée?s?|versée?s?|acceptée?s?)|automatiquement|à coup sûr|"
    r"sans aucun doute|c'est sûr)\b",
    re.IGNORECASE,
)
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_HTTPS = re.compile(r"^https://[^\s/]+\.[^\s]+$")
_DEPARTEMENT = re.compile(r"^(?:0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-8]|98[6-8])$")
# A sentence ends with . ! ? or … followed by a space or the end; dots inside URLs and numbers don't count.
_SENTENCE_END = re.compile(r"(?<!\d)[.!?…](?=\s|$)")


class KnowledgeBaseError(ValueError):
    """The knowledge base is invalid (the message names the entry and the field)."""


def count_sentences(text: str) -> int:
    without_urls = re.sub(r"https?://\S+", "URL", text)
    return len(_SENTENCE_END.findall(without_urls)) or (1 if without_urls.strip() else 0)


@dataclass(frozen=True)
class Source:
    title: str
    # The page the facts come from; None when there is none to cite (the chamber's own service).
    url: str | None
    # The date the page was really checked live against the entry, or None: never a guess.
    verified: date | None = None
    checked_live: bool = False
    note: str = ""


@dataclass(frozen=True)
class OfferedFor:
    """What makes the entry relevant: any of these present in the conversation."""

    categories: tuple[str, ...] = ()
    causes: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    overwhelm: bool = False
    # True: every listed category must be present (the CCSF is for tax AND social debts).
    all_categories: bool = False


@dataclass(frozen=True)
class GuidanceEntry:
    id: str
    name: str
    summary: str
    who: str
    conditions: tuple[str, ...]
    how: tuple[str, ...]
    link: str | None
    offered_for: OfferedFor
    situations: tuple[str, ...]
    priority: int
    requires_option: str | None
    source: Source
    requires: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    excludes_causes: tuple[str, ...] = ()
    # Steps that, once the artisan says they are done, make the entry pointless to propose again.
    done_if: tuple[str, ...] = ()
    caveat: str | None = None
    # Set by the selection for one conversation: whether the caveat is said, and the court's name.
    caveat_shown: bool = False
    court: Court | None = None
    # The artisan's département, for the words of the place (overseas: the CGSS collects the contributions).
    departement: str | None = None

    @property
    def categories(self) -> tuple[str, ...]:
        """The difficulties the entry answers: its categories, those of its causes (guidance/causes.yml) and, for a
        procedure stage, the court one. Round 16 (r16b-09): the unpaid-invoice steps, offered for a cause, covered no
        difficulty, and a message that said nothing after the end ("nimporte quand") brought new, unrelated steps."""
        from guidance.facts import cause_categories

        answered = list(self.offered_for.categories)
        answered += [cause_categories().get(cause, "") for cause in self.offered_for.causes]
        if self.offered_for.stages:
            answered.append("procedure_judiciaire")
        return tuple(dict.fromkeys(code for code in answered if code))

    @property
    def verified(self) -> date | None:
        return self.source.verified

    def available_for(self, options: Mapping[str, bool]) -> bool:
        return self.requires_option is None or bool(options.get(self.requires_option, False))

    def texts(self) -> dict[str, str]:
        """Every text of the entry an artisan or an advisor reads, by field name."""
        texts = {"name": self.name, "summary": self.summary, "who": self.who}
        if self.caveat:
            texts["caveat"] = self.caveat
        texts.update({f"how[{i}]": text for i, text in enumerate(self.how)})
        texts.update({f"conditions[{i}]": text for i, text in enumerate(self.conditions)})
        return texts


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


class _EntryValidator:
    def __init__(self, raw: Any, index: int, today: date) -> None:
        self.raw = raw if isinstance(raw, dict) else {}
        self.label = f"entry #{index} ({self.raw.get('id', '?')})"
        self.today = today
        if not isinstance(raw, dict):
            self.fail("(entry)", "expected a mapping")

    def fail(self, field_name: str, problem: str) -> NoReturn:
        raise KnowledgeBaseError(f"{KNOWLEDGE_BASE.name}: {self.label}: field '{field_name}': {problem}")

    def text(self, name: str, value: Any = None, one_sentence: bool = False) -> str:
        value = self.raw.get(name) if value is None else value
        if not isinstance(value, str) or not value.strip():
            self.fail(name, "a non-empty text is required")
        unknown = _placeholders(value) - PLACEHOLDERS
        if unknown:
            self.fail(name, f"unknown placeholder(s) {sorted(unknown)}; known: {sorted(PLACEHOLDERS)}")
        promise = PROMISES.search(value)
        if promise:
            self.fail(name, f"promises an outcome ({promise.group()!r}): say what can be asked")
        if one_sentence and count_sentences(value) != 1:
            self.fail(name, "must be exactly one sentence (it is shown to the artisan)")
        return value.strip()

    def texts(self, name: str, required: bool) -> tuple[str, ...]:
        values = self.raw.get(name)
        if values is None:
            values = []
        if not isinstance(values, list) or (required and not values):
            self.fail(name, "a list of texts is required" + (" (at least one)" if required else ""))
        return tuple(self.text(name, value) for value in values)

    def url(self, value: Any, name: str) -> str:
        if not isinstance(value, str) or not _HTTPS.match(value):
            self.fail(name, f"an https:// URL is required, got {value!r}")
        return value

    def codes(
        self, name: str, value: Any, allowed: frozenset[str] | set[str], extra: tuple[str, ...] = ()
    ) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list) or not value:
            self.fail(name, "a non-empty list is required")
        # YAML 1.1 reads yes/no as booleans: they mean the words here.
        value = [("yes" if code else "no") if isinstance(code, bool) else code for code in value]
        for code in value:
            if str(code) not in allowed and str(code) not in extra:
                self.fail(name, f"unknown value {code!r}; known: {sorted(allowed) + list(extra)}")
        return tuple(str(code) for code in value)

    def offered_for(self) -> OfferedFor:
        raw = self.raw.get("offered_for")
        if not isinstance(raw, dict) or not raw:
            self.fail("offered_for", "a mapping with categories, causes, stages or overwhelm is required")
        unknown_keys = set(raw) - {"categories", "causes", "stages", "overwhelm", "all_categories"}
        if unknown_keys:
            self.fail("offered_for", f"unknown key(s) {sorted(unknown_keys)}")
        overwhelm, together = raw.get("overwhelm", False), raw.get("all_categories", False)
        if not isinstance(overwhelm, bool) or not isinstance(together, bool):
            self.fail("offered_for", "overwhelm and all_categories are true or false")
        offered = OfferedFor(
            categories=self.codes("offered_for.categories", raw.get("categories"), set(CATEGORIES)),
            causes=self.codes("offered_for.causes", raw.get("causes"), known_causes()),
            stages=self.codes("offered_for.stages", raw.get("stages"), set(STAGES)),
            overwhelm=overwhelm,
            all_categories=together,
        )
        if not (offered.categories or offered.causes or offered.stages or offered.overwhelm):
            self.fail("offered_for", "at least one category, cause, stage or overwhelm is required")
        return offered

    def requires(self) -> dict[str, tuple[str, ...]]:
        raw = self.raw.get("requires") or {}
        if not isinstance(raw, dict):
            self.fail("requires", "a mapping of condition: [allowed values] is required")
        conditions: dict[str, tuple[str, ...]] = {}
        for key, values in raw.items():
            if key == "departement":
                if not isinstance(values, list) or not values or not all(_DEPARTEMENT.match(str(v)) for v in values):
                    self.fail("requires.departement", "a list of département codes ('59', '2A', '974') is required")
                conditions[key] = tuple(str(v) for v in values)
                continue
            if key not in CONDITION_VALUES:
                self.fail(f"requires.{key}", f"unknown condition; known: {[*sorted(CONDITION_VALUES), 'departement']}")
            conditions[key] = self.codes(f"requires.{key}", values, CONDITION_VALUES[key], (UNKNOWN,))
        return conditions

    def source(self) -> Source:
        raw = self.raw.get("source")
        if not isinstance(raw, dict):
            self.fail("source", "a mapping {title, url, checked_live, verified, note} is required")
        title = self.text("source.title", raw.get("title"))
        url = raw.get("url")
        if url is not None and not (isinstance(url, str) and re.match(r"^https?://[^\s/]+\.[^\s]+$", url)):
            self.fail("source.url", f"a web address (https://...) or null is required, got {url!r}")
        checked_live = raw.get("checked_live")
        if not isinstance(checked_live, bool):
            self.fail("source.checked_live", "true or false is required: was the page really checked online?")
        verified = raw.get("verified")
        if verified is not None and not isinstance(verified, date):
            self.fail("source.verified", "the date the page was checked (YYYY-MM-DD), or null")
        if checked_live and verified is None:
            self.fail("source.verified", "a page checked live needs the date it was checked")
        if not checked_live and verified is not None:
            self.fail("source.verified", "a date is only given for a page really checked live (checked_live: true)")
        if verified is not None and verified > self.today:
            self.fail("source.verified", f"{verified} is in the future")
        note = raw.get("note") or ""
        if not isinstance(note, str) or (not checked_live and not note.strip()):
            self.fail("source.note", "say how the source was (or was not) checked")
        return Source(title, url, verified, checked_live, note.strip())

    def entry(self) -> GuidanceEntry:
        entry_id = self.raw.get("id")
        if not isinstance(entry_id, str) or not _ID.match(entry_id):
            self.fail("id", "a lowercase identifier is required")
        situations = self.raw.get("situations") or []
        for tag in situations:
            if tag not in SITUATION_TAGS:
                self.fail("situations", f"unknown situation {tag!r}; known: {sorted(SITUATION_TAGS)}")
        priority = self.raw.get("priority")
        if isinstance(priority, bool) or not isinstance(priority, int) or priority < 0:
            self.fail("priority", "a whole number >= 0 is required")
        option = self.raw.get("requires_option")
        if option is not None and option not in OPTION_KEYS:
            self.fail("requires_option", f"unknown chamber option {option!r}; known: {sorted(OPTION_KEYS)}")
        link = self.raw.get("link")
        if link is not None:
            self.url(link, "link")
        how = self.texts("how", required=True)
        if count_sentences(how[0]) != 1:
            self.fail("how", "the first step must be exactly one sentence (it is shown to the artisan)")
        caveat = self.raw.get("caveat")
        if caveat is not None:
            caveat = self.text("caveat", caveat)
            if not caveat.startswith(("Si ", "Hors ", "En ", "Pour ")) or not caveat.endswith(","):
                self.fail(
                    "caveat",
                    'a condition opening the message, e.g. "Si vous êtes micro-entrepreneur," (ending with a comma)',
                )
        return GuidanceEntry(
            id=entry_id,
            name=self.text("name"),
            summary=self.text("summary", one_sentence=True),
            who=self.text("who"),
            conditions=self.texts("conditions", required=False),
            how=how,
            link=link,
            offered_for=self.offered_for(),
            situations=tuple(situations),
            priority=priority,
            requires_option=option,
            source=self.source(),
            requires=self.requires(),
            excludes_causes=self.codes("excludes_causes", self.raw.get("excludes_causes"), known_causes()),
            done_if=self.codes("done_if", self.raw.get("done_if"), set(step_patterns())),
            caveat=caveat,
        )


def parse_knowledge_base(raw: Any, today: date | None = None) -> tuple[GuidanceEntry, ...]:
    """Validate raw YAML data (a mapping with `entries`) into entries; raises KnowledgeBaseError."""
    if not isinstance(raw, dict) or not isinstance(raw.get("entries"), list) or not raw["entries"]:
        raise KnowledgeBaseError(f"{KNOWLEDGE_BASE.name}: a non-empty list 'entries' is required")
    # A data check, not the chamber's calendar: a source verified after this machine's today is a typo.
    today = today or date.today()  # noqa: DTZ011
    entries = tuple(_EntryValidator(item, index, today).entry() for index, item in enumerate(raw["entries"], 1))
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise KnowledgeBaseError(f"{KNOWLEDGE_BASE.name}: id {entry.id!r} is used twice")
        seen.add(entry.id)
    unreachable = set(CATEGORIES) - {code for entry in entries for code in entry.categories}
    if unreachable:
        raise KnowledgeBaseError(f"{KNOWLEDGE_BASE.name}: no entry for categories {sorted(unreachable)}")
    return entries


@lru_cache(maxsize=1)
def load_knowledge_base(path: str | Path | None = None) -> tuple[GuidanceEntry, ...]:
    """Every entry of the knowledge base, validated (sourced, known conditions, categories and options)."""
    source = Path(path) if path is not None else KNOWLEDGE_BASE
    try:
        raw = yaml.load(source.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    except (OSError, yaml.YAMLError) as error:
        raise KnowledgeBaseError(f"{source}: cannot read the knowledge base ({error})") from error
    return parse_knowledge_base(raw)
