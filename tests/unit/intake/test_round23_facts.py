"""Round 23 (r23b-08, r23a-07, r23a-11): facts kept wrong in the case, as a class, with near misses that keep."""

from datetime import date

import pytest

from intake.facts import extract_facts

TODAY = date(2026, 12, 6)


@pytest.mark.parametrize(
    "said, form",
    [
        ("plombier, d'abord en micro-entreprise puis en SARL depuis 2019", "SARL"),
        ("j'étais auto-entrepreneur avant 2015, je suis en EURL depuis", "EURL"),
        ("en micro jusqu'en 2020 et en SAS maintenant", "SAS"),
        ("je suis en SARL, avant j'étais auto-entrepreneur", "SARL"),
        # Near misses: one form only, kept as before.
        ("je suis en EURL depuis 2012", "EURL"),
        ("auto-entrepreneur depuis 3 ans", "auto-entrepreneur"),
    ],
)
def test_the_form_the_business_has_now_is_kept(said: str, form: str) -> None:
    assert extract_facts(said, TODAY).get("legal_form") == form


@pytest.mark.parametrize(
    "said",
    [
        "ça coince depuis la rentrée. le courrier de l'huissier traîne sur le bureau depuis trois jours",
        "ça coince depuis la rentrée. la relance des impôts, je l'ai reçue il y a 5 jours",
    ],
)
def test_how_long_a_letter_waited_is_not_since_when(said: str) -> None:
    assert extract_facts(said, TODAY).get("since_when") == "depuis la rentrée"


def test_the_trouble_itself_still_gives_since_when() -> None:
    assert extract_facts("les impayés s'accumulent depuis six mois", TODAY).get("since_when") == "depuis six mois"


def test_a_contrainte_received_days_ago_gives_its_opposition_deadline() -> None:
    deadline = extract_facts("la CGSS m'a envoyé une contrainte, je l'ai reçue il y a 4 jours", TODAY).get("deadline")
    assert deadline and "15 jours" in deadline and "mercredi 2 décembre" in deadline
    assert "since_when" not in extract_facts("la CGSS m'a envoyé une contrainte, je l'ai reçue il y a 4 jours", TODAY)


def test_a_plain_letter_received_days_ago_is_no_deadline() -> None:
    assert "deadline" not in extract_facts("j'ai reçu un courrier du fournisseur il y a 3 jours", TODAY)


def test_a_monthly_instalment_after_its_creditor_stays_monthly() -> None:
    said = "le crédit agricole m'a prêté pour le four, je rembourse toujours, 650 par mois"
    assert extract_facts(said, TODAY).get("creditors") == "banque 650 € par mois"


@pytest.mark.parametrize(
    "said", ["je suis boulanger, le gaz a doublé cet hiver", "je suis boulanger. l'électricité a explosé"]
)
def test_a_cost_that_rises_is_no_trade(said: str) -> None:
    assert extract_facts(said, TODAY).get("trade") == "boulanger"


def test_an_electrician_is_still_a_trade() -> None:
    assert extract_facts("je suis électricien à Rodez", TODAY).get("trade")
