"""Round 26 (issue 13): ambiguous distress in voices the triage missed (tests/evaluation/development-ambiguous.yml's
development half), read as classes: the direct question about suicide (level 3, no crisis path); and their near misses,
business words and tiredness that stay calm. Sentences written for these tests, not taken from any evaluation set."""

from __future__ import annotations

import pytest

from triage import assess

ASKED = [
    # how long one holds out, after "je sais pas" (its "pas" read as a negation)
    "je sais vraiment pas combien de temps je vais tenir",
    "jsais pas jusqu'à quand je vais encore tenir comme ça",
    "aucune idée de combien de temps je peux encore tenir",
    # touching bottom, short and in SMS
    "je suis au fond, complètement",
    "chui o fon depuis la liquidation",
    "je suis tout au fond du puits et ça remonte pas",
    # a person called finished
    "je suis une femme finie, voilà",
    "franchement je suis un mec foutu",
    # knocked flat, young voices
    "jsuis en pls et personne le voit",
    "je suis grave en pls depuis lundi",
    # drinking to hold on
    "je picole tous les soirs pour pas penser à la boîte",
    "je me suis mis à boire pour trouver le sommeil",
    # living on autopilot
    "je fonctionne en pilote automatique depuis des mois",
]

CALM = [
    "combien de temps je peux tenir sans payer la TVA ?",
    "jusqu'à quand je peux tenir avant que la banque rejette les prélèvements ?",
    "mon stock est au fond de l'atelier, je vous envoie la photo",
    "le camion est foutu, il me faut un crédit",
    "je suis en pls devant le formulaire de la CFE mdr",
    "je bois deux cafés pour tenir jusqu'au marché",
    "la boutique tourne en pilote automatique pendant mes congés",
]


@pytest.mark.parametrize("typed", ASKED)
def test_ambiguous_distress_gets_the_direct_question(typed):
    result = assess([typed])
    assert result.distress_level == 3 and not result.distress


@pytest.mark.parametrize("typed", CALM)
def test_business_words_and_tiredness_stay_calm(typed):
    result = assess([typed])
    assert result.distress_level is None and not result.distress


def test_a_burden_become_stays_a_warning_sign_with_money_after_it():
    result = assess(["pour ma femme et les gosses je suis devenue un poids, tout ce que je fais leur coûte"])
    assert result.distress and result.urgency == "critique"
