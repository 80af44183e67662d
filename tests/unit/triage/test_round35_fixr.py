"""Round 35, helper "fixr": older retired verdicts lost by this round's fixes, restored as classes (triage alone). Each
row is a conversation written for these tests (none comes from an evaluation set).

- Selling or handing over one's own share is no share claimed: no tresorerie from the shares pattern.
- The clause that says whom the writer writes for drops the model's life event only when those words alone made it; a
  death or a loss told in the same clause stays a life event.
- Tiredness beside the hospital trips for a relative stays the artisan's own health; only the care words move.
- A stop after damage that has lasted weeks ("fermé depuis trois semaines") is no emergency of the day.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.assessments import run_conversation

TODAY = date(2026, 12, 7)

# (conversation, categories it must have, categories it must not have)
CATEGORY_CASES = [
    (["on se dispute sans arrêt avec mon associé, il veut revendre ses parts à un concurrent"], [], ["tresorerie"]),
    (["ma coassociée veut céder sa part du salon à sa cousine, moi ça m'inquiète"], [], ["tresorerie"]),
    # Still a claim: the share to pay out.
    (["mon ex-associé exige que je lui rachète ses parts avant l'été"], ["tresorerie"], []),
    (
        ["mon frère est plombier à Vannes, il a perdu sa femme en mars et reste seul avec les petits"],
        ["vie_personnelle"],
        [],
    ),
    (
        ["ébéniste, ma mère est hospitalisée à Brest, je fais les allers-retours tous les soirs, je suis épuisé"],
        ["vie_personnelle", "sante"],
        [],
    ),
]


@pytest.mark.parametrize(
    "turns, required, forbidden", CATEGORY_CASES, ids=[f"case-{i}" for i in range(len(CATEGORY_CASES))]
)
def test_round35_fixr_categories(turns: list[str], required: list[str], forbidden: list[str]) -> None:
    found = set(run_conversation(turns, None, TODAY)[-1].categories)
    assert set(required) <= found, (turns, found)
    assert not found & set(forbidden), (turns, found)


URGENCY_CASES = [
    (["relieur à Vitré", "fuite d'eau chez le voisin, le salon est fermé depuis trois semaines"], "normale"),
    (["depuis l'orage d'août l'atelier de serrurerie est à l'arrêt, l'assureur a rien versé"], "normale"),
]


@pytest.mark.parametrize("turns, expected", URGENCY_CASES, ids=[f"case-{i}" for i in range(len(URGENCY_CASES))])
def test_round35_fixr_long_stop_after_damage(turns: list[str], expected: str) -> None:
    assert run_conversation(turns, None, TODAY)[-1].urgency == expected, turns
