"""Round 12, wave 2 (places): a choice among namesakes said in words, a town beside the one said, and a place said as
where one will be for a while."""

from __future__ import annotations

import pytest

from places import choose, find_in_text, resolve
from places.resolve import said_as_whereabouts

SAINT_DENIS = ["Saint-Denis (974)", "Saint-Denis (93)", "Saint-Denis (11)"]
CLERMONTS = ["Clermont-Ferrand (63)", "Clermont (60)", "Clermont (40)"]


@pytest.mark.parametrize(
    "answer, code",
    [
        # The code said digit by digit, as the Paris suburbs are named.
        ("le 9-3", "93"),
        ("c le 9 3", "93"),
        ("celui du 9.3 svp", "93"),
        ("le neuf trois", "93"),
        # Two ways of saying the same choice in one answer.
        ("celui a coté de paris, le 9-3", "93"),
        ("celui juste a cote de Paris. le 93 quoi", "93"),
        ("celle pres de narbonne, dans l aude", "11"),
        # The Paris area said without a place.
        ("en region parisienne", "93"),
        ("celui en idf", "93"),
        ("celui de Paris", "93"),
        # Overseas, or near a town.
        ("celui de la Réunion", "974"),
        ("a la reunion moi", "974"),
        ("pas loin de Narbonne", "11"),
        ("euh le 974 je crois", "974"),
    ],
)
def test_a_choice_said_in_words_picks_among_the_namesakes(answer, code):
    assert choose(answer, SAINT_DENIS) == (code, "Saint-Denis")


@pytest.mark.parametrize(
    "answer",
    [
        "celui de paris ou de la reunion",  # two choices said: none is picked
        "le 9-4",  # a code none of the choices has
        "06 12 34 56 78",
        "le 9/3 j'ai rdv",  # a date
    ],
)
def test_an_answer_that_picks_no_single_choice_picks_none(answer):
    assert choose(answer, SAINT_DENIS) is None


def test_the_department_name_still_picks_among_the_clermonts():
    assert choose("celui dans l'Oise", CLERMONTS) == ("60", "Clermont")


@pytest.mark.parametrize(
    "words",
    [
        "a cote de Tours, a Montlouis",
        "pres de tours a montlouis",
        "je suis a Montlouis, pas loin de Tours",
        "boulangere a Montlouis pres de Tours",
    ],
)
def test_a_town_beside_another_is_the_namesake_in_its_departement(words):
    for reading in (resolve(words), find_in_text(words)):
        assert (reading.departement, reading.commune.name) == ("37", "Montlouis-sur-Loire"), words


@pytest.mark.parametrize(
    "words, code",
    [
        ("pres de Narbonne a Saint-Denis", "11"),
        ("a Saint-Pierre pres de Strasbourg", "67"),
        ("près de Lyon, à Villeurbanne", "69"),
    ],
)
def test_a_namesake_beside_a_town_is_the_one_in_its_departement(words, code):
    assert resolve(words).departement == code
    assert find_in_text(words).departement == code


def test_a_name_alone_is_unchanged():
    assert resolve("Montlouis").departement == "18"
    assert resolve("Saint-Denis").ambiguous


@pytest.mark.parametrize(
    "words",
    [
        "oui mais pas avant mardi, lundi je suis a rungis",
        "je serai sur un chantier a Brive lundi",
        "demain je vais chez un client a Lens",
        "oui, je suis en deplacement a Marseille toute la semaine",
        "le matin je suis à Rungis",
        "ok mais cette semaine je suis à Lyon pour un salon",
    ],
)
def test_a_place_said_as_where_one_will_be_is_whereabouts(words):
    assert said_as_whereabouts(words)


@pytest.mark.parametrize(
    "words",
    [
        "non en fait l atelier est a Roubaix",
        "je suis a Lille",
        "on est installes a Lens",
        "a Arras",
        "je suis a Lens lundi mais l atelier est a Arras",
        "je suis boulanger a Arras depuis 2010",
        "oui rappelez moi lundi",  # no place at all
    ],
)
def test_a_business_place_or_no_place_is_no_whereabouts(words):
    assert not said_as_whereabouts(words)
