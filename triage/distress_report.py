"""How well the distress classifier does on its own corpus: cross-validation per sign category, the
held-apart split, calm development turns, and a threshold sweep (`python -m triage.distress_report`,
`--sweep`). Apart from triage.distress_model so that the model never imports the rules it sits beside."""

from __future__ import annotations

import yaml

from triage.distress import rule_signs
from triage.distress_model import (
    AMBIGUOUS_LABEL,
    BEREAVED_LABEL,
    CALM_LABEL,
    CORPUS,
    CRISIS_LABEL,
    CRISIS_THRESHOLD,
    LABELS,
    LEVEL_1,
    LEVEL_2,
    ORDINARY_LABEL,
    QUESTION_THRESHOLD,
    _decide,
    _model,
    classify,
    load_corpus,
    ordinary_sentences,
    split,
    train,
)

# One line's probabilities: (decision label -> p, sign category -> p), as Model.probabilities gives them.
Probabilities = tuple[dict[str, float], dict[str, float]]


def out_of_fold(pairs: list[tuple[str, str]], folds: int = 5) -> list[Probabilities]:
    """Each line's probabilities from models that did not train on it (stratified folds, fixed order)."""
    from sklearn.model_selection import StratifiedKFold

    labels = [label for _, label in pairs]
    result: dict[int, Probabilities] = {}
    for train_index, test_index in StratifiedKFold(folds, shuffle=True, random_state=0).split(pairs, labels):
        model = train([pairs[i] for i in train_index])
        for index, probabilities in zip(
            test_index, model.probabilities([pairs[i][0] for i in test_index]), strict=False
        ):
            result[int(index)] = probabilities
    return [result[index] for index in range(len(pairs))]  # each line is in exactly one test fold


def figures(pairs: list[tuple[str, str]], probabilities: list[Probabilities]) -> dict[str, dict[str, int]]:
    """Per label: lines, crisis path (model alone; with the rules first), direct question, and per sign
    category the lines the model named with it (predicted) and those rightly so (correct)."""
    table: dict[str, dict[str, int]] = {
        label: {"lines": 0, "found": 0, "predicted": 0, "correct": 0, "question": 0, "combined": 0}
        for label in (*LABELS, ORDINARY_LABEL)
    }
    for (text, label), (decided, categories) in zip(pairs, probabilities, strict=False):
        level, category, _ = _decide(decided, categories)
        row = table[label]
        row["lines"] += 1
        row["found"] += level is not None and level <= 2
        rules = rule_signs(text)
        row["combined"] += (level is not None and level <= 2) or bool(rules and rules[0].level <= 2)
        row["question"] += level == 3
        if level is not None and level <= 2 and category is not None:  # _decide names a category with a level
            table[category]["predicted"] += 1
            table[category]["correct"] += category == label
    return table


def _table_lines(name: str, table: dict[str, dict[str, int]]) -> list[str]:
    lines = [
        "",
        name,
        "| label | lines | crisis path: model | rules + model | model's direct question | category named right |",
        "|---|---|---|---|---|---|",
    ]
    for label in (*LABELS, ORDINARY_LABEL):
        row = table[label]
        named = f"{row['correct']}/{row['predicted']}" if label in (*LEVEL_1, *LEVEL_2) else ""
        lines.append(f"| {label} | {row['lines']} | {row['found']} | {row['combined']} | {row['question']} | {named} |")
    signs = [table[label] for label in (*LEVEL_1, *LEVEL_2)]
    found, total = sum(r["found"] for r in signs), sum(r["lines"] for r in signs)
    combined = sum(r["combined"] for r in signs)
    lines.append(
        f"levels 1-2 recall: model {found}/{total} ({found / total:.1%}), rules + model {combined}/{total} "
        f"({combined / total:.1%}); rules + model on hard negatives {table[CALM_LABEL]['combined']}, "
        f"ordinary {table[ORDINARY_LABEL]['combined']}"
    )
    lines.append(
        f"model's crisis path on: hard negatives "
        f"{table[CALM_LABEL]['found']}/{table[CALM_LABEL]['lines']}, ambiguous "
        f"{table[AMBIGUOUS_LABEL]['found']}/{table[AMBIGUOUS_LABEL]['lines']}, bereaved "
        f"{table[BEREAVED_LABEL]['found']}/{table[BEREAVED_LABEL]['lines']}, ordinary NLU examples "
        f"{table[ORDINARY_LABEL]['found']}/{table[ORDINARY_LABEL]['lines']}"
    )
    return lines


