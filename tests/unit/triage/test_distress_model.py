"""The distress classifier (triage/distress_model.py) and its place in the triage.

held_apart_distress.yml is the corpus's held-apart split (never trained on), run through the whole
triage. Cross-validation figures per category: `.venv/bin/python -m triage.distress_model`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from triage import assess
from triage.distress import CATEGORY_LABELS, INDIRECT, find_signs, is_bereaved_by_suicide, rule_signs
from triage.distress_model import LABELS, LEVEL_1, LEVEL_2, classify, load_corpus, split

CASES = yaml.safe_load((Path(__file__).resolve().parent / "held_apart_distress.yml").read_text(encoding="utf-8"))


def _params():
    for number, case in enumerate(CASES["cases"], 1):
        marks = [pytest.mark.xfail(strict=True, reason="known miss")] if case.get("known_miss") else []
        yield pytest.param(case, id=f"{case['label']}-{number}", marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_held_apart_line(case):
    result = assess([case["says"]])
    described = f"{case['says']!r} -> level {result.distress_level}, {result.distress_signs}"
    if case["expect"] == "crisis":
        assert result.distress and result.urgency == "critique", described
    elif case["expect"] == "question":
        assert result.distress_level == 3 and not result.distress, described
    elif case["expect"] == "bereaved":
        assert not result.distress and is_bereaved_by_suicide(case["says"]), described
    else:
        assert not result.distress, described


def test_held_apart_lines_are_never_trained_on_and_cover_every_label():
    training, held_apart = split(load_corpus())
    assert not {text for text, _ in training} & {text for text, _ in held_apart}
    assert {case["says"] for case in CASES["cases"]} == {text for text, _ in held_apart}
    assert {label for _, label in held_apart} == set(LABELS)
    assert len(training) + len(held_apart) >= 800


def test_sign_categories_are_the_triage_categories():
    assert set(LEVEL_1) | set(LEVEL_2) <= set(CATEGORY_LABELS)


@pytest.mark.parametrize(
    "text, level, category",
    [
        # What the rules do not know, said in ways the corpus does not say word for word.
        ("mes gosses auraient une vie plus facile si je n'étais plus là", 2, None),
        ("j'ai tout donné à mes proches, là-bas je n'aurai besoin de rien", 2, None),
    ],
)
def test_the_model_adds_recall_with_its_rule_name(text, level, category):
    signs = find_signs(text)
    assert signs and signs[0].level <= INDIRECT
    assert any(sign.rule.startswith(("model:", "indirect_", "explicit_")) for sign in signs)


def test_model_signs_are_named_by_category_never_by_text():
    verdict = classify("vous n'aurez plus jamais de nouvelles de moi, c'est la fin")
    assert verdict.level is not None and verdict.level <= INDIRECT
    assert verdict.rule == f"model:{verdict.category}" and verdict.category in LEVEL_2


@pytest.mark.parametrize(
    "text",
    [
        "ce chantier me tue",
        "je me tue au travail",
        "la boîte va mourir",
        "je vais mettre la clé sous la porte",
        "je veux mettre fin au contrat de leasing",
        "comment disparaître du registre du commerce",
        "je cherche une solution de paiement",
        "mon père est décédé d'un cancer",
        "non je ne pense pas au suicide",
        "oui je suis en sécurité",
    ],
)
def test_hard_negatives_stay_calm(text):
    assert not assess([text]).distress


def test_the_model_never_lowers_a_rule_level():
    text = "je pense au suicide"
    assert find_signs(text)[0].level == rule_signs(text)[0].level == 1


def test_signs_count_across_turns():
    turns = [
        "l'urssaf me relance et la banque a bloqué le compte",
        "de toute façon ils seraient tous plus tranquilles si j'étais plus de ce monde",
    ]
    first = assess(turns[:1])
    assert not first.distress
    assert assess(turns, previous=first).distress


def test_classification_is_deterministic():
    text = "je voudrais m'endormir et que tout soit fini"
    assert classify.__wrapped__(text) == classify.__wrapped__(text)


def test_the_fast_scoring_path_gives_scikit_learns_figures():
    """Issue 18: the model's probabilities come from look-ups, not predict_proba; the figures must be the same."""
    from triage.distress_model import _model

    texts = [
        "je n'en peux plus, je veux que tout s'arrête",
        "mes enfants seraient mieux sans moi",
        "bonjour",
        "",
        "xyzzy",
        "l'URSSAF me réclame 3 trimestres et la banque a bloqué le compte",
        "mon frère s'est suicidé l'an dernier",
    ]
    fast = _model().probabilities(texts)
    reference = _model().reference_probabilities(texts)
    for (decided, named), (decided_ref, named_ref) in zip(fast, reference, strict=True):
        assert decided.keys() == decided_ref.keys() and named.keys() == named_ref.keys()
        assert all(abs(decided[label] - decided_ref[label]) < 1e-12 for label in decided)
        assert all(abs(named[label] - named_ref[label]) < 1e-12 for label in named)
