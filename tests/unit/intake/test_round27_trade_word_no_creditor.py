"""A trade's word is no creditor; a denial removes what it denies (round 27, talk-a r27-a-06, D13).

"mon entreprise d'électricité (SARL, 4 salariés) ... le redressement s'élève à 42 000 euros" was noted "sommes dues :
énergie, impôts 42 000 €"; "nous ne devons rien au fournisseur d'énergie" then became "C'est corrigé : fournisseurs"
and the case kept "énergie". The business's trade ("entreprise d'électricité", "artisan en électricité") names no
creditor; "le fournisseur d'énergie" is the energy creditor, and "nous ne devons rien à ..." (whoever owes) denies it.
"""

from __future__ import annotations

from datetime import date

import pytest

from intake.facts import corrections, extract_facts

TODAY = date(2026, 12, 6)


@pytest.mark.parametrize(
    "words, creditors",
    [
        (
            "Bonjour, je vous contacte au sujet de mon entreprise d'électricité (SARL, 4 salariés) située à Mérignac. "
            "Nous avons eu un contrôle fiscal et le redressement s'élève à 42 000 euros.",
            "impôts 42 000 €",
        ),
        ("j'ai une boite d'electricite dans le 33, l'urssaf me reclame 5000", "URSSAF 5000 €"),
        ("artisan en electricite, la banque me relance pour 8000", "banque 8000 €"),
        ("société de gaz et chauffage, on a 12 000 € de retard de TVA", "impôts 12 000 €"),
        # Near misses that must not change: energy owed stays owed.
        ("je dois 3000 euros d'électricité à EDF", "énergie 3000 €"),
        ("facture d'electricite impayee", "énergie"),
        ("le fournisseur de gaz me reclame 2000 euros", "énergie 2000 €"),
        ("je dois 4000 a mon fournisseur de bois", "fournisseurs 4000 €"),
    ],
)
def test_the_trade_is_no_creditor(words, creditors):
    assert extract_facts(words, today=TODAY).get("creditors") == creditors


@pytest.mark.parametrize(
    "words, left",
    [
        (
            "Petite correction : nous ne devons rien au fournisseur d'énergie, je suis électricien. Pas d'échéance "
            "à ce jour.",
            "impôts 42 000 €",
        ),
        ("on doit rien a edf", "impôts 42 000 €"),
        ("je ne dois rien au fournisseur de gaz", "impôts 42 000 €"),
        ("EDF nous ne leur devons rien", "impôts 42 000 €"),
    ],
)
def test_a_denied_energy_debt_is_removed(words, left):
    assert corrections(words, {"creditors": "énergie, impôts 42 000 €"}, TODAY).get("creditors") == left


@pytest.mark.parametrize(
    "words, left",
    [
        ("la banque on lui doit rien", "URSSAF 3000 €"),
        ("l'urssaf je leur dois plus rien", "banque 5000 €"),
    ],
)
def test_whoever_owes_nothing_denies_it(words, left):
    assert corrections(words, {"creditors": "banque 5000 €, URSSAF 3000 €"}, TODAY).get("creditors") == left


def test_a_debt_said_again_is_no_denial():
    assert corrections("la banque on lui doit 3000", {"creditors": "banque 5000 €, URSSAF 3000 €"}, TODAY) == {}
