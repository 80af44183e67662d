"""Round 20 (places-names): the overseas collectivities and the ways people write a town (r20c-05, -13, -14, -20)."""

from __future__ import annotations

import pytest

from places import departement_code, departement_name, resolve


@pytest.mark.parametrize(
    "words, code, commune",
    [
        ("noumea, nouvelle caledonie", "988", "Nouméa"),
        ("Nouvelle-Calédonie", "988", None),
        ("988", "988", None),
        ("98800", "988", "Nouméa"),
        ("Dumbéa", "988", "Dumbéa"),
        ("papeete", "987", "Papeete"),
        ("Tahiti, Faaa", "987", "Faaa"),
        ("987", "987", None),
        ("wallis et futuna", "986", None),
        ("Saint-Pierre-et-Miquelon", "975", None),
        ("97133", "977", "Saint-Barthélemy"),
        ("97150", "978", "Saint-Martin"),
        ("st herblain", "44", "Saint-Herblain"),
        ("paris 11", "75", "Paris"),
        ("lyon 3", "69", "Lyon"),
    ],
)
def test_found(words, code, commune):
    found = resolve(words)
    assert found.found
    assert found.departement == code
    assert (found.commune.name if found.commune else None) == commune


@pytest.mark.parametrize("words, code", [("saint barthelemy", "977"), ("Saint-Martin", "978")])
def test_a_collectivity_named_like_villages_is_asked_first_among_them(words, code):
    found = resolve(words)
    assert found.ambiguous
    assert found.candidates[0].departement == code


@pytest.mark.parametrize("words", ["98000", "989", "dans le 11"])
def test_near_misses(words):
    assert departement_code(words) in (None, "11")


def test_names():
    assert departement_name("988") == "Nouvelle-Calédonie"
    assert departement_name("987") == "Polynésie française"
