"""Facts read from what artisans wrote in round 7 of off-script conversations, as classes with new wordings: a trade's
word naming a thing bought, a trade in the plural, "les salaires" beside a head count, a creditor said settled in a
correction."""

from __future__ import annotations

from datetime import date

import pytest

from intake.facts import creditor_names_meant, extract_facts, says_only_salaries_are_paid

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    "words, trade",
    [
        ("la facture d'électricité a triplé depuis l'été", None),
        ("notre fournisseur d'électricité veut couper le compteur", None),
        ("le coût de l'électricité me tue", None),
        ("nous ne sommes pas électriciens, nous sommes boulangers : la facture d'électricité a doublé", "boulangers"),
        ("on est plombiers à deux, mon frère et moi", "plombiers"),
        ("je suis électricien à Lorient", "électricien"),
        ("entreprise d'électricité générale, trois salariés", "électricité"),
    ],
)
def test_a_trade_is_the_artisans_never_a_thing_bought(words, trade):
    assert extract_facts(words, TODAY).get("trade") == trade


@pytest.mark.parametrize(
    "employees, weak",
    [("les salaires", True), ("payer mes salaires", True), ("4 compagnons", False), ("seul", False), (None, False)],
)
def test_salaries_paid_say_no_head_count(employees, weak):
    assert says_only_salaries_are_paid(employees) is weak


@pytest.mark.parametrize(
    "words, meant",
    [
        ("ah non pardon, l'urssaf on a un échéancier c'est bon, le souci c'est la banque", "banque"),
        ("en fait les impôts c'est réglé, c'est l'urssaf qui me relance", "URSSAF"),
        ("non c'est l'urssaf, les impôts ça va", "URSSAF"),  # the settled one is the next creditor
        ("non pardon c'est l'urssaf et la banque", "URSSAF, banque"),
    ],
)
def test_a_creditor_said_settled_in_a_correction_is_not_meant(words, meant):
    assert creditor_names_meant(words) == meant
