"""Round 14 (testers talking to the bot), plain functions: what names a legal form, past dates said as the deadline,
parts of a month ("mi janvier", "fin janvier", "début février", "courant mars") and amounts owed said before the
amount question."""

from __future__ import annotations

from datetime import date

import pytest

from intake.facts import extract_facts, past_deadline, sums_said
from intake.shapes import fits, names_a_legal_form
from triage.dates import find_deadlines, find_past_dates
from triage.normalise import normalise

TODAY = date(2026, 12, 5)  # a Saturday


# --- 1. only words that name or describe a legal form are one -------------------------------------------------------


@pytest.mark.parametrize(
    "words",
    [
        "sarl",
        "SASU",
        "une petite sarl avec mon frere",
        "en nom propre",
        "je suis a mon compte",
        "auto entrepreneur",
        "micro",
        "ei",
        "entreprise individuelle",
        "c une societe",
        "on est 2 associés",
        "je suis independant",
        "EURL je crois",
        "euh en individuel",
        "regime micro",
    ],
)
def test_words_that_name_a_legal_form_fit_the_question(words):
    assert names_a_legal_form(words)
    assert fits("legal_form", words)


@pytest.mark.parametrize(
    "words",
    [
        "j'ai surtout peur pour mes salariés",
        "c'est ma femme qui gère ça",
        "c ma femme ki gere tt ca",
        "c'est sa femme qui fait les papiers",  # "sa" is a possessive, no SA
        "le comptable doit savoir",
        "je sais plus trop",
        "j'ai peur de tout perdre",
        "artisan",
        "Marie",
        "pourquoi vous demandez ca",
        "c'est au nom de ma femme",
    ],
)
def test_words_of_something_else_are_no_legal_form(words):
    assert not names_a_legal_form(words)
    assert not fits("legal_form", words)


# --- 2. a past date is no deadline to come ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "words, when",
    [
        ("c'était le 15 novembre", "dimanche 15 novembre"),
        ("ct le 15 novembre", "dimanche 15 novembre"),
        ("l'échéance était lundi dernier", "lundi 30 novembre"),
        ("c etait lundi", "lundi 30 novembre"),
        ("le prelevement est passé le 30/11", "lundi 30 novembre"),
        ("le 30/11", "lundi 30 novembre"),
        ("le 15 novembre", "dimanche 15 novembre"),
        # In the past tense, a date three months back is that date, never next year's 15 September.
        ("euh c etait le 15 septembre", "mardi 15 septembre"),
        ("la date c'était hier", "vendredi 4 décembre"),
        ("c'était le 3 je crois", "jeudi 3 décembre"),
        ("c'était début novembre", "dimanche 1er novembre"),
        ("fin novembre", "lundi 30 novembre"),
    ],
)
def test_a_past_date_at_the_deadline_question_is_read_as_past(words, when):
    assert past_deadline(words, TODAY) == when
    assert "deadline" not in extract_facts(words, TODAY, asked="deadline")


@pytest.mark.parametrize(
    "words",
    [
        "le 15 decembre",  # to come
        "c'était prévu le 20 janvier",  # far back in the past tense: next January
        "ça a été reporté au 3",
        "hier j'ai recu un courrier de l'huissier",  # when a letter came, no date due
        "c'était le 15 novembre, mais maintenant je dois payer avant le 20",  # a date to come is said too
        "non pas d'échéance",
        "lundi",
    ],
)
def test_no_past_deadline_without_a_past_date_alone(words):
    assert past_deadline(words, TODAY) is None


def test_next_years_date_is_still_read_without_the_past_tense():
    # Long past and not said in the past tense: the next one (unchanged behaviour).
    assert find_deadlines(normalise("audience le 15 septembre"), TODAY)[0].when == date(2027, 9, 15)
    assert find_past_dates(normalise("audience le 15 septembre"), TODAY) == []


@pytest.mark.parametrize(
    "text",
    ["l echeance etait lundi dernier", "c etait le 15 novembre", "le 30/11", "c est passe le 30/11"],
)
def test_past_dates_are_never_deadlines(text):
    assert find_deadlines(text, TODAY) == []
    assert find_past_dates(text, TODAY)


