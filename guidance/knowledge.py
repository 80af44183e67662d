"""Load and validate the knowledge base (knowledge_base.yml) into immutable GuidanceEntry objects."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

import yaml

from chamber import OPTION_KEYS
from triage import CATEGORIES

KNOWLEDGE_BASE = Path(__file__).resolve().parent / "knowledge_base.yml"
SITUATION_TAGS = frozenset({"deadline_close", "anticipation", "tax_and_social", "employees", "no_employees",
                            "overwhelm"})
PLACEHOLDERS = frozenset({"chamber_name", "chamber_short_name", "chamber_phone", "chamber_hours",
                          "chamber_email", "chamber_website", "chamber_contact_url"})
# Words that promise an outcome: the assistant informs, the organisations decide.
PROMISES = re.compile(r"\b(c'est garanti|(?:est|sont) garantie?s?|vous (?:obtiendrez|recevrez|aurez droit)|"
                      r"ser(?:a|ont) (?:accordée?s?|versée?s?|acceptée?s?)|automatiquement|à coup sûr|"
                      r"sans aucun doute|c'est sûr)\b", re.IGNORECASE)
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_HTTPS = re.compile(r"^https://[^\s/]+\.[^\s]+$")
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
    url: str


@dataclass(frozen=True)
class GuidanceEntry:
    id: str
    name: str
    summary: str
    who: str
    conditions: tuple[str, ...]
    how: tuple[str, ...]
    link: str | None
    categories: tuple[str, ...]
    situations: tuple[str, ...]
    priority: int
    requires_option: str | None
    source: Source
    verified: date

    def available_for(self, options: Mapping[str, bool]) -> bool:
        return self.requires_option is None or bool(options.get(self.requires_option, False))


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


class _EntryValidator:
    def __init__(self, raw: Any, index: int, today: date):
        self.raw = raw if isinstance(raw, dict) else {}
        self.label = f"entry #{index} ({self.raw.get('id', '?')})"
        self.today = today
        if not isinstance(raw, dict):
            self.fail("(entry)", "expected a mapping")

    def fail(self, field_name: str, problem: str):
        raise KnowledgeBaseError(f"{KNOWLEDGE_BASE.name}: {self.label}: field '{field_name}': {problem}")

    def text(self, name: str, value: Any = None, one_sentence: bool = False) -> str:
        value = self.raw.get(name) if value is None else value
        if not isinstance(value, str) or not value.strip():
            self.fail(name, "a non-empty text is required")
        unknown = _placeholders(value) - PLACEHOLDERS
        if unknown:
            self.fail(name, f"unknown placeholder(s) {sorted(unknown)}; known: {sorted(PLACEHOLDERS)}")
        if PROMISES.search(value):
            self.fail(name, f"promises an outcome ({PROMISES.search(value).group()!r}): say what can be asked")
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

    def entry(self) -> GuidanceEntry:
        entry_id = self.raw.get("id")
        if not isinstance(entry_id, str) or not _ID.match(entry_id):
            self.fail("id", "a lowercase identifier is required")
        categories = self.raw.get("categories")
        if not isinstance(categories, list) or not categories:
            self.fail("categories", "at least one triage category is required")
        for code in categories:
            if code not in CATEGORIES:
                self.fail("categories", f"unknown category {code!r}")
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
        source = self.raw.get("source")
        if not isinstance(source, dict):
            self.fail("source", "a mapping {title, url} is required")
        verified = self.raw.get("verified")
        if not isinstance(verified, date):
            self.fail("verified", "the date the entry was last checked is required (YYYY-MM-DD)")
        if verified > self.today:
            self.fail("verified", f"{verified} is in the future")
        how = self.texts("how", required=True)
        if count_sentences(how[0]) != 1:
            self.fail("how", "the first step must be exactly one sentence (it is shown to the artisan)")
        return GuidanceEntry(
            id=entry_id,
            name=self.text("name"),
            summary=self.text("summary", one_sentence=True),
            who=self.text("who"),
            conditions=self.texts("conditions", required=False),
            how=how,
            link=link,
            categories=tuple(categories),
            situations=tuple(situations),
            priority=priority,
            requires_option=option,
            source=Source(self.text("source", source.get("title")), self.url(source.get("url"), "source.url")),
            verified=verified,
        )


def parse_knowledge_base(raw: Any, today: date | None = None) -> tuple[GuidanceEntry, ...]:
    """Validate raw YAML data (a mapping with `entries`) into entries; raises KnowledgeBaseError."""
    if not isinstance(raw, dict) or not isinstance(raw.get("entries"), list) or not raw["entries"]:
        raise KnowledgeBaseError(f"{KNOWLEDGE_BASE.name}: a non-empty list 'entries' is required")
    entries = tuple(_EntryValidator(item, index, today or date.today()).entry()
                    for index, item in enumerate(raw["entries"], 1))
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
    """Every entry of the knowledge base, validated (sourced, dated, known categories and options)."""
    source = Path(path) if path is not None else KNOWLEDGE_BASE
    try:
        raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise KnowledgeBaseError(f"{source}: cannot read the knowledge base ({error})") from error
    return parse_knowledge_base(raw)
