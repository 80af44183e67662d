"""Round 23: the withdrawal and self-contempt someone close describes, sinking and alone with it, get the direct
question (level 3), which a case table cannot say (it checks only `distress`)."""

from __future__ import annotations

import pytest

from triage.distress import AMBIGUOUS, distress_level


@pytest.mark.parametrize(
    "text",
    [
        "mon frère ne dit plus un mot, il parle plus, il mange plus",
        "ma compagne je la reconnais plus",
        "il se renferme depuis la liquidation",
        "elle se traite de nulle, elle se renferme",
        "je me sens couler avec ces dettes",
        "je suis toute seule face à ça",
    ],
)
def test_asks_directly(text):
    assert distress_level(text) == AMBIGUOUS


@pytest.mark.parametrize(
    "text",
    [
        "je ne le reconnais plus dans sa façon de gérer le chantier",
        "il se traite de raté de la cuisine quand le soufflé retombe, on en rit",
    ],
)
def test_no_question_on_near_misses(text):
    assert distress_level(text) is None
