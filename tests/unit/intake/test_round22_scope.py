"""Round 22 (r22c-13): a cost that rises is no debt, and a debt denied names no creditor.

"900 € au lieu de 650 à partir de janvier" was noted "sommes dues : loyer 900 €", and "je dois rien au proprio" left
"Créanciers : loyer" in the case. A rent, a price or an instalment that goes up is what something will cost; the debt
denied in so many words takes its creditor away, the others noted stay. Money owed said with the same words stays a
debt. Sentences written for these tests, the way people type."""

from __future__ import annotations

from datetime import date

import pytest

from intake.facts import corrections, extract_facts

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    "words",
    [
        "le bailleur m'a ecrit, le loyer passe de 700 a 950 euros au 1er fevrier, il a le droit ?",
        "Mon propriétaire augmente le loyer du local à 1300 € par mois.",
        "nouveau loyer 1100 euros au lieu de 800 a compter de mars",
        "le proprio veut une hausse de 200 € sur le loyer",
    ],
)
def test_a_rent_that_rises_is_no_debt(words):
    assert "creditors" not in extract_facts(words, TODAY)


@pytest.mark.parametrize(
    "words, owed",
    [
        ("j'ai trois mois de loyer en retard, 2400 euros", "loyer 2400 €"),
        ("le proprietaire me reclame 1600 € d'arrieres de loyer", "loyer 1600 €"),
        ("l'urssaf me réclame 3000 € depuis la hausse de mes cotisations", "URSSAF 3000 €"),
    ],
)
def test_money_owed_stays_a_debt(words, owed):
    assert extract_facts(words, TODAY).get("creditors") == owed


@pytest.mark.parametrize(
    "words",
    [
        "non je lui dois pas 950, c'est le futur loyer. au proprio je dois rien",
        "je ne dois rien au bailleur, c'est juste l'augmentation",
        "le loyer c'est pas une dette, il va augmenter c'est tout",
    ],
)
def test_a_denied_debt_names_no_creditor_and_removes_it(words):
    assert "creditors" not in extract_facts(words, TODAY)
    assert corrections(words, {"creditors": "loyer 950 €"}, TODAY)["creditors"] == "aucune dette signalée"
    assert corrections(words, {"creditors": "impôts 1800 €, loyer 950 €"}, TODAY)["creditors"] == "impôts 1800 €"
