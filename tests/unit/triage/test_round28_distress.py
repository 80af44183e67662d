"""Round 28, helper "distress": suicide denied before any question, beside a word of strain or feeling, gets the direct
question (level 3, distress_level without distress); without strain, nothing is asked. Sentences written for these
tests (the retired held-out v32 class: "le suicide c'est pas du tout dans ma tête", "aucune idée noire", a doctor's
question answered no)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.assessments import run_conversation
from triage.distress import AMBIGUOUS

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    "turns",
    [
        ["couvreur à Dax", "franchement le suicide c'est pas du tout dans ma tête, mais je suis rincé"],
        ["aucune pensée suicidaire, rassurez-vous, mais je suis découragée par la banque"],
        ["mon généraliste m'a demandé si j'avais des idées noires, non, jamais ; par contre je suis à plat"],
        ["ébéniste à Vannes", "je vous le dis : pas d'idées suicidaires. Juste furieux contre l'URSSAF."],
        ["de mourir, il n'a jamais parlé, mais il est éteint depuis le contrôle fiscal"],
    ],
)
def test_a_denial_beside_strain_gets_the_direct_question(turns):
    result = run_conversation(turns, None, TODAY)[-1]
    assert result.distress_level == AMBIGUOUS and not result.distress, (turns, result)


@pytest.mark.parametrize(
    "turns",
    [
        ["boulanger à Vire", "pas d'idées noires, je veux juste un échéancier pour la TVA"],
        ["je ne pense pas au suicide, je cherche juste un prêt pour le four"],
    ],
)
def test_a_denial_without_strain_asks_nothing(turns):
    result = run_conversation(turns, None, TODAY)[-1]
    assert result.distress_level is None and not result.distress, (turns, result)
