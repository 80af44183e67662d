"""A day of the month after a word of what falls due is a date, not a département (round 7: "les salaires du 31"
sent a case of Haute-Savoie to the Haute-Garonne)."""

from __future__ import annotations

import pytest

import places


@pytest.mark.parametrize(
    "words",
    [
        "il faut sortir les salaires du 31",
        "le loyer du 5 n'est pas passé",
        "l'audience du 14 au tribunal",
        "le prélèvement du 10 a été rejeté",
    ],
)
def test_a_day_that_falls_due_is_no_departement(words):
    assert places.find_in_text(words).status != places.FOUND


@pytest.mark.parametrize("words, code", [("je suis du 31", "31"), ("maçon du 62 depuis 10 ans", "62")])
def test_a_code_after_du_is_still_a_departement(words, code):
    found = places.find_in_text(words)
    assert (found.status, found.departement) == (places.FOUND, code)


@pytest.mark.parametrize(
    "words, code",
    [
        # A merged commune without people of its own is no place in lower case ("sur les marchés": Les Marches, 73).
        ("je fais les fromages sur les marchés à Ajaccio", "2A"),
        ("vendeuse sur les marchés autour de Bastia, à Bastia même", "2B"),
        # A département named anywhere chooses among the communes of one name.
        ("coiffeuse à Saint-Pierre, à la Réunion", "974"),
        ("taxi à Saint-Pierre en Martinique", "972"),
    ],
)
def test_the_place_meant_in_a_sentence_of_several(words, code):
    found = places.find_in_text(words)
    assert (found.status, found.departement) == (places.FOUND, code)


@pytest.mark.parametrize("words", ["non mais la patronne c'est ma mère", "non en fait c'est mon père le gérant"])
def test_a_correction_that_names_a_person_is_no_place(words):
    """Round 8: "c'est ma mère" after a "non" was read as a corrected place, Mère (Yvelines)."""
    assert places.find_in_text(words).status != places.FOUND
