"""Round 27 (talk-b B19: r27-b-20): "dpuis 1 mois", typed to "Devez-vous de l'argent à quelqu'un aujourd'hui ?", was
stored as "Depuis quand" and as "Créanciers" ("Créanciers : dpuis 1 mois"): the SMS spellings of "depuis", "ça fait",
"il y a" were not read as a length of time, so the answer fitted the debts question too. One answer, one field: a length
of time in any spelling is no creditor; a creditor named with a time ("l'urssaf depuis 2 mois") still is one."""

from __future__ import annotations

import pytest

from intake.shapes import fits, only_time


@pytest.mark.parametrize(
    "words",
    ["dpuis 1 mois", "depuis 1 mois", "depui 2 ans", "depuit 3 semaines", "sa fait 3 mois", "ya 2 mois", "y a 6 mois"],
)
def test_a_length_of_time_in_any_spelling_is_no_creditor(words):
    assert only_time(words)
    assert not fits("creditors", words)


@pytest.mark.parametrize("words", ["l'urssaf depuis 2 mois", "sa banque", "la banque", "ya le loyer", "yaourtier"])
def test_near_miss_a_creditor_or_a_word_is_no_bare_time(words):
    assert not only_time(words)


@pytest.mark.parametrize("words", ["l'urssaf depuis 2 mois", "la banque", "le fournisseur et les impots"])
def test_near_miss_a_creditor_named_still_fits_the_debts_question(words):
    assert fits("creditors", words)
