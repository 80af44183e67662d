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
