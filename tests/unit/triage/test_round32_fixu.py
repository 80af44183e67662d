"""Round 32 (fixu): the urgency classes of the retired held-out v36, each a table written for these tests.

Run the way the bot runs a conversation (after every message, with the previous assessment). Sentences are ours, in
several voices; none comes from an evaluation set.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.assessments import final_urgency
from triage.dates import find_deadlines, find_past_dates
from triage.normalise import normalise

TODAY = date(2026, 12, 5)  # a Saturday


# The local tax falling due on its ordinary day, however near: normale (no recovery step yet).
# A forest fire that only shut the roads around: a loss of trade, normale.
# A loan recall said only as the alternative to a demand months ahead: normale.
# A commission or a mediator the artisan wants to seize: no seizure of goods, never haute.
NORMALE = [
    ["serrurier à Vierzon, ma CFE a presque triplé cette année, 2 100 € échéance au 15 décembre"],
    ["couvreur à Redon", "taxe foncière de l'entrepôt, 1 300 à régler le 15, je les ai pas"],
    [
        "je suis relieuse",
        "ma cotisation foncière a doublé depuis que j'ai changé de local",
        "à payer pour le 15/12, je fais comment ?",
    ],
    [
        "potier dans le Var, en août le feu de forêt a bouclé toutes les routes du massif trois semaines, plus un visiteur"
    ],
    [
        "glacière à Sisteron, l'incendie de l'été a fermé les accès à la vallée, ma boutique n'a rien eu mais zéro client"
    ],
    ["plombier à Dole, la banque veut une autre caution d'ici juin, sinon elle dénoncera le crédit du camion"],
    ["le médiateur des travaux du tram peut indemniser paraît-il, je suis fleuriste, on le saisit comment ?"],
]

# After damage, the machines drowned, nothing left running, the shop boarded up: the artisan cannot work, haute.
# The overdraft struck out at once, debits already sent back: haute. Not a coin left for the household: haute.
HAUTE = [
    ["ébéniste à Privas", "une coulée de boue est entrée dans l'atelier jeudi, ma scie à ruban est noyée"],
    ["boulanger à Quimperlé, la rivière a débordé dans le fournil, le four et le pétrin sont noyés"],
    ["menuisier à Sommières, après l'orage l'atelier a pris l'eau et plus rien qui marche"],
    ["fleuriste à Vernon", "un camion a percuté ma devanture vendredi, la boutique est condamnée avec des panneaux"],
    ["maçon à Laval, ce matin sans un mot la banque a rayé mon découvert de 8 000"],
    ["carreleur, depuis qu'ils ont retiré la facilité de caisse ils refusent déjà mes prélèvements"],
    ["peintre à Caen, le fisc me ponctionne par erreur depuis l'été", "plus un centime pour le foyer ce mois-ci"],
]

# What stays as it was: the tax's date beside a recovery step, a workshop burnt, a loan recalled, a seizure made.
KEPT = [
    (["mise en demeure pour la CFE, à payer sous 8 jours sinon saisie, je suis tailleur"], "haute"),
    (["je suis potier, l'incendie a ravagé mon atelier cette nuit"], "haute"),
    (["la banque a dénoncé mon prêt professionnel, je suis charpentier"], "haute"),
    (["l'huissier a fait une saisie chez moi hier, je suis cordonnier"], "haute"),
    (["audience au tribunal de commerce le 15 décembre pour mes dettes, je suis traiteur"], "haute"),
    (["le loyer du local et la CFE tombent le 10 et le bailleur m'a déjà relancé"], "haute"),
]


@pytest.mark.parametrize("turns", NORMALE)
def test_normale(turns: list[str]) -> None:
    assert final_urgency(turns, TODAY) == "normale"


@pytest.mark.parametrize("turns", HAUTE)
def test_haute(turns: list[str]) -> None:
    assert final_urgency(turns, TODAY) == "haute"


@pytest.mark.parametrize("turns, expected", KEPT)
def test_kept(turns: list[str], expected: str) -> None:
    assert final_urgency(turns, TODAY) == expected


# A day and month then its year said as gone: last year's day, never a deadline to come.
PAST_YEAR = [
    ("pénalité sur la CFE impayée au 15 décembre de l'an dernier", date(2025, 12, 15)),
    ("le contrôle a commencé le 20 décembre dernier", date(2025, 12, 20)),
    ("échéance du 12 décembre l'année passée, jamais réglée", date(2025, 12, 12)),
    ("la crue du 3 novembre dernier a tout abîmé", date(2026, 11, 3)),
]


@pytest.mark.parametrize("text, when", PAST_YEAR)
def test_a_date_of_last_year_is_past(text: str, when: date) -> None:
    words = normalise(text)
    assert find_deadlines(words, TODAY) == []
    assert [found.when for found in find_past_dates(words, TODAY)] == [when]


def test_a_date_to_come_stays() -> None:
    assert [found.days for found in find_deadlines(normalise("à payer le 15 décembre"), TODAY)] == [10]
