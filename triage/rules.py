"""Load the reviewed rule tables (rules/*.yml) and compile them once."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

RULES_DIR = Path(__file__).resolve().parent / "rules"

CATEGORIES: tuple[str, ...] = (
    "cotisations_sociales",
    "impots",
    "banque",
    "tresorerie",
    "baisse_activite",
    "travaux",
    "sinistre",
    "sante",
    "vie_personnelle",
    "procedure_judiciaire",
    "autre",
)
URGENCY_LEVELS: tuple[str, ...] = ("basse", "normale", "haute", "critique")  # ascending


def whole_words(pattern: str) -> str:
    """A rule pattern matched on whole words of the normalised text."""
    return rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])"


def compile_any(patterns: list[str] | str) -> re.Pattern[str]:
    if isinstance(patterns, str):
        patterns = [patterns]
    # One word-boundary check around the whole alternation: tried once per position, not per pattern.
    return re.compile(whole_words("|".join(f"(?:{pattern})" for pattern in patterns)))


@dataclass(frozen=True)
class Cue:
    """One pattern of a category or urgency rule, with how negation treats it."""

    owner: str  # category code or urgency rule id
    regex: re.Pattern[str]
    negatable: bool = True
    weak: bool = False
    # A word with two senses ("redressement": a court's or a tax audit's): it does not count in a
    # message that also speaks of the other sense's domain.
    unless: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Category:
    code: str
    title: str
    label: str
    topic: str
    cues: tuple[Cue, ...]
    # "autre" only: the words of a difficulty of its own (a fraud, a licence withdrawn, a lease not renewed) that stay
    # beside a specific category, where "je suis en difficulté" gives way to it. Matched against the hit's words.
    distinct: re.Pattern[str] | None = None
    # The topic when the artisan is the one who goes to court ("un litige à porter devant la justice"), where the
    # defendant's ("une procédure en justice") would be wrong: procedure_judiciaire only (round 25).
    claimant_topic: str | None = None

    def for_claimant(self) -> Category:
        """The category worded for an artisan who starts the proceedings: its claimant topic, when it has one."""
        if not self.claimant_topic:
            return self
        return replace(self, label=f"à {self.claimant_topic}", topic=self.claimant_topic)


@dataclass(frozen=True)
class UrgencyRule:
    id: str
    level: str
    reason: str
    category: str | None
    cues: tuple[Cue, ...]
    context: re.Pattern[str] | None
    needs_category: str | None = None  # only in a message where this category was found
    implied_only_alone: bool = False  # `category` only when the clause names no other difficulty
    # `without`: the rule does not count in a clause that also says this (a power cut caused by road works)
    unless: re.Pattern[str] | None = None
    # `far_date_cancels`: a hit whose words match this does not count in a clause dated beyond the days that make a case
    # urgent, with no nearer date ("première audience en mars": a hearing months away is no summons within two weeks).
    far_date_cancels: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Signals:
    distress_idioms: re.Pattern[str]
    not_difficulties: re.Pattern[str]
    distress_negation: re.Pattern[str]  # matched against the text just before a distress match
    refusal_to_tell: re.Pattern[str]  # the whole message
    overwhelm: re.Pattern[str]
    negation_before: re.Pattern[str]
    negation_ni: re.Pattern[str]
    existence_negator: re.Pattern[str]
    reassurance_after: re.Pattern[str]
    anticipation: re.Pattern[str]
    present_difficulty: re.Pattern[str]
    hypothesis: re.Pattern[str]
    conditional: re.Pattern[str]
    deadline_context: re.Pattern[str]
    relative_subject: re.Pattern[str]
    inability_before_ni: re.Pattern[str]
    first_person: re.Pattern[str]
    first_person_not_subject: re.Pattern[str]
    third_person_subject: re.Pattern[str]
    relative_after: re.Pattern[str]
    employee_subject: re.Pattern[str]
    employee_after: re.Pattern[str]
    question: re.Pattern[str]  # for the learned urgency model's basse only


@dataclass(frozen=True)
class RuleSet:
    categories: dict[str, Category]
    urgency_rules: tuple[UrgencyRule, ...]
    signals: Signals


def _load(name: str) -> Any:  # the rule files are YAML mappings, checked where read
    return yaml.load((RULES_DIR / name).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def _cues(owner: str, raw: dict[str, Any]) -> tuple[Cue, ...]:
    """One combined regex per kind of pattern: a few scans per clause instead of hundreds."""
    cues = []
    for key, negatable, weak in (("patterns", True, False), ("lacks", False, False), ("weak", True, True)):
        patterns = raw.get(key) or []
        if patterns:
            # In one alternation the first alternative that matches wins: try the longest first, so
            # that "arnaque au faux fournisseur" beats "arnaque" and keeps "fournisseur" for itself.
            ordered = sorted(patterns, key=len, reverse=True)
            try:
                combined = compile_any(ordered)
            except re.error:
                raise ValueError(f"triage rule {owner}.{key}: {_bad_pattern(ordered)}") from None
            cues.append(Cue(owner, combined, negatable, weak))
    for entry in raw.get("two_senses") or []:
        cues.append(Cue(owner, compile_any(entry["pattern"]), True, False, compile_any(entry["unless"])))
    return tuple(cues)


def _bad_pattern(patterns: list[str]) -> str:
    """Which pattern of a failed alternation is wrong: each is compiled alone only then (compiling every one
    twice doubled the start of every process that reads the rules)."""
    for pattern in patterns:
        try:
            re.compile(whole_words(pattern))
        except re.error as error:
            return f"bad pattern {pattern!r}: {error}"
    return "the patterns compile alone but not together"


def category_titles() -> dict[str, str]:
    """Each category's French title, without compiling the rules: for the inbox and the command line, which
    show titles and never classify."""
    raw_categories = _load("categories.yml")
    return {code: raw_categories[code]["title"] for code in CATEGORIES}


@lru_cache(maxsize=1)
def rules() -> RuleSet:
    raw_categories = _load("categories.yml")
    unknown = set(raw_categories) ^ set(CATEGORIES)
    if unknown:
        raise ValueError(f"categories.yml must define exactly the contract's codes; differs on {sorted(unknown)}")
    categories = {
        code: Category(
            code,
            raw["title"],
            raw["label"],
            raw["topic"],
            _cues(code, raw),
            compile_any(raw["distinct"]) if raw.get("distinct") else None,
            raw.get("claimant_topic"),
        )
        for code, raw in ((code, raw_categories[code]) for code in CATEGORIES)
    }

    urgency_rules = []
    for level, raw_rules in _load("urgency.yml").items():
        if level not in URGENCY_LEVELS:
            raise ValueError(f"urgency.yml: unknown level {level!r}")
        for raw in raw_rules:
            for key in ("category", "needs_category"):
                if raw.get(key) is not None and raw[key] not in CATEGORIES:
                    raise ValueError(f"urgency rule {raw['id']}: unknown {key} {raw[key]!r}")
            urgency_rules.append(
                UrgencyRule(
                    id=raw["id"],
                    level=level,
                    reason=raw["reason"],
                    category=raw.get("category"),
                    cues=_cues(raw["id"], raw),
                    context=compile_any(raw["with"]) if raw.get("with") else None,
                    needs_category=raw.get("needs_category"),
                    implied_only_alone=bool(raw.get("implied_only_alone", False)),
                    unless=compile_any(raw["without"]) if raw.get("without") else None,
                    far_date_cancels=re.compile(raw["far_date_cancels"]) if raw.get("far_date_cancels") else None,
                )
            )

    raw = _load("signals.yml")
    fillers = raw["negation_fillers"]
    negators = "|".join(f"(?:{n})" for n in raw["negators"])
    signals = Signals(
        distress_idioms=compile_any(raw["distress_idioms"]),
        not_difficulties=compile_any(raw["not_difficulties"]),
        distress_negation=re.compile(rf"(?:^|\s)(?:{raw['distress_negation']})\s$"),
        refusal_to_tell=re.compile(raw["refusal_to_tell"]),
        overwhelm=compile_any(raw["overwhelm"]),
        # negator, then only filler words, right up to the cue
        negation_before=re.compile(rf"(?:^|\s)(?:{negators})(?:\s(?:{fillers}))*\s$"),
        negation_ni=re.compile(rf"(?:^|\s)ni(?:\s(?:{fillers}))*\s$"),
        existence_negator=compile_any(raw["negators"]),
        reassurance_after=re.compile(
            rf"^(?:\s(?:{fillers}|,|:))*\s(?:{'|'.join(f'(?:{r})' for r in raw['reassurances'])})(?![a-z0-9])"
        ),
        anticipation=compile_any(raw["anticipation"]),
        present_difficulty=compile_any(raw["present_difficulty"]),
        hypothesis=re.compile(raw["hypothesis"]),
        conditional=re.compile(raw["conditional"]),
        deadline_context=compile_any(raw["deadline_context"]),
        relative_subject=compile_any(raw["relative_subject"]),
        inability_before_ni=compile_any(raw["inability_before_ni"]),
        first_person=compile_any(raw["first_person"]),
        first_person_not_subject=compile_any(raw["first_person_not_subject"]),
        third_person_subject=compile_any(raw["third_person_subject"]),
        relative_after=compile_any(raw["relative_after"]),
        employee_subject=compile_any(raw["employee_subject"]),
        employee_after=compile_any(raw["employee_after"]),
        question=compile_any(raw["question"]),
    )
    return RuleSet(categories, tuple(urgency_rules), signals)
