"""Round 26 (talk-c M6, r26c-04; talk-b r26b-11): a seizure threatened by the tax office after a mise en demeure
("ils m'ont envoyé une mise en demeure, faut payer avant la fin du mois sinon saisie", the taxes named before), and a
seizure the tax office made ("le trésor public a saisi mon compte"), got the card on contesting a bailiff's seizure
before the juge de l'exécution. A tax seizure is administrative (SATD): the tax office's cards come instead
(impots_avis_avant_saisie before it, impots_saisie_faite after). A bailiff's seizure keeps its card."""

from __future__ import annotations

import pytest

from tests.support.guidance import cards as _cards

BAILIFF_CARD = "saisie_juge_execution"


@pytest.mark.parametrize(
    "messages",
    [
        # r26c-04: the taxes named, then the notice
        [
            "j'ai une grosse dette de cotisations",
            "non c'est pas l'urssaf c'est les impôts, la CFE et la TVA, 12000 euros",
            "ils m'ont envoyé une mise en demeure, faut payer avant la fin du mois sinon saisie",
        ],
        # SMS
        ["dette tva 5000e", "jai recu une mise en demeure sinon ils saisissent le compte"],
        # dictation, no accents
        ["les impots me reclament la cfe", "ils ont envoye une mise en demeure faute de quoi saisie sur le compte"],
    ],
)
def test_a_tax_seizure_threatened_gets_the_tax_office_card(messages):
    cards = _cards(messages)
    assert "impots_avis_avant_saisie" in cards
    assert BAILIFF_CARD not in cards


@pytest.mark.parametrize(
    "message",
    [
        "le tresor public a saisi mon compte pour la cfe, tout est bloqué",  # r26b-11
        "les impots m'ont saisi le compte pro pour la TVA",
        "le fisc m'a tout bloqué sur le compte, saisie pour la cfe",
    ],
)
def test_a_tax_seizure_made_gets_the_tax_office_card(message):
    cards = _cards([message])
    assert "impots_saisie_faite" in cards
    assert BAILIFF_CARD not in cards


@pytest.mark.parametrize(
    "message",
    [
        "un huissier a saisi mon compte pour un fournisseur",
        "le commissaire de justice a fait une saisie sur mon compte bancaire pour une facture",
    ],
)
def test_a_bailiff_seizure_keeps_its_card(message):
    assert BAILIFF_CARD in _cards([message])


def test_an_urssaf_notice_gets_no_tax_card_nor_the_bailiff_card():
    cards = _cards(["l'urssaf m'a envoyé une mise en demeure, payer sous 30 jours sinon saisie"])
    assert "urssaf_delai_paiement" in cards
    assert "impots_avis_avant_saisie" not in cards and BAILIFF_CARD not in cards
