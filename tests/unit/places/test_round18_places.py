"""Round 18 (r18a-14): a large town known by a first word of four letters ("Évry" for Évry-Courcouronnes) and two
towns of several namesakes each settling each other."""

import pytest

import places
from places.choice import settled_by_another_town


@pytest.mark.parametrize(
    "said, code",
    [("Issy", "92"), ("ivry", "94"), ("Sucy", "94")],
)
def test_a_large_town_known_by_four_letters_is_read(said, code):
    assert places.resolve(said).departement == code


def test_evry_offers_the_essonne_town_first_and_the_yonne_village():
    found = places.resolve("Evry")
    assert found.ambiguous
    assert [c.departement for c in found.candidates][:2] == ["91", "89"]
    assert places.find_in_text("ma femme est coiffeuse à Évry").ambiguous


@pytest.mark.parametrize(
    "sentence",
    ["charpentier à Évry, les chantiers sont surtout à Corbeil", "il bosse a Corbeil et habite à Evry"],
)
def test_two_towns_of_several_namesakes_settle_each_other(sentence):
    assert places.find_in_text(sentence).departement == "91"


@pytest.mark.parametrize("said", ["Bois", "Fort", "Baie", "Mont", "Gif", "Six"])
def test_ordinary_four_letter_words_stay_as_they_were(said):
    """Near misses: ordinary words (stem words) or small towns never become short names."""
    found = places.resolve(said)
    assert not any(c.population >= 20_000 for c in found.candidates)
    if found.commune is not None:
        assert found.commune.population < 20_000


def test_an_ambiguous_town_beside_an_unrelated_one_stays_asked():
    assert places.find_in_text("je suis à Évry, mon frère à Auxerre").departement == "89"  # Auxerre: the Yonne
    assert places.find_in_text("plombier à Corbeil").ambiguous


def test_a_pending_choice_is_settled_by_a_town_sharing_one_departement():
    choices = ["Évry-Courcouronnes (91)", "Évry (89)"]
    assert settled_by_another_town(choices, {"91", "51"}) == ("91", "Évry-Courcouronnes")
    assert settled_by_another_town(choices, {"75"}) is None
    assert settled_by_another_town(choices, {"91", "89"}) is None
