"""Round 29, helper "fixd": suicide denied before any question gets the direct question (level 3, distress_level
without distress) when the conversation told a difficulty or a word of strain earlier, or a difficulty of the moment
beside the denial; the first message that denies with nothing told before asks nothing (round 28). A no at the direct
question beside being afraid of oneself is no clear no. Sentences written for these tests (the retired held-out v33
class and the clear no's of versions 14 to 24: the strain in one message, the denial in the next)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.assessments import run_conversation
from triage.answers import CLEAR_NO, answer_to_suicide_question
from triage.distress import AMBIGUOUS

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    "turns",
    [
        [
            "relieur à Angers, le trésor public a bloqué mon compte",
            "non, le suicide c'est pas dans ma tête, je veux juste payer",
        ],
        ["fromager à Vesoul", "je suis à bout depuis l'été", "aucune idée noire, je cherche un échéancier"],
        [
            "ma fille est serrurière à Brest, l'URSSAF la relance",
            "elle est abattue",
            "elle m'a juré qu'elle n'a jamais pensé à mourir",
        ],
        ["tapissier à Niort, le crédit-bail est dénoncé", "l'envie de mourir, je l'ai pas, j'ai mes gamins"],
        [
            "carreleur à Dole",
            "mon frère m'a demandé : est-ce que tu penses à en finir ? non. Par contre je suis à découvert depuis l'été",
        ],
        [
            "boulangère à Millau, le fournisseur de farine exige 9 000 €",
            "non non, aucune bêtise en vue, je suis juste vidée",
        ],
        [
            "couvreur à Redon, l'assurance refuse le sinistre",
            "se tuer pour ça, j'y pense pas, faut pas croire, j'ai besoin d'aide",
        ],
    ],
)
def test_a_denial_after_a_difficulty_or_strain_gets_the_direct_question(turns):
    result = run_conversation(turns, None, TODAY)[-1]
    assert result.distress_level == AMBIGUOUS and not result.distress, (turns, result)


@pytest.mark.parametrize(
    "turns",
    [
        # Nothing told before, no difficulty beside: nothing asked (round 28's near misses, other words).
        ["pas d'idées suicidaires, je voudrais juste savoir comment marche le prêt d'honneur"],
        ["ébéniste à Laval", "je ne pense pas au suicide, je prépare la reprise de l'atelier de mon oncle"],
        # A denial that turns keeps its sign (distress, not the question).
    ],
)
def test_a_denial_with_nothing_told_asks_nothing(turns):
    result = run_conversation(turns, None, TODAY)[-1]
    assert result.distress_level is None and not result.distress, (turns, result)


def test_a_denial_that_turns_stays_a_sign():
    turns = ["plâtrier à Agde, plus de chantiers", "l'envie d'en finir, je l'ai pas... enfin des fois"]
    assert run_conversation(turns, None, TODAY)[-1].distress


@pytest.mark.parametrize(
    "answer",
    ["non je pense pas au suicide mais j'ai peur de moi ce soir", "non, par contre j'ai peur de moi cette nuit"],
)
def test_afraid_of_oneself_is_no_clear_no(answer):
    assert answer_to_suicide_question(answer) != CLEAR_NO
