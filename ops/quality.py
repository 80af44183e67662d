"""Quality figures of issue 19: held-out intent macro-F1 and triage figures on evaluation sets.

Plain functions over the running bot's HTTP API (Rasa's `/model/parse`) and over the evaluation
runner's results, so that the gates of `make test` (tests/quality/) and `python -m ops quality`
compute the same figures the same way. Thresholds live in tests/quality/thresholds.yml.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import httpx
import yaml

from ops.evaluation import check, load_cases, run_all
from triage.nlu_examples import read_examples

FALLBACK_INTENT = "nlu_fallback"


def load_nlu_examples(path: Path) -> list[tuple[str, str]]:
    """(text, label) pairs of a Rasa NLU YAML file; retrieval intents keep their `faq/key` label."""
    return read_examples(path)


def predicted_label(parse: Mapping[str, Any]) -> str:
    """The classifier's choice, as `rasa test nlu` counts it: the fallback is undone, `faq` gets its key."""
    ranking = [entry["name"] for entry in parse.get("intent_ranking") or [] if entry.get("name")]
    intent = (parse.get("intent") or {}).get("name")
    if intent == FALLBACK_INTENT or intent is None:
        intent = next((name for name in ranking if name != FALLBACK_INTENT), intent)
    selector = parse.get("response_selector") or {}
    if intent in selector.get("all_retrieval_intents", []) or intent in selector:
        response = (selector.get(intent) or selector.get("default") or {}).get("response") or {}
        key = response.get("intent_response_key")
        if key:
            return key
    return intent or ""


def parse_all(texts: Iterable[str], rasa_url: str, token: str) -> list[dict]:
    with httpx.Client(timeout=60) as client:
        results = []
        for text in texts:
            response = client.post(f"{rasa_url}/model/parse", params={"token": token}, json={"text": text})
            response.raise_for_status()
            results.append(response.json())
        return results


def intent_scores(truth: list[str], predicted: list[str]) -> dict[str, Any]:
    """Macro-F1 over the labels of the test set (as `rasa test nlu` reports `macro avg`), and the misses."""
    from sklearn.metrics import accuracy_score, f1_score

    labels = sorted(set(truth))
    per_label = f1_score(truth, predicted, labels=labels, average=None, zero_division=0)
    return {
        "macro_f1": float(f1_score(truth, predicted, labels=labels, average="macro", zero_division=0)),
        "accuracy": float(accuracy_score(truth, predicted)),
        "per_label": {label: float(value) for label, value in zip(labels, per_label, strict=True)},
        "examples": len(truth),
    }


def asks_about_suicide(replies: list[list[str]]) -> bool:
    """A direct question about suicide: one bot message that names it and asks."""
    return any("suicide" in text.lower() and "?" in text for turn in replies for text in turn)


def _ratio(passed: int, total: int) -> float | None:
    return passed / total if total else None


