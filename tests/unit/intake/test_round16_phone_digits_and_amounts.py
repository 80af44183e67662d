"""Round 16 (talker a): the digits of a phone number, whole, in part or corrected, are never a place (r16a-16: "c'est 06
98 45 12 30 pas 06 89" set the Yonne for a woman in Brest); an amount put right anywhere in the words replaces the one
noted (r16a-10: "c'est 5200 au final" was said corrected and 6000 € kept); a correction naming only the creditors noted
keeps their amounts."""

from __future__ import annotations

from datetime import date

import pytest

from intake.facts import corrected_creditors, extract_facts, is_place_mention, without_phone_digits

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    "words, code",
    [
        ("ah mince je me suis trompee c est 06 98 45 12 30 pas 06 89", "89"),
        ("pas 06 89", "89"),
        ("c'est le 02 98 45 12 30 et pas le 02 89", "89"),
        ("06 89 45 12 3 c'est mon portable", "89"),
        ("au 0689 45", "89"),
        ("mon tel 06.29.12", "29"),
        ("le +33 6 89 45 12", "89"),
        ("0596 51 22 33, pas 0596 51 22", "22"),
    ],
)
def test_a_phone_numbers_digits_are_no_place(words, code):
    assert "departement" not in extract_facts(words, TODAY)
    assert not is_place_mention(code, words)


@pytest.mark.parametrize(
    "words, code",
    [
        ("je suis dans le 89", "89"),
        ("dans le 06 et j'ai un contrôle fiscal", "06"),
        ("06000 Nice", "06"),
        ("on est dans le 06, 06 12 34 56 78", "06"),
        ("mon numéro 02 98 45 et je suis à Brest", "29"),
        ("j'habite dans le 13", "13"),
    ],
)
def test_a_place_said_beside_a_number_is_still_read(words, code):
    assert extract_facts(words, TODAY)["departement"] == code


@pytest.mark.parametrize("words", ["06 000 Nice", "06000", "75 012", "le 06,5"])
def test_what_is_no_phone_number_is_left(words):
    assert without_phone_digits(words) == words


@pytest.mark.parametrize(
    "words, after",
    [
        ("et c est 5200 au final j ai regarde la facture", "fournisseurs 5200 €"),
        ("c'est 5200 au final", "fournisseurs 5200 €"),
        ("finalement c'est 5200", "fournisseurs 5200 €"),
        ("au final c est 5200 euros", "fournisseurs 5200 €"),
        ("c'est plutôt 5200", "fournisseurs 5200 €"),
        ("5200 au final", "fournisseurs 5200 €"),
        ("en vrai c'est 5 200 €", "fournisseurs 5 200 €"),
        ("ah non c'est 5200 pas 6000", "fournisseurs 5200 €"),  # as before
        ("en fait 5200", "fournisseurs 5200 €"),  # as before
    ],
)
def test_an_amount_put_right_anywhere_replaces_the_one_noted(words, after):
    assert corrected_creditors("fournisseurs 6000 €", words) == after


@pytest.mark.parametrize(
    "words",
    [
        "en fait depuis 2019",  # a year ("fournisseurs 2019 €" before)
        "en fait c'est 800 par mois",  # a monthly payment
        "au final on a perdu 20000 de chiffre",
        "finalement le client me doit 3000",
        "en fait 1200 euros de loyer",
        "finalement j'ai 3 salariés",
        "c'est 5200",  # no word puts it right
    ],
)
def test_other_numbers_leave_the_amount_noted(words):
    assert corrected_creditors("fournisseurs 6000 €", words) is None


def test_with_two_amounts_noted_a_bare_correction_says_which_or_nothing():
    assert corrected_creditors("banque 3000 €, fournisseurs 6000 €", "c'est 5200 au final") is None
    assert corrected_creditors("banque 3000 €, fournisseurs 6000 €", "non c'est 5200 pas 6000") == (
        "banque 3000 €, fournisseurs 5200 €"
    )


@pytest.mark.parametrize(
    "known, words, after",
    [
        ("fournisseurs 6000 €", "non c est pas lyon c est un fournisseur de roubaix pardon", "fournisseurs 6000 €"),
        ("URSSAF 3000 €", "non en fait c'est l'urssaf de Lille qui me relance", "URSSAF 3000 €"),
        ("fournisseurs 6000 €", "non c'est le fournisseur, pas la banque", None),  # a denial: corrections() reads it
        ("banque 3000 €, fournisseurs 6000 €", "non en fait c'est la banque", None),  # fewer: read as before
        ("fournisseurs 6000 €", "non en fait c'est les impôts", None),  # another creditor: read as before
        ("fournisseurs", "non c'est un fournisseur de roubaix", None),  # no amount to keep
    ],
)
def test_a_correction_naming_the_creditors_noted_keeps_their_amounts(known, words, after):
    assert corrected_creditors(known, words) == after
