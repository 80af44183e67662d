"""How well rules + the learned urgency model do on the urgency corpus, and what the model says of a message:

    python -m triage.urgency_report --cv     # 5-fold cross-validation: accuracy, precision/recall per threshold
    python -m triage.urgency_report "le grossiste me livre plus à partir de lundi"

Each corpus sentence is assessed alone by the whole triage (triage.assess: rules, category model, urgency model
trained on the other folds), on a fixed date so that "jeudi" or "le 12" always mean the same days. Apart from
triage.urgency_model so that the model never imports the engine that uses it."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from triage import urgency_model as learned
from triage.engine import assess
from triage.linear import cross_validation_folds
from triage.urgency_model import SCORED, UrgencyModel, _trained, corpus

TODAY = date(2026, 12, 2)
OFF = 2.0  # a threshold no probability reaches
HAUTE = (0.5, 0.6, 0.7, 0.8, 0.9)
BASSE = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


@dataclass
class Figures:
    right: int = 0
    total: int = 0
    changed: int = 0  # sentences whose level the model changed from the rules' own
    changed_right: int = 0  # ... to the corpus's label
    counts: dict[str, list[int]] | None = None  # level -> [true positives, predicted, expected]

    def precision_recall(self, level: str) -> tuple[float, float]:
        tp, predicted, expected = (self.counts or {}).get(level, [0, 0, 0])
        return tp / max(predicted, 1), tp / max(expected, 1)


def cross_validate(
    folds: int = 5, settings: Sequence[tuple[float, float]] | None = None
) -> dict[tuple[float, float], Figures]:
    """Out-of-fold figures per (haute threshold, basse threshold); (OFF, OFF) is the rules alone. Deterministic
    folds: sentence i is in fold i % folds."""
    data = corpus()
    if settings is None:
        settings = [(OFF, OFF)] + [(h, OFF) for h in HAUTE] + [(OFF, b) for b in BASSE]
        chosen = (data.thresholds["haute"], data.thresholds["basse"])
        if chosen not in settings:
            settings.append(chosen)
    figures = {setting: Figures(counts={level: [0, 0, 0] for level in learned.LEVELS}) for setting in settings}
    for test, fitted in cross_validation_folds(data.texts, data.labels, folds, UrgencyModel):
        rules_alone = {}
        learned._override.append((None, dict.fromkeys(SCORED, OFF)))
        try:
            for index in test:
                rules_alone[index] = assess([data.texts[index]], today=TODAY).urgency
        finally:
            learned._override.pop()
        for setting in settings:
            learned._override.append((fitted, dict(zip(SCORED, setting, strict=True))))
            try:
                for index in test:
                    got = assess([data.texts[index]], today=TODAY).urgency
                    _count(figures[setting], got, data.labels[index], rules_alone[index])
            finally:
                learned._override.pop()
    return figures


def _count(figures: Figures, got: str | None, expected: str, by_rules: str | None) -> None:
    counts = figures.counts or {}
    figures.total += 1
    figures.right += got == expected
    if got != by_rules:
        figures.changed += 1
        figures.changed_right += got == expected
    counts[expected][2] += 1
    if got in counts:
        counts[got][1] += 1
        counts[got][0] += got == expected


def _name(value: float) -> str:
    return "off " if value >= OFF else f"{value:.2f}"


def main(argv: list[str]) -> int:
    if argv[:1] == ["--cv"]:
        data = corpus()
        print(f"urgency corpus: {len(data.texts)} sentences, 5-fold cross-validation, assessed on {TODAY}")
        print(
            f"thresholds in the corpus file: haute {data.thresholds['haute']:.2f}, basse {data.thresholds['basse']:.2f}"
        )
        for (haute, basse), figures in cross_validate().items():
            name = "rules alone" if haute >= OFF and basse >= OFF else f"haute {_name(haute)} basse {_name(basse)}"
            high_p, high_r = figures.precision_recall("haute")
            low_p, low_r = figures.precision_recall("basse")
            print(
                f"{name:24} accuracy {figures.right / max(figures.total, 1):.3f}"
                f" | model changed {figures.changed:3}, right {figures.changed_right / max(figures.changed, 1):.3f}"
                f" | haute P {high_p:.3f} R {high_r:.3f} | basse P {low_p:.3f} R {low_r:.3f}"
            )
        return 0
    fitted = _trained()
    for text in argv:
        scores = fitted.scores(text)
        result = assess([text])
        print(text, "->", ", ".join(f"{level} {p:.2f}" for level, p in scores.items()), "| triage:", result.urgency)
        for reason in result.reasons.get("urgency", []):
            print("   ", reason)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
