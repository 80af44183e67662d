"""The utterance pool (pool.yml) and the voices it is rendered in."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

POOL_PATH = Path(__file__).with_name("pool.yml")

# Lists of plain strings in pool.yml, each a kind of user move.
TEXT_KINDS = (
    "greetings",
    "yes",
    "no",
    "skips",
    "hesitations",
    "questions_back",
    "off_topic",
    "changes_of_mind",
    "ask_human",
    "wrong_phones",
    "addresses_instead_of_phone",
    "farewells",
    "withdrawals",
    "noise",
    "free_text_questions",
    "warning_signs",
    "reported_signs",
)


@dataclass(frozen=True)
class Entry:
    text: str
    code: str | None = None  # the département a place designates
    facts: tuple[tuple[str, Any], ...] = ()  # what an opening says (slot, value)
    negates: str | None = None  # the département a correction says is wrong ("pas le Nord" -> "59")


def _entry(raw: Any) -> Entry:
    if isinstance(raw, str):
        return Entry(raw)
    return Entry(str(raw["text"]), raw.get("code"), tuple(sorted((raw.get("facts") or {}).items())), raw.get("negates"))


@dataclass(frozen=True)
class Pool:
    kinds: dict[str, tuple[Entry, ...]]
    answers: dict[str, tuple[Entry, ...]]
    openings: tuple[Entry, ...]
    corrections: tuple[Entry, ...]
    long_paragraph: str

    def all_texts(self) -> list[str]:
        texts = [e.text for entries in self.kinds.values() for e in entries]
        texts += [e.text for entries in self.answers.values() for e in entries]
        texts += [e.text for e in self.openings + self.corrections]
        return [*texts, self.long_paragraph]


@lru_cache(maxsize=1)
def load_pool(path: Path = POOL_PATH) -> Pool:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Pool(
        kinds={kind: tuple(_entry(raw) for raw in data[kind]) for kind in TEXT_KINDS},
        answers={slot: tuple(_entry(raw) for raw in entries) for slot, entries in data["answers"].items()},
        openings=tuple(_entry(raw) for raw in data["openings"]),
        corrections=tuple(_entry(raw) for raw in data["corrections"]),
        long_paragraph=" ".join(data["long_paragraph"].split()),
    )


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


# How an artisan types: as written, no accents (a keyboard without them), all lower case without the final
# punctuation (phone typing), or dictation (no punctuation at all, run-on).
VOICES = ("as_written", "no_accents", "phone", "dictation")


def render(text: str, voice: str, rng: random.Random) -> str:
    """The same meaning in another voice; never changes digits, so places and phones keep their value,
    and never empties a message ("..." stays as written)."""
    rendered = text
    if voice == "no_accents":
        rendered = strip_accents(text)
    elif voice == "phone":
        rendered = text.lower().rstrip(" .!")
    elif voice == "dictation":
        spoken = " ".join("".join(c if c not in ",.;:!?" else " " for c in text).split())
        rendered = spoken if rng.random() < 0.5 else spoken.lower()
    return rendered if rendered.strip() else text
