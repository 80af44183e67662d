"""Round 19 (r19b-09, r19c-05, r19c-09): places written without a word introducing them."""

import pytest

from places import find_in_text, resolve


@pytest.mark.parametrize(
    "text, code, commune",
    [
        # A town with its département's code in brackets, as on an address (r19b-09: "Muret (31)").
        ("Bonjour, carreleur à côté, Saint-Gaudens (31) et la banque me relance", "31", "Saint-Gaudens"),
        ("Millau (12), mon fournisseur ne me livre plus", "12", "Millau"),
        ("Sainte-Marie (972) et j'ai un redressement", "972", "Sainte-Marie"),
        # A ski resort known by a name no commune bears (r19c-09: "Val Thorens").
        ("je tiens un magasin à Méribel", "73", "Les Allues"),
        ("moniteur et loueur à Avoriaz", "74", "Morzine"),
        # A département said whole, then the one said wrong (r19c-05: "La Réunion, pas le 93").
        ("la Guadeloupe, pas le 972 hein", "971", None),
        ("Martinique, pas la Réunion", "972", None),
    ],
)
def test_a_place_without_a_cue_is_read(text, code, commune):
    found = find_in_text(text)
    assert found.found and found.departement == code
    if commune:
        assert found.commune.name == commune


@pytest.mark.parametrize(
    "text",
    [
        "Millau (31), je crois",  # the code is not the town's: nothing certain
        "j'ai 3 enfants (12 ans et 9 ans)",
        "ma fille (12) est malade",
        "Lyon, pas le 93",  # a town before a negated code: not read as a free-text place
        "je ne suis pas dans le Nord",
    ],
)
def test_near_misses_name_no_place(text):
    assert not find_in_text(text).found


@pytest.mark.parametrize("answer, code", [("Les Menuires", "73"), ("alpe d'huez", "38"), ("La Plagne", "73")])
def test_a_resort_at_the_place_question(answer, code):
    assert resolve(answer).departement == code
