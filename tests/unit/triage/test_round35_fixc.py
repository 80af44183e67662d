"""Round 35, helper "fixc": the retired held-out v39's category misses and forbidden categories, as classes (triage
alone). Each row is a conversation written for these tests (none comes from an evaluation set), the categories it must
have and those it must not.

- A hurricane, a storm or a fire that only kept the tourists away, the workshop untouched, said in the same message or
  a later one: no sinistre (the decision of version 39).
- The insurance of a loan, paid at a death, is no damage to the business.
- Someone close who writes for the artisan ("ma mère est relieuse, j'écris pour elle", "c'est la femme de Loïc,
  menuisier"): the artisan's illness is their health, not a life event (the decision of version 32).
- Hospital trips told after a relative's illness are that relative's care, not the artisan's health.
- A share claimed with its sum or value, or owed, by an ex-partner, a widow or an heir: money to find (tresorerie).
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
    # Someone close writes for the artisan.
    (
        [
            "bonjour, mon père est relieur à Pézenas, je tape pour lui",
            "il a fait un infarctus le mois dernier, il est encore en cardiologie, l'atelier est fermé",
        ],
        ["sante"],
        ["vie_personnelle"],
    ),
    (
        [
            "bonsoir, ici la femme de Loïc, menuisier à Dinan",
            "mon mari s'est cassé le poignet sur un chantier, six semaines de plâtre",
        ],
        ["sante"],
        ["vie_personnelle"],
    ),
    # Hospital trips for a relative's care.
    (
        [
            "fromagère à Murol",
            "ma fille de 6 ans a une tumeur, on fait les allers-retours au CHU de Clermont pour la chimio",
            "je n'ouvre plus que trois jours, et les factures s'entassent",
        ],
        ["vie_personnelle"],
        ["sante"],
    ),
    (
        ["mon mari est très malade", "je passe mes journées sur la route de l'hôpital, l'atelier est fermé"],
        ["vie_personnelle"],
        ["sante"],
    ),
    (["une leucémie chez mon garçon de 7 ans, la boutique tourne au ralenti"], ["vie_personnelle"], ["sante"]),
    # The artisan's own treatment stays their health.
    (
        ["ma femme est malade aussi", "et moi je fais les allers-retours à l'hôpital pour ma chimio"],
        ["sante"],
        [],
    ),
    # A partner's or an heir's share to pay out.
    (
        ["on tenait la librairie à deux avec mon ex, il exige 28 000 euros pour sa moitié"],
        ["tresorerie"],
        [],
    ),
    (["mon associé est décédé, ses enfants veulent récupérer la valeur de ses parts"], ["tresorerie"], ["sante"]),
    (["je lui dois encore sa part de la boutique depuis la séparation"], ["tresorerie"], []),
    (["mon beau-frère réclame les parts de Marc, et la saison est finie"], ["tresorerie"], []),
]


@pytest.mark.parametrize("turns, required, forbidden", CASES, ids=[f"case-{i}" for i in range(len(CASES))])
def test_round35_categories(turns: list[str], required: list[str], forbidden: list[str]) -> None:
    found = set(run_conversation(turns, None, TODAY)[-1].categories)
    assert set(required) <= found, (turns, found)
    assert not found & set(forbidden), (turns, found)