def triage_figures(cases: list[Mapping[str, Any]], results: list[Mapping[str, Any]]) -> dict[str, Any]:
    """The figures the gates check, from the evaluation runner's results (same order as the cases).

    - categories: every expected category found (and each `any_of` group met), over cases expecting some;
    - forbidden: no forbidden category predicted, over cases that forbid some;
    - urgency: `urgency` exact or `urgency_at_least` met, over cases expecting one;
    - distress_recall: distress detected, over cases expecting it (warning signs of level 1 and 2);
    - distress_met: the same cases met with the crisis path or at least the direct question about suicide, whose
      answer (anything but a clear no) takes the crisis path: a scripted conversation cannot answer it, so a sign
      in its last message counts as missed by distress_recall; what fails here was met by nothing;
    - false_alarms: distress raised where the case expects none (rate);
    - ambiguous_question: a direct question about suicide, over cases tagged `ambiguous` and not `hard_negative`: an
      idiom or a business word that only looks like a sign ("je vais le tuer lol", "mon dernier message au
      fournisseur") deserves no question about suicide, and is counted by hard_negative_calm instead (2026-12-05,
      decided before version 26 was measured: 16 of version 25's 37 ambiguous conversations were such);
    - hard_negative_calm: no crisis path on idioms and business despair (`hard_negative`);
    - recall per `sign:` tag, and failures by tag (ids only).
    """
    tallies: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    sign_tallies: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failures: dict[str, list[str]] = defaultdict(list)

    def count(name: str, ok: bool) -> None:
        tallies[name][0] += int(ok)
        tallies[name][1] += 1

    for case, result in zip(cases, results, strict=True):
        expect = case.get("expect") or {}
        tags = case.get("tags") or []
        verdicts = check(expect, result)
        failed = []
        if "categories" in expect or "any_of" in expect:
            ok = verdicts.get("categories", True) and verdicts.get("any_of", True)
            count("categories", ok)
            failed += [] if ok else ["categories"]
        if "forbid" in expect:
            count("forbidden", verdicts["forbid"])
            failed += [] if verdicts["forbid"] else ["forbidden"]
        if "urgency" in expect or "urgency_at_least" in expect:
            ok = verdicts.get("urgency", True) and verdicts.get("urgency_at_least", True)
            count("urgency", ok)
            failed += [] if ok else ["urgency"]
        if expect.get("distress") is True:
            count("distress_recall", bool(result.get("distress")))
            for tag in tags:
                if tag.startswith("sign:"):
                    sign_tallies[tag][0] += int(bool(result.get("distress")))
                    sign_tallies[tag][1] += 1
            failed += [] if result.get("distress") else ["distress_missed"]
            met = bool(result.get("distress")) or asks_about_suicide(result.get("replies") or [])
            count("distress_met", met)
            failed += [] if met else ["distress_unmet"]
        if expect.get("distress") is False:
            count("false_alarms", bool(result.get("distress")))
            failed += ["false_alarm"] if result.get("distress") else []
        if "ambiguous" in tags and "hard_negative" not in tags:
            asked = asks_about_suicide(result.get("replies") or [])
            count("ambiguous_question", asked)
            failed += [] if asked else ["no_direct_question"]
        if "hard_negative" in tags:
            count("hard_negative_calm", not result.get("distress"))
        for tag in tags if failed else []:
            failures[tag].append(case["id"])
        if failed:
            failures["*"].append(f"{case['id']} ({', '.join(failed)})")

    figures: dict[str, Any] = {name: _ratio(*tally) for name, tally in tallies.items()}
    figures["counts"] = {name: tuple(tally) for name, tally in tallies.items()}
    figures["sign_recall"] = {tag: _ratio(*tally) for tag, tally in sorted(sign_tallies.items())}
    figures["sign_counts"] = {tag: tuple(tally) for tag, tally in sorted(sign_tallies.items())}
    figures["failures_by_tag"] = dict(sorted(failures.items()))
    figures["conversations"] = len(cases)
    return figures


def format_figures(name: str, figures: Mapping[str, Any]) -> str:
    lines = [f"{name}: {figures['conversations']} conversations"]
    for key, (ok, total) in sorted(figures["counts"].items()):
        lines.append(f"  {key:20} {ok}/{total} ({100 * ok / total:.1f} %)")
    for tag, (ok, total) in figures["sign_counts"].items():
        lines.append(f"  recall {tag:24} {ok}/{total}")
    return "\n".join(lines)


def threshold_misses(name: str, figures: Mapping[str, Any]) -> list[str]:
    """The figures of a triage set beyond their bound in tests/quality/thresholds.yml. `make test` gates the
    held-out, development v7 and regression sets; this is how the older development sets are held too."""
    bounds = yaml.safe_load(THRESHOLDS.read_text(encoding="utf-8")).get(f"{name}_triage") or {}
    misses = []
    for figure, bound in bounds.items():
        value = figures.get(figure)
        if figure == "sign_recall" or value is None:
            continue
        if ("min" in bound and value < bound["min"]) or ("max" in bound and value > bound["max"]):
            limit = f"min {bound['min']}" if "min" in bound else f"max {bound['max']}"
            misses.append(f"{figure} {value:.3f} ({limit})")
    return misses


