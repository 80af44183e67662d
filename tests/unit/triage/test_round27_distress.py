"""Round 27: strain and exhaustion said in other words than the lists had (a weight that can no longer be borne, two words
of exhaustion stacked without "je suis") get the direct question (level 3), which a case table cannot say (it checks only
`distress`); a client or a noise one cannot stand, and tiredness said to be the season's, do not."""

from __future__ import annotations

import pytest

from triage.distress import AMBIGUOUS, distress_level


@pytest.mark.parametrize(
    "text",
    [
        "la solitude je la supporte plus, seule au labo depuis le départ de mon associé",
        "je ne supporte plus cette angoisse du 5 du mois",
        "cette pression, j'la supporte plus",
        "Toute cette tension, je ne la supporte plus.",
        "lessivee, a plat, tous les jours pareil",
        "rincé et vidé, le camion est encore en panne",
    ],
)
def test_asks_directly(text: str) -> None:
    assert distress_level(text) == AMBIGUOUS


@pytest.mark.parametrize(
    "text",
    [
        "ce client je le supporte plus, il appelle dix fois par jour",
        "le bruit du marteau-piqueur je le supporte plus",
        "crevé, vidé, mais bon c'est la saison",
        "crevé vidé après 14 heures de route",
    ],
)
def test_no_question_on_near_misses(text: str) -> None:
    assert distress_level(text) is None
