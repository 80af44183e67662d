"""Round 19, helper "ambiguous": the level-3 classes (the bot asks directly about suicide) that the retired held-out
v25 missed, asserted on the level itself, which cases_round19_ambiguous.yml cannot express. Sentences written for these
tests; none comes from an evaluation set."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.assessments import run_conversation
from triage.distress import AMBIGUOUS

TODAY = date(2026, 12, 5)
RULES = {"ambiguous_no_strength_to_fight", "ambiguous_cannot_feed"}


def _last(turns: list[str]):
    return run_conversation(turns, None, TODAY)[-1]


ASKED = [
    # No strength, courage or energy left for the fight itself.
    (["l'URSSAF me poursuit pour 9 000 €, je n'ai plus la force de ferrailler"], "ambiguous_no_strength_to_fight"),
    (["contrôle fiscal sur trois exercices, j'ai plus le courage de me défendre"], "ambiguous_no_strength_to_fight"),
    (
        ["assigné au tribunal de commerce mardi, ni la force ni l'énergie d'affronter ça"],
        "ambiguous_no_strength_to_fight",
    ),
    (
        ["la boulangerie a brûlé en octobre, pas l'énergie nécessaire pour tout reconstruire"],
        "ambiguous_no_strength_to_fight",
    ),
    (["le garage perd de l'argent depuis deux ans, plus aucune volonté de résister"], "ambiguous_no_strength_to_fight"),
    (
        ["bonjour, c'est pour mon mari, plombier", "la banque a coupé le découvert, il n'a plus la force de se battre"],
        "ambiguous_no_strength_to_fight",
    ),
    # Not even enough to feed oneself or one's children.
    (["le compte est vide, plus un euro pour acheter à manger aux petits"], "ambiguous_cannot_feed"),
    (["zéro revenu depuis août, pas assez pour remplir le frigo"], "ambiguous_cannot_feed"),
    (["plus un sou sur le compte ce mois-ci pour manger"], "ambiguous_cannot_feed"),
    (["la saison est ratée, j'ai plus de quoi nourrir ma famille"], "ambiguous_cannot_feed"),
    (
        [
            "bonjour, tapissière à Vierzon",
            "les clients ont disparu depuis l'automne",
            "il ne me reste rien à manger pour le week-end",
        ],
        "ambiguous_cannot_feed",
    ),
    (["jsuis ambulancier, la CPAM paie pas, pas une thune pour que mes gosses mangent"], "ambiguous_cannot_feed"),
]

CALM = [
    # A task one cannot face tonight; a body that cannot lift; a fight not worth a small sum.
    ["pas le courage de faire ma déclaration de TVA ce soir, je la ferai demain"],
    ["je n'ai pas la force de soulever les poutres seul, il me faut un apprenti"],
    ["pas l'énergie de batailler pour 60 euros de majoration, je paie et basta"],
    # Animals, employees, a meal out, money short to live on, a comparison, a use denied.
    ["plus un sou pour nourrir les chevaux de la pension, le foin a doublé"],
    ["plus d'argent pour manger au restaurant le midi avec les gars, on fait des sandwichs"],
    ["plus un sou pour nourrir mes trois salariés"],
    ["ma pâtisserie n'a plus assez de clients pour nourrir deux salariés"],
    ["plus un rond pour vivre ce mois-ci, l'atelier avale tout"],
    ["pas un euro de plus que l'an dernier pour nourrir ma famille, les prix ont doublé"],
    ["je demande pas ça pour manger, c'est pour racheter une raboteuse"],
    ["pas d'argent pour payer les salaires vendredi"],
]


@pytest.mark.parametrize("turns, rule", ASKED, ids=[f"asked-{n}" for n in range(1, len(ASKED) + 1)])
def test_asked_directly(turns, rule):
    result = _last(turns)
    assert result.distress_level == AMBIGUOUS, result
    assert rule in result.distress_signs, result
    assert not result.distress, result


@pytest.mark.parametrize("turns", CALM, ids=[f"calm-{n}" for n in range(1, len(CALM) + 1)])
def test_near_misses_not_asked(turns):
    result = _last(turns)
    assert not RULES & set(result.distress_signs), result
    assert result.distress_level is None, result
    assert not result.distress, result
