"""Round 24: strain said in other words than the lists had, and someone close withdrawn or crushed, get the direct
question (level 3), which a case table cannot say (it checks only `distress`)."""

from __future__ import annotations

import pytest

from triage.distress import AMBIGUOUS, distress_level


@pytest.mark.parametrize(
    "text",
    [
        "ras-le-bol général, je bosse sans me verser un euro",
        "à bout, dégoûtée, j'ai envie de tout foutre en l'air",
        "je ne dors plus et je mange presque plus depuis le contrôle",
        "les dettes m'étouffent vivant",
        "trois mois d'enfer avec ce chantier impayé",
        "je tiens le coup uniquement pour mes gosses",
        "mon frère ne prononce plus un mot depuis la liquidation",
        "elle parle de tout détruire, les papiers, les relances",
    ],
)
def test_asks_directly(text):
    assert distress_level(text) == AMBIGUOUS


@pytest.mark.parametrize(
    "text",
    [
        "trois mois d'enfer avec le rush de Noël, mais ça paie",
        "le toit est effondré depuis la tempête",
    ],
)
def test_no_question_on_near_misses(text):
    assert distress_level(text) is None
