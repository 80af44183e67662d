"""Round 29 (r29-b-06): "le 31 je dois payer mes 2 salariés et la cssm me réclame aussi 3000" (a butcher in Mamoudzou)
was not heard as a debt: the debts question was asked, then asked again. Overseas, the contributions' collector is named
as itself, as the MSA and the CAFAT are: Mayotte's CSSM, the CGSS of Guadeloupe, Martinique, Guyane and Réunion, with the
sum said beside it. Near misses: the URSSAF stays the URSSAF."""

from __future__ import annotations

from datetime import date

import pytest

from guidance.select import owed_with_a_sum
from intake.facts import extract_facts

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    "words, creditors",
    [
        ("coiffeuse à Kourou, la CGSS me réclame 2800 euros de cotisations", "CGSS 2800 €"),
        ("boulanger à Mamoudzou, je dois 1500 à la cssm", "CSSM 1500 €"),
        ("j'ai une dette de 4000 à la caisse générale de sécurité sociale", "CGSS 4000 €"),
        ("je dois 3000 à la cgss et 2000 aux impôts", "CGSS 3000 €, impôts 2000 €"),
    ],
)
def test_the_overseas_collector_is_a_creditor_named_as_itself(words: str, creditors: str) -> None:
    assert extract_facts(words, TODAY).get("creditors") == creditors
    assert "cotisations_sociales" in owed_with_a_sum({"creditors": creditors})


def test_the_urssaf_stays_the_urssaf() -> None:
    assert extract_facts("l'urssaf me réclame 5000 euros", TODAY).get("creditors") == "URSSAF 5000 €"
