"""At the creditors question a sum said before whom it is owed to belongs to that creditor (round 36, make run: "vers
les 12000 je pense, surtout le fournisseur de bois" was stored as "Sommes dues : fournisseurs", the sum lost)."""

from datetime import date

import pytest

from intake.facts import extract_facts

TODAY = date(2026, 12, 8)


@pytest.mark.parametrize(
    "answer, creditors",
    [
        ("à peu près 9500 je dirais, c'est surtout la banque", "banque 9500 €"),
        ("dans les 4 000 €, l'urssaf pour l'essentiel", "URSSAF 4 000 €"),
        ("7000 en gros. le grossiste surtout", "fournisseurs 7000 €"),
        # A year said alone is when, never how much.
        ("je sais plus, 2021 peut-être, le grossiste", "fournisseurs"),
        # Money held is no debt.
        ("1500 sur le compte, et la banque qui relance", "banque"),
    ],
)
def test_a_sum_said_first_goes_to_the_creditor_named_after_it(answer, creditors):
    assert extract_facts(answer, TODAY, asked="creditors").get("creditors") == creditors


def test_elsewhere_a_number_before_a_creditor_is_no_debt():
    # Outside the creditors question nothing says the number is owed.
    assert extract_facts("à peu près 9500 je dirais, c'est surtout la banque", TODAY).get("creditors") is None
