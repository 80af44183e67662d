"""How well the learned category classifier does on its corpus, and what it says of a message:

    python -m triage.model_report --cv     # 5-fold cross-validation of rules + model: precision/recall per threshold
    python -m triage.model_report "le garage tourne plus, ils vont tous chez les franchises"

Apart from triage.model so that the model never imports the engine that uses it."""

from __future__ import annotations

import sys

from triage import model as learned
from triage.engine import assess
from triage.linear import cross_validation_folds
from triage.model import CategoryModel, _trained, corpus


def cross_validate(
    folds: int = 5, alone: tuple[float, ...] = (0.4, 0.5, 0.6, 0.7), beside: tuple[float, ...] = (0.7, 0.8, 0.9)
) -> dict[tuple[float | None, float | None], tuple[float, float]]:
    """Micro precision and recall of rules + model on the corpus's held-out folds (deterministic folds):
    the rules as they are, the model trained on the other folds. Key (None, None): the rules alone."""
    data = corpus()
    settings = [(None, None)] + [(a, b) for a in alone for b in beside if b >= a]
    counts = {setting: [0, 0, 0] for setting in settings}  # true positives, predicted, expected
    for test, fitted in cross_validation_folds(data.texts, data.labels, folds, CategoryModel):
        for setting in settings:
            learned._override.append((fitted if setting[0] is not None else None, *(setting if setting[0] else (1, 1))))
            try:
                for index in test:
                    predicted = set(assess([data.texts[index]]).categories)
                    expected = data.labels[index]
                    counts[setting][0] += len(predicted & expected)
                    counts[setting][1] += len(predicted)
                    counts[setting][2] += len(expected)
            finally:
                learned._override.pop()
    return {setting: (tp / max(p, 1), tp / max(e, 1)) for setting, (tp, p, e) in counts.items()}


def main(argv: list[str]) -> int:
    if argv[:1] == ["--cv"]:
        for (alone, beside), (precision, recall) in cross_validate().items():
            name = "rules alone" if alone is None else f"threshold {alone:.2f}, beside rules {beside:.2f}"
            f_half = 1.25 * precision * recall / max(0.25 * precision + recall, 1e-9)
            print(f"{name:40} precision {precision:.3f} recall {recall:.3f} F0.5 {f_half:.3f}")
        return 0
    fitted = _trained()
    for text in argv:
        probabilities = fitted.probabilities([text])[0]
        ranked = sorted(zip(fitted.codes, probabilities, strict=False), key=lambda pair: -pair[1])[:3]
        print(text, "->", ", ".join(f"{code} {p:.2f}" for code, p in ranked))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
