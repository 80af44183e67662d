"""Round 6 (r6a, B2 and B3): amounts written in words, a year that is no amount, a duration about something else
than the difficulty, and the shape each intake answer must have (intake/shapes.py)."""

from __future__ import annotations

from datetime import date

import pytest

from intake.facts import extract_facts
from intake.shapes import amount_alone, fits, plain_text

TODAY = date(2026, 12, 4)


@pytest.mark.parametrize(
    "text, creditors",
    [
        ("… j'ai une dette urssaf de deux mille cinq cents euros", "URSSAF 2500 €"),  # p03
        (
            "je dois à l'urssaf deux mille cinq et au fournisseur à peu près 3000",
            "URSSAF 2500 €, fournisseurs 3000 €",
        ),  # p10
        ("l'urssaf me réclame mille deux cents euros", "URSSAF 1200 €"),
        ("la banque 15 000 €", "banque 15 000 €"),
    ],
)
def test_amounts_in_words_are_read(text, creditors):
    assert extract_facts(text, TODAY)["creditors"] == creditors


@pytest.mark.parametrize(
    "text",
    [
        "J'ai pris un PGE en 2020 et la banque me relance",  # p20: "banque 2020 €"
        "mon prêt de 2019 à la banque est impayé",
        "je dois à la banque depuis 2021",
    ],
)
def test_a_year_is_never_an_amount(text):
    assert "2020 €" not in extract_facts(text, TODAY).get("creditors", "")
    assert "€" not in extract_facts(text, TODAY).get("creditors", "")


@pytest.mark.parametrize(
    "text, since",
    [
        # p15: how long two people were known, not how long the difficulty lasts.
        ("mon associé et deux gars que je connaissais depuis dix ans m'ont lâché", None),
        ("deux gars que je connaissais depuis dix ans sont partis, ça dure depuis le covid", "depuis le covid"),
        ("on est mariés depuis 20 ans et ma femme est malade", None),
        ("le client paye pas depuis 3 mois", "depuis 3 mois"),
    ],
)
def test_a_duration_about_something_else_is_not_the_situations(text, since):
    assert extract_facts(text, TODAY).get("since_when") == since


@pytest.mark.parametrize(
    "text, amount",
    [
        ("deux mille cinq", "2 500 €"),
        ("mille deux cents", "1 200 €"),
        ("environ 4000 €", "4 000 €"),
        ("2020", None),
        ("janvier", None),
        ("3 salariés", None),
    ],
)
def test_an_amount_said_alone(text, amount):
    assert amount_alone(text) == amount


@pytest.mark.parametrize(
    "slot, text, fit",
    [
        ("deadline", "🙏", False),
        ("deadline", "le 15 janvier", True),
        ("deadline", "fin du mois", True),
        ("since_when", "<b>aide</b>", False),
        ("since_when", "les impôts", False),
        ("since_when", "depuis le covid", True),
        ("since_when", "ça fait 2 ans", True),
        ("creditors", "seul", False),
        ("creditors", "janvier", False),
        ("creditors", "2 ans", False),
        ("creditors", "Leroy Merlin", True),
        ("legal_form", "euh les deux en fait, fournisseur et banque", False),
        ("legal_form", "une boîte à mon nom", True),
    ],
)
def test_each_question_keeps_answers_of_its_kind(slot, text, fit):
    assert fits(slot, text) is fit


def test_markup_never_reaches_a_fact():
    assert plain_text("<b>aide</b> &amp; <script>x</script>") == "aide & x"
