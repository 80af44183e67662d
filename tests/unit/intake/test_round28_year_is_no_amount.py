"""Round 28 (make run): "impots me reclament la tva de 2024, 9000e" was restated "sommes dues : impôts 2024 €, 9000 €".
A year said after the tax or contribution it belongs to is no amount owed; an amount with its unit stays one."""

from __future__ import annotations

import pytest

from intake.facts import extract_facts


@pytest.mark.parametrize(
    "words, creditors",
    [
        ("les impôts me réclament la TVA de 2024, 9000e", "impôts 9000 €"),
        ("la cfe 2025 et 1200 de tva aux impots, je dois tout", "impôts 1200 €"),
        ("l'urssaf réclame les cotisations 2023, 4500", "URSSAF 4500 €"),
        ("une régularisation de 2022 de l'urssaf : 3100", "URSSAF 3100 €"),
        # near misses: amounts that look like years, with a unit or alone after the creditor
        ("l'urssaf veut 2024 euros", "URSSAF 2024 €"),
        ("l'urssaf 2030", "URSSAF 2030 €"),
        ("les impots 2400 de tva", "impôts 2400 €"),
        ("et j'ai aussi les impots 2000", "impôts 2000 €"),
        ("les impots de 2023 me reclament 5000", "impôts 5000 €"),
    ],
)
def test_a_year_of_a_tax_is_no_amount(words, creditors):
    assert extract_facts(words).get("creditors") == creditors
