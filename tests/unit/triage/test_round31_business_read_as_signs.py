"""Round 31, helper "fixd": business facts the retired held-out v35 read as warning signs, as classes: a home pledged to a
creditor who may turn on it, the next step a bailiff announced, an insurer feared not to cover a claim or a lawsuit, tools
handed on to an apprentice at a retirement told in another sentence, a will made as a routine precaution, the southern
"adieu" explained as how people greet. Each stays off the crisis path; the same words with a personal end keep the sign.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from triage.distress import INDIRECT, find_signs


def _crisis(text: str) -> bool:
    return any(sign.level <= INDIRECT for sign in find_signs(text))


@pytest.mark.parametrize(
    "text",
    [
        "avec mon épouse on a hypothéqué la maison pour le prêt. j'ai peur que la banque vienne dessus, que faire ?",
        "on avait mis en garantie notre appartement, je crains que le créancier se retourne contre nous",
        "l'huissière est venue ce matin. ensuite ce sera la vente aux enchères, d'après elle. et après ?",
        "un client veut me poursuivre et l'assureur risque de me lâcher, je fais quoi",
        "si ça part au tribunal j'ai peur que ma RC pro ne couvre pas le sinistre",
        "Je cesse à la retraite l'été prochain, personne ne reprend. Ma compagne d'atelier s'installe à Figeac, je lui laisse "
        "les établis, la presse et les gabarits, je lui donne l'ensemble. Comment céder le matériel proprement ?",
        "J'ai signé mon testament la semaine dernière, par simple précaution, à 72 ans c'est normal.",
        "Adieu la compagnie ! au village c'est ainsi que l'on se salue. Je suis potière et l'URSSAF me relance.",
    ],
)
def test_business_facts_stay_off_the_crisis_path(text):
    assert not _crisis(text), (text, find_signs(text))


@pytest.mark.parametrize(
    "text",
    [
        "la banque prendra la maison, de toute façon je ne serai plus là pour voir ça",
        "j'ai rédigé mon testament, mes affaires sont en ordre, je suis prêt à partir",
        "l'assurance vie paiera tout si je meurs, ma famille sera tranquille",
        # Things given away with the retirement denied: no handing on told, and the rules' "retraite" veto says nothing.
        "mon frère distribue ses outils, la scie à un voisin, le rabot à mon fils, il dit que bientôt ce sera inutile, et "
        "il ne part pas à la retraite",
        "mon associé donne ses outils à tout le monde, la scie au voisin, le tour à son neveu, il dit que bientôt ça lui "
        "sera inutile. la retraite, il n'en prend pas",
    ],
)
def test_a_personal_end_keeps_the_sign(text):
    assert _crisis(text), (text, find_signs(text))
