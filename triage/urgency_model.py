"""A learned urgency scorer, next to the urgency rules.

The rules (rules/urgency.yml, the deadlines of triage/dates.py, the anticipation markers of rules/signals.yml)
are exact on the threats and markers they list and blind to other phrasings: "le fournisseur ne me livre plus dès
demain", "plus un sou pour les courses ce week-end". This model learns from many voices
(triage/data/urgency_corpus.yml) two scorers over the shared TF-IDF features of triage/linear.py: "haute" against
the rest and "basse" against the rest. The engine uses it conservatively (triage/engine.py, _Run._learned_level):
it may raise a message's normale to haute, or set basse on a question where the rules found nothing else, only at
or above the thresholds of the corpus file, chosen by cross-validation (precision first); it never lowers a rule's
haute and never touches critique. Its reason quotes the words that weigh most, as the category model's does.

    python -m triage.urgency_report --cv     # 5-fold cross-validation of rules + model: precision/recall per threshold
    .venv/bin/python scripts/urgency-lovo      # leave-one-version-out over the development sets, the whole triage
    python -m triage.urgency_report "le grossiste me livre plus à partir de lundi"
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

from triage.fitted_cache import fitted
from triage.linear import MIN_WORDS, LinearScorers
from triage.normalise import normalise

CORPUS = Path(__file__).resolve().parent / "data" / "urgency_corpus.yml"
# The development sets' single-turn conversations with the urgency their writer expected (scripts/voices-to-urgency).
VOICES = Path(__file__).resolve().parent / "data" / "urgency_voices.yml"
LEVELS = ("haute", "normale", "basse")
# What the model scores, in column order: normale is what neither says.
SCORED = ("haute", "basse")


@dataclass(frozen=True)
class Corpus:
    texts: tuple[str, ...]
    labels: tuple[str, ...]  # "haute", "normale" or "basse"
    thresholds: dict[str, float]  # per scored level: the probability from which the model decides


@lru_cache(maxsize=1)
def corpus() -> Corpus:
    raw = yaml.load(CORPUS.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    texts: list[str] = []
    labels: list[str] = []
    for level, sentences in raw["examples"].items():
        if level not in LEVELS:
            raise ValueError(f"{CORPUS.name}: unknown level {level!r} (critique belongs to distress)")
        for sentence in sentences:
            texts.append(str(sentence))
            labels.append(level)
    voices = yaml.load(VOICES.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) if VOICES.exists() else {}
    for entry in (voices or {}).get("lines") or []:
        if entry["level"] not in LEVELS:
            raise ValueError(f"{VOICES.name}: unknown level {entry['level']!r} in {entry['text']!r}")
        texts.append(str(entry["text"]))
        labels.append(entry["level"])
    thresholds = {level: float(raw["thresholds"][level]) for level in SCORED}
    return Corpus(tuple(texts), tuple(labels), thresholds)


class UrgencyModel(LinearScorers):
    """Two scorers: column 0 "haute", column 1 "basse" (each against the two other levels)."""

    def __init__(self, texts: Sequence[str], labels: Sequence[str]) -> None:
        targets = [np.array([label == level for label in labels], dtype=int) for level in SCORED]
        # Each level is about a third of the corpus: no weighting, precision comes from the threshold.
        super().__init__(texts, targets, positive_weight=1.0)

    def scores(self, text: str) -> dict[str, float]:
        """{"haute": p, "basse": p} for a message; zeros for short answers ("oui", "le 12"), which it cannot judge."""
        normalised = normalise(text)
        if len(normalised.split()) < MIN_WORDS:
            return dict.fromkeys(SCORED, 0.0)
        row = self.probabilities([normalised], normalised=True)[0]
        return {level: float(p) for level, p in zip(SCORED, row, strict=True)}

    def clause_scores(self, normalised_clauses: list[str], level: str) -> list[float]:
        """The level's probability for each (already normalised) clause: where the reason is quoted from."""
        column = SCORED.index(level)
        return [float(row[column]) for row in self.probabilities(normalised_clauses, normalised=True)]

    def evidence(self, normalised: str, level: str, top: int = 3) -> list[str]:
        """The words of the text that weigh most towards the level: what the reason quotes."""
        return self.column_evidence(normalised, SCORED.index(level), top)


# Cross-validation swaps in a model trained on other folds and thresholds (None: the rules alone).
_override: list[tuple[UrgencyModel | None, dict[str, float]]] = []


@lru_cache(maxsize=1)
def _trained() -> UrgencyModel:
    data = corpus()
    return fitted("urgency", lambda: UrgencyModel(data.texts, data.labels))


def model() -> UrgencyModel | None:
    """The trained model (trained once, when first needed); None while cross-validation turns it off."""
    return _override[-1][0] if _override else _trained()


def thresholds() -> dict[str, float]:
    return _override[-1][1] if _override else corpus().thresholds
