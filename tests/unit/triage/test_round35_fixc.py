"""Round 35, helper "fixc": the retired held-out v39's category misses and forbidden categories, as classes (triage
alone). Each row is a conversation written for these tests (none comes from an evaluation set), the categories it must
have and those it must not.

- A hurricane, a storm or a fire that only kept the tourists away, the workshop untouched, said in the same message or
  a later one: no sinistre (the decision of version 39).
- The insurance of a loan, paid at a death, is no damage to the business.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.assessments import run_conversation

TODAY = date(2026, 12, 7)

# (conversation, categories it must have, categories it must not have)
CASES = [
    # The storm kept the clients away; the premises were spared.
    (
        [
            "potier à Sainte-Anne",
            "depuis l'ouragan d'août les croisiéristes ne viennent plus, trois bols vendus ce mois",
        ],
        [],
        ["sinistre", "travaux"],
    ),
    (["le cyclone a fait fuir les vacanciers, mes carnets de commandes sont vides"], [], ["sinistre"]),
    (
        [
            "souffleur de verre à Saint-François",
            "la tempête tropicale a tout chamboulé dans la saison, les hôtels ont fermé jusqu'en mars",
            "la boutique elle a rien eu, c'est seulement que plus personne ne passe",
        ],
        [],
        ["sinistre", "travaux"],
    ),
    (
        ["avec les incendies dans les Maures cet été, les estivants ont déserté, j'ai fait un tiers de ma saison"],
        ["baisse_activite"],
        ["sinistre"],
    ),
    # The damage said with its verb stays a damage.
    (["le cyclone a arraché le toit de l'atelier et les touristes ne viennent plus"], ["sinistre"], []),
    (["l'incendie a ravagé mon hangar et les machines, l'assurance traîne"], ["sinistre"], []),
    # A loan's insurance, a life insurance: no claim of the business.
    (
        ["l'URSSAF me réclame 9 000 €", "si je partais, mon mari toucherait l'assurance de mon crédit, j'y pense"],
        ["cotisations_sociales"],
        ["sinistre"],
    ),
]


@pytest.mark.parametrize("turns, required, forbidden", CASES, ids=[f"case-{i}" for i in range(len(CASES))])
def test_round35_categories(turns: list[str], required: list[str], forbidden: list[str]) -> None:
    found = set(run_conversation(turns, None, TODAY)[-1].categories)
    assert set(required) <= found, (turns, found)
    assert not found & set(forbidden), (turns, found)
