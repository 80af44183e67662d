"""Round 34 (make run, r34-d): "c'est les impots, le SIE menace de saisir le compte pour 6000 de TVA" was read banque (the
account) and got the Médiation du crédit, which answers a credit the bank cut. A creditor's seizure of the account only
threatened is no credit cut: the Médiation is not offered for it; a credit the bank really cut still gets it."""

from __future__ import annotations

import pytest

from guidance.facts import read_causes
from tests.support.guidance import cards as _cards

MEDIATION = "mediation_credit"


@pytest.mark.parametrize(
    "messages",
    [
        ["les impôts, le service des impôts menace de saisir mon compte pour 4000 € de TVA"],
        ["l'urssaf m'a écrit qu'elle pouvait saisir le compte pro si je paie pas les 3200"],
        ["dette tva 5000e", "jai recu une mise en demeure sinon ils saisissent le compte"],
        ["mon fournisseur de bois risque de faire saisir mon compte, je lui dois 7000"],
        ["le commissaire de justice parle de saisir nos comptes la semaine prochaine pour la CFE"],
    ],
)
def test_a_seizure_of_the_account_threatened_gets_no_credit_mediation(messages):
    assert "saisie_compte_menacee" in read_causes(messages)
    assert MEDIATION not in _cards(messages)


@pytest.mark.parametrize(
    "messages",
    [
        ["la banque m'a coupé le découvert du jour au lendemain, je ne peux plus payer les fournisseurs"],
        ["ma banque refuse de renouveler mon prêt de trésorerie et ferme l'autorisation de découvert"],
    ],
)
def test_a_credit_the_bank_cut_still_gets_the_mediation(messages):
    assert "saisie_compte_menacee" not in read_causes(messages)
    assert MEDIATION in _cards(messages)


@pytest.mark.parametrize(
    "message",
    ["je dois saisir mes comptes dans le nouveau logiciel", "le comptable va saisir les comptes rendus de chantier"],
)
def test_book_keeping_is_no_threatened_seizure(message):
    assert "saisie_compte_menacee" not in read_causes([message])
