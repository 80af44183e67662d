"""An amount said back wrong and corrected in the next words ("pardon c'est 6000 pas 8000"), table-driven."""

from __future__ import annotations

import pytest

from intake.facts import corrected_creditors, extract_facts, says_no_to


@pytest.mark.parametrize(
    "known, words, corrected",
    [
        ("URSSAF 8000 €", "pardon c'est 6000 pas 8000", "URSSAF 6000 €"),
        ("URSSAF 8000 €", "non 6000 €", "URSSAF 6000 €"),
        ("URSSAF 8000 €", "non c'est 6 000 euros", "URSSAF 6 000 €"),
        ("URSSAF 8000 €", "en fait 6k", "URSSAF 6 000 €"),
        ("URSSAF 8000 €", "6000 et non 8000", "URSSAF 6000 €"),
        ("URSSAF 8000 €", "c'est 6000, non pas 8000", "URSSAF 6000 €"),
        ("URSSAF 8000 €", "je me suis trompée c'est 9500", "URSSAF 9500 €"),
        ("URSSAF 8000 € et 3 000 €", "c'est 5000 pas 3000", "URSSAF 8000 € et 5000 €"),
        ("URSSAF 8000 €, banque 2000 €", "c'est 2500 pas 2000", "URSSAF 8000 €, banque 2500 €"),
        # Round 5 replays: the wrong amount first, the sentence ending on the right one.
        ("URSSAF 4000 €", "pardon c'est pas 4000 c'est 4600. et je suis a Vitre pas Rennes", "URSSAF 4600 €"),
    ],
)
def test_the_amount_said_wrong_is_the_one_replaced(known, words, corrected):
    assert corrected_creditors(known, words) == corrected


@pytest.mark.parametrize(
    "known, words",
    [
        ("URSSAF 8000 €", "6000"),  # no correction said: another amount, perhaps another debt
        ("URSSAF 8000 €", "depuis 2020"),
        ("URSSAF 8000 €", "non pas du tout"),
        ("URSSAF 8000 €", "non c'est 8000"),  # the same amount: nothing to correct
        ("URSSAF 8000 €, banque 2000 €", "non 3000"),  # which one? the advisor will ask
        ("URSSAF", "non 6000"),  # no amount noted
        (None, "pardon c'est 6000 pas 8000"),
        ("URSSAF 8000 €", "non c'est la banque 6000"),  # a creditor named: extract_facts reads it
        ("URSSAF 8000 €", "/deny"),
    ],
)
def test_nothing_is_corrected_without_a_clear_correction_of_a_noted_amount(known, words):
    assert corrected_creditors(known, words) is None


@pytest.mark.parametrize(
    "words, creditors",
    [
        ("l'urssaf c'est 6000 pas 8000", "URSSAF 6000 €"),
        ("l'urssaf 6000 € et non 8000 €", "URSSAF 6000 €"),
        ("l'urssaf 8000, la banque 2000", "URSSAF 8000 €, banque 2000 €"),
    ],
)
def test_an_amount_said_wrong_with_its_creditor_is_never_owed(words, creditors):
    assert extract_facts(words)["creditors"] == creditors


@pytest.mark.parametrize(
    "slot, words, says_no",
    [
        ("deadline", "non pas d'echeance. et je suis pas a Caen en fait, l'atelier est a Bayeux", True),
        ("deadline", "aucune échéance", True),
        ("deadline", "ah non pas Lille, Amiens", False),  # a correction, no answer to the question
        ("employees", "non aucun salarié, et c'est à Lens pas Lille", True),
        ("since_when", "non pas de date", False),  # a no says nothing of a duration
    ],
)
def test_a_no_that_names_the_questions_topic(slot, words, says_no):
    assert says_no_to(slot, words) is says_no