# --- 3. parts of a month ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "words, when",
    [
        ("mi janvier", date(2027, 1, 15)),
        ("vers la mi-janvier", date(2027, 1, 15)),
        ("fin janvier", date(2027, 1, 31)),
        ("pour fin janvier normalement", date(2027, 1, 31)),
        ("fin du mois de janvier", date(2027, 1, 31)),
        ("début février", date(2027, 2, 1)),
        ("debut fevrier je crois", date(2027, 2, 1)),
        ("debut de janvier", date(2027, 1, 1)),
        ("courant mars", date(2027, 3, 15)),
        ("courant mars 2027", date(2027, 3, 15)),
        ("fin fevrier", date(2027, 2, 28)),
        ("mi-decembre", date(2026, 12, 15)),
        # A part of the current month still running ends with that part: never a past date nor "aujourd'hui".
        ("debut decembre", date(2026, 12, 10)),
    ],
)
def test_a_part_of_a_month_is_a_date(words, when):
    found = find_deadlines(normalise(words), TODAY)
    assert [deadline.when for deadline in found] == [when]


@pytest.mark.parametrize(
    "words, stored",
    [
        ("mi janvier", "mi-janvier (vers le vendredi 15 janvier)"),
        ("fin janvier", "fin janvier (d'ici le dimanche 31 janvier)"),
        ("début février", "début février (vers le lundi 1er février)"),
        ("debut fevrier je pense", "début février (vers le lundi 1er février)"),
        ("courant mars", "courant mars (vers le lundi 15 mars)"),
    ],
)
def test_a_part_of_a_month_at_the_deadline_question_is_stored_with_its_day(words, stored):
    assert extract_facts(words, TODAY, asked="deadline")["deadline"] == stored


def test_a_part_of_a_month_said_with_what_is_due_is_the_deadline_anywhere():
    assert extract_facts("l'audience au tribunal c'est fin janvier", TODAY)["deadline"] == (
        "fin janvier (d'ici le dimanche 31 janvier)"
    )


@pytest.mark.parametrize(
    "words",
    ["fin janvier dernier", "depuis la mi janvier", "fins de mois difficiles", "chaque fin de mois"],
)
def test_near_misses_are_no_part_of_a_month_to_come(words):
    assert find_deadlines(normalise(words), TODAY) == []


def test_the_end_of_this_month_is_still_read():
    assert [d.when for d in find_deadlines(normalise("a la fin du mois"), TODAY)] == [date(2026, 12, 31)]


# --- 4. amounts owed said before the amount question -----------------------------------------------------------------


@pytest.mark.parametrize(
    "words, creditors",
    [
        ("j'ai 8 500 euros de retard à l'urssaf", "URSSAF 8 500 €"),
        ("j ai 8500 e de retard a lurssaf", "URSSAF 8500 €"),
        ("l'urssaf, j'ai 8500 euros de retard", "URSSAF 8500 €"),
        ("je suis en retard de paiement à l'urssaf, 8 500 euros", "URSSAF 8 500 €"),
        ("urssaf : 8,5k", "URSSAF 8 500 €"),
        ("j'ai 8.5k€ de dettes urssaf", "URSSAF 8 500 €"),
        ("un controle fiscal, ils me reclament 30 000 euros", "impôts 30 000 €"),
        # Whom it is owed to unsaid: the amount alone, so that "environ combien ?" is not asked again.
        ("j'ai 8 500 euros de retard", "8 500 €"),
        ("bjr jai une dette de 8500 euros", "8500 €"),
        ("je dois dans les 8500", "8500 €"),
        ("on me reclame 8500 euros", "8500 €"),
        ("je suis à découvert de 3000 euros", "3000 €"),
    ],
)
def test_an_amount_owed_is_read_whoever_it_is_owed_to(words, creditors):
    assert extract_facts(words, TODAY)["creditors"] == creditors


@pytest.mark.parametrize(
    "words",
    [
        "mon client me doit 8000 euros",
        "j'ai 8000 euros d'impayés clients",
        "j'ai perdu 20 000 euros de chiffre",
        "je dois faire 5000 euros de ca par mois",
        "il me faudrait 5000 euros pour tenir",
        "je gagne 1500 euros par mois",
        "j'ai 3 mois de retard",
        "pas de dettes, 3000 euros sur le compte",
        "depuis 2019 je dois rien",
    ],
)
def test_money_that_is_not_owed_is_no_amount_owed(words):
    assert "creditors" not in extract_facts(words, TODAY)


def test_a_decimal_point_before_thousands_is_one_amount_in_the_summary():
    assert sums_said("j'ai 8.5k€ de dettes urssaf") == ["URSSAF 8 500 €"]