REPO = Path(__file__).resolve().parents[1]
THRESHOLDS = REPO / "tests" / "quality" / "thresholds.yml"
HELDOUT_NLU = REPO / "tests" / "heldout" / "nlu.yml"
# name -> NLU test file; as for the triage sets, only `heldout` is out of sample. The retired held-out NLU sets v4-v10 are
# training data now (nlu/voices/), version 10's since 2026-12-04.
NLU_SETS = {
    "heldout": HELDOUT_NLU,
    "development": REPO / "tests" / "nlu" / "test_nlu.yml",
}
# name -> file; `heldout` is the only out-of-sample set, the others were tuned on (development).
TRIAGE_SETS = {
    "heldout": REPO / "tests" / "heldout" / "triage.yml",
    "development": REPO / "tests" / "evaluation" / "development.yml",
    "development_v4": REPO / "tests" / "evaluation" / "retired-heldout-v4.yml",
    "development_v5": REPO / "tests" / "evaluation" / "retired-heldout-v5.yml",
    "development_v6": REPO / "tests" / "evaluation" / "retired-heldout-v6.yml",
    "development_v7": REPO / "tests" / "evaluation" / "retired-heldout-v7.yml",
    "development_v8": REPO / "tests" / "evaluation" / "retired-heldout-v8.yml",
    "development_v9": REPO / "tests" / "evaluation" / "retired-heldout-v9.yml",
    "development_v10": REPO / "tests" / "evaluation" / "retired-heldout-v10.yml",
    "development_v11": REPO / "tests" / "evaluation" / "retired-heldout-v11.yml",
    "development_v12": REPO / "tests" / "evaluation" / "retired-heldout-v12.yml",
    "development_v13": REPO / "tests" / "evaluation" / "retired-heldout-v13.yml",
    "development_v14": REPO / "tests" / "evaluation" / "retired-heldout-v14.yml",
    "development_v15": REPO / "tests" / "evaluation" / "retired-heldout-v15.yml",
    "development_v16": REPO / "tests" / "evaluation" / "retired-heldout-v16.yml",
    "development_v17": REPO / "tests" / "evaluation" / "retired-heldout-v17.yml",
    "development_v18": REPO / "tests" / "evaluation" / "retired-heldout-v18.yml",
    "development_v19": REPO / "tests" / "evaluation" / "retired-heldout-v19.yml",
    "development_v20": REPO / "tests" / "evaluation" / "retired-heldout-v20.yml",
    "development_v21": REPO / "tests" / "evaluation" / "retired-heldout-v21.yml",
    "development_v22": REPO / "tests" / "evaluation" / "retired-heldout-v22.yml",
    "development_v23": REPO / "tests" / "evaluation" / "retired-heldout-v23.yml",
    "development_v24": REPO / "tests" / "evaluation" / "retired-heldout-v24.yml",
    "development_v25": REPO / "tests" / "evaluation" / "retired-heldout-v25.yml",
    "development_v26": REPO / "tests" / "evaluation" / "retired-heldout-v26.yml",
    "development_v27": REPO / "tests" / "evaluation" / "retired-heldout-v27.yml",
    "development_v28": REPO / "tests" / "evaluation" / "retired-heldout-v28.yml",
    "development_v29": REPO / "tests" / "evaluation" / "retired-heldout-v29.yml",
    "development_v30": REPO / "tests" / "evaluation" / "retired-heldout-v30.yml",
    "development_v31": REPO / "tests" / "evaluation" / "retired-heldout-v31.yml",
    "development_v32": REPO / "tests" / "evaluation" / "retired-heldout-v32.yml",
    "development_v33": REPO / "tests" / "evaluation" / "retired-heldout-v33.yml",
    "development_v34": REPO / "tests" / "evaluation" / "retired-heldout-v34.yml",
    "development_v35": REPO / "tests" / "evaluation" / "retired-heldout-v35.yml",
    "development_v36": REPO / "tests" / "evaluation" / "retired-heldout-v36.yml",
    "development_v37": REPO / "tests" / "evaluation" / "retired-heldout-v37.yml",
    "development_v38": REPO / "tests" / "evaluation" / "retired-heldout-v38.yml",
    "development_v39": REPO / "tests" / "evaluation" / "retired-heldout-v39.yml",
    "development_v40": REPO / "tests" / "evaluation" / "retired-heldout-v40.yml",
    # Distress only, round 26: ambiguous distress and hard negatives in many voices; its other half trains the
    # distress classifier (triage/data/distress_corpus.yml), this half never does.
    "development_ambiguous": REPO / "tests" / "evaluation" / "development-ambiguous.yml",
    "regression": REPO / "tests" / "evaluation" / "cases.yml",
}


def measure_nlu(rasa_url: str, token: str, path: Path = HELDOUT_NLU) -> dict[str, Any]:
    pairs = load_nlu_examples(path)
    parses = parse_all([text for text, _ in pairs], rasa_url, token)
    predicted = [predicted_label(parse) for parse in parses]
    scores = intent_scores([label for _, label in pairs], predicted)
    scores["misses"] = [
        (index, label, guess)
        for index, ((_, label), guess) in enumerate(zip(pairs, predicted, strict=True))
        if label != guess
    ]
    scores["confusions"] = confusions(scores["misses"])
    return scores


def confusions(misses: Iterable[tuple[int, str, str]]) -> list[tuple[str, str, int]]:
    """(expected, predicted, count) of the misses, most frequent first: which intents are taken for which."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for _, label, guess in misses:
        counts[(label, guess)] += 1
    return [(label, guess, count) for (label, guess), count in sorted(counts.items(), key=lambda item: -item[1])]


def measure_triage(name: str, rasa_url: str, token: str, workers: int = 4) -> dict[str, Any]:
    cases = load_cases(TRIAGE_SETS[name])
    return triage_figures(cases, run_all(cases, rasa_url, token, workers))