def _cv_pairs() -> list[tuple[str, str]]:
    training, _ = split(load_corpus())
    return training + [(text, ORDINARY_LABEL) for text in ordinary_sentences()]


def development_turns() -> list[str]:
    """Turns of the development and regression conversations that expect no distress: a calm check
    written by others, never trained on."""
    root = CORPUS.parents[2] / "tests" / "evaluation"
    turns = []
    for name in ("development.yml", "cases.yml"):
        data = yaml.safe_load((root / name).read_text(encoding="utf-8"))
        for case in data["conversations"]:
            if (case.get("expect") or {}).get("distress") is False:
                turns += [str(turn) for turn in case.get("turns") or []]
    return turns


def report() -> str:
    training, held_apart = split(load_corpus())
    pairs = _cv_pairs()
    lines = [
        f"corpus: {len(training)} training lines, {len(held_apart)} held apart, "
        f"{len(pairs) - len(training)} ordinary NLU lines; thresholds crisis {CRISIS_THRESHOLD}, "
        f"question {QUESTION_THRESHOLD}"
    ]
    lines += _table_lines(
        "5-fold cross-validation (training split and ordinary lines)", figures(pairs, out_of_fold(pairs))
    )
    lines += _table_lines(
        "held-apart split (models trained on the training split and ordinary lines)",
        figures(held_apart, _model().probabilities([text for text, _ in held_apart])),
    )
    turns = development_turns()
    verdicts = [classify(turn) for turn in turns]
    crisis = sum(v.level is not None and v.level <= 2 for v in verdicts)
    asked = sum(v.level == 3 for v in verdicts)
    lines += [
        "",
        f"turns of development/regression conversations expecting no distress: crisis path "
        f"{crisis}/{len(turns)}, direct question {asked}/{len(turns)}",
    ]
    return "\n".join(lines)


def threshold_sweep() -> str:
    pairs = _cv_pairs()
    probabilities = out_of_fold(pairs)
    rows = ["crisis threshold | levels 1-2 recall | hard negatives | ambiguous | bereaved | ordinary"]
    for threshold in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
        counts = {"sign": 0, CALM_LABEL: 0, AMBIGUOUS_LABEL: 0, BEREAVED_LABEL: 0, ORDINARY_LABEL: 0}
        for (_, label), (decided, _) in zip(pairs, probabilities, strict=False):
            key = "sign" if label in (*LEVEL_1, *LEVEL_2) else label
            counts[key] += decided.get(CRISIS_LABEL, 0.0) >= threshold
        rows.append(
            f"{threshold} | {counts['sign']} | {counts[CALM_LABEL]} | {counts[AMBIGUOUS_LABEL]} | "
            f"{counts[BEREAVED_LABEL]} | {counts[ORDINARY_LABEL]}"
        )
    # The direct question: crisis + ambiguous probability (the model's level 3 or more), per label.
    rows += ["", "question threshold | levels 1-2 | ambiguous | hard negatives | bereaved | ordinary"]
    for threshold in (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9):
        counts = {"sign": 0, CALM_LABEL: 0, AMBIGUOUS_LABEL: 0, BEREAVED_LABEL: 0, ORDINARY_LABEL: 0}
        for (_, label), (decided, _) in zip(pairs, probabilities, strict=False):
            key = "sign" if label in (*LEVEL_1, *LEVEL_2) else label
            counts[key] += decided.get(CRISIS_LABEL, 0.0) + decided.get(AMBIGUOUS_LABEL, 0.0) >= threshold
        rows.append(
            f"{threshold} | {counts['sign']} | {counts[AMBIGUOUS_LABEL]} | {counts[CALM_LABEL]} | "
            f"{counts[BEREAVED_LABEL]} | {counts[ORDINARY_LABEL]}"
        )
    return "\n".join(rows)


if __name__ == "__main__":
    import sys

    print(threshold_sweep() if "--sweep" in sys.argv else report())
