"""Round 22 (r22a-13): "il a des dettes partout et il boit", written by a daughter for her father, got no health
category. Drinking said with the bare verb, the sentence ending there or going on to another, is `sante`; a drink named
("il boit un café") or the idioms of a sinking business ("on boit la tasse", "boire le bouillon") are not.
Sentences written for this test."""

from __future__ import annotations

import pytest

from triage.engine import assess


@pytest.mark.parametrize(
    "words",
    [
        "je vous ecris pour mon pere, charcutier, il a des dettes et il boit",
        "elle boit en cachette depuis le redressement",
        "il picole tous les soirs et l'atelier ferme",
        "jsuis seul a latelier et je bois",
        "mon frere s'est mis a boire depuis que le garage coule",
    ],
)
def test_drinking_said_with_the_bare_verb_is_health(words):
    assert "sante" in assess(words).categories


@pytest.mark.parametrize(
    "words",
    [
        "il boit un cafe et il repart sur le chantier",
        "avec la crise on boit la tasse",
        "il boit la tasse avec sa boulangerie",
        "il boit beaucoup d eau avec la chaleur du fournil",
        "je bois un coup avec les clients le vendredi",
    ],
)
def test_a_drink_or_an_idiom_is_no_health(words):
    assert "sante" not in assess(words).categories
