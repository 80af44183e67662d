"""Round 23 (r23a-06, -07, -10, -14): landmarks and distances that place a business."""

import pytest

from places import choose, find_in_text, resolve

SAINT_DENIS = ["Saint-Denis (974)", "Saint-Denis (93)", "Saint-Denis (11)"]


@pytest.mark.parametrize(
    "text, code",
    [
        ("menuisier installé près du viaduc de Millau depuis 2009", "12"),
        ("je tiens un snack juste à côté du Futuroscope", "86"),
        ("on est un petit garage vers le Puy du Fou", "85"),
        ("ma boulangerie est tout près de Disneyland", "77"),
        ("je suis ébéniste à 15 km de Rodez", "12"),
        ("on est à 10 minutes du Mans", "72"),
        ("atelier à 25 bornes d'Albi", "81"),
    ],
)
def test_a_landmark_or_a_distance_in_a_sentence_places_the_business(text, code):
    assert find_in_text(text).departement == code


@pytest.mark.parametrize(
    "text",
    [
        "j'ai 20 min de retard sur le chantier",
        "il me doit 20 000 € de loyers",
        "je livre jusqu'à 80 km de Lyon",  # too far to be Lyon's département for certain
        "la grande roue du parc",
    ],
)
def test_near_misses_name_no_place(text):
    assert not find_in_text(text).found


def test_a_distance_at_the_place_question_is_the_town_nearby():
    found = resolve("à 20 km de Rodez")
    assert found.departement == "12" and found.near


@pytest.mark.parametrize(
    "answer, code",
    [("celle à côté du stade de france", "93"), ("celle du Stade de France", "93"), ("celle de la réunion", "974")],
)
def test_a_landmark_picks_among_namesakes(answer, code):
    picked = choose(answer, SAINT_DENIS)
    assert picked is not None and picked[0] == code


def test_a_landmark_elsewhere_picks_none_of_them():
    assert choose("celle à côté du Futuroscope", SAINT_DENIS) is None


@pytest.mark.parametrize(
    "text, code",
    [
        ("on est dans le 13... non pardon le 83", "83"),
        ("l'atelier est dans le 13 enfin non dans le 83", "83"),
        ("garage dans le 62, oups non, le 59", "59"),
        ("je suis dans le 62, non 200 euros pas 300", "62"),  # a sum put right, not the place
        ("dans le 59 depuis 20 ans, enfin non 25 ans", "59"),
    ],
)
def test_a_code_corrected_in_the_same_message_is_the_place(text, code):
    """Round 23, r23c-10: "dans le 13, non pas le 13 le 83" kept 13 and sent the case to the wrong chamber."""
    assert find_in_text(text).departement == code
