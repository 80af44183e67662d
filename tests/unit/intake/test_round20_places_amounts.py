"""Round 20 (places-names): a phone prefix is never a debt (r20b-14: "0692 45 67 89" stored as "URSSAF 0692 €"), and
New Caledonia's social security, the CAFAT, is named as itself, in Pacific francs (r20c-20: recorded as "URSSAF")."""

from __future__ import annotations

from datetime import date

import pytest

from intake.facts import corrections, extract_facts
from triage.engine import assess

TODAY = date(2026, 12, 7)


def creditors(words: str) -> str | None:
    return extract_facts(words, TODAY).get("creditors")


@pytest.mark.parametrize(
    "words, expected",
    [
        ("ebeniste a la Reunion, l urssaf me relance, mon tel 0692 45 67 89", "URSSAF"),
        ("l'urssaf me réclame, rappelez-moi au 0692 45 67 89", "URSSAF"),
        ("je dois 0692 a l urssaf", "URSSAF"),
        ("l urssaf me reclame 4500 euros, mon portable 06 12 34 56 78", "URSSAF 4500 €"),
        ("l urssaf 8000", "URSSAF 8000 €"),
    ],
)
def test_a_phone_prefix_is_never_a_sum(words, expected):
    assert creditors(words) == expected


def test_a_phone_prefix_taken_for_a_sum_is_put_right_and_the_creditor_kept():
    fixed = corrections("0692 c est pas une somme c est mon numero hein", {"creditors": "URSSAF 0692 €"}, TODAY)
    assert fixed["creditors"] == "URSSAF"


@pytest.mark.parametrize(
    "words, expected",
    [
        ("je dois 400000 francs a la cafat", "CAFAT 400000 F CFP"),
        ("la CAFAT me reclame 400 000 F CFP, vous pouvez m'aider ?", "CAFAT 400 000 F CFP"),
        ("la Cafat me relance pour mes cotisations, 312 000 francs", "CAFAT 312 000 F CFP"),
        ("l'urssaf me réclame 4000 euros", "URSSAF 4000 €"),
        ("j'ai 3000 euros d'urssaf en retard", "URSSAF 3000 €"),
    ],
)
def test_the_cafat_is_named_as_itself(words, expected):
    assert creditors(words) == expected


def test_the_cafat_is_a_social_contributions_difficulty():
    assert "cotisations_sociales" in assess("je dois 400000 francs a la cafat, je suis a noumea").categories


def test_the_cafat_paying_late_is_no_contributions_debt():
    assert (
        "cotisations_sociales"
        not in assess("la cafat me regle mes transports de malades avec trois mois de retard").categories
    )
