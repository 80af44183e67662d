"""Round 12: counts read as codes, towns known by a longer or shorter name, and the place said after a nearby one."""

from __future__ import annotations

import pytest

from places import find_in_text, resolve


@pytest.mark.parametrize(
    "sentence",
    [
        "les salaires des 2 vendeuses sont a payer le 10",
        "il faut payer les paies des 3 ouvriers avant le 15",
        "on a des 4 camions en panne",
        "j'ai du 2 apprentis a garder",
        "je dois regler les charges des 5 salariés du magasin",
        "en 3 chantiers j'ai tout perdu",
        "dans le 12 pieces qu'on renove",
    ],
)
def test_a_count_in_a_sentence_is_no_departement(sentence):
    assert not find_in_text(sentence).found


@pytest.mark.parametrize(
    "sentence, code",
    [
        ("je suis dans le 62 depuis 10 ans", "62"),
        ("on est du 59 mais on travaille partout", "59"),
        ("atelier dans le 13 Marseille", "13"),
        ("je suis du 62 Arras", "62"),
        ("ds le 93 tous les jours", "93"),
    ],
)
def test_a_code_said_as_a_place_is_still_read(sentence, code):
    assert find_in_text(sentence).departement == code


@pytest.mark.parametrize("answer", ["2 vendeuses", "3 salariés", "deux vendeuses et moi"])
def test_a_count_at_the_place_question_is_no_code(answer):
    assert not resolve(answer).found


@pytest.mark.parametrize(
    "answer", ["Valence d'Agen", "valence d agen", "a Valence-d'Agen", "VALENCE D'AGEN", "on est a valence d'agen"]
)
def test_a_usage_name_finds_its_commune(answer):
    assert resolve(answer).departement == "82"


def test_a_usage_name_is_read_in_a_sentence():
    assert find_in_text("je suis boulanger a Valence d'Agen depuis 20 ans").departement == "82"


@pytest.mark.parametrize("answer", ["Valence sur Garonne", "Valence de la Garonne", "valence d albret"])
def test_a_name_going_on_in_unknown_words_is_asked_not_guessed(answer):
    resolution = resolve(answer)
    assert resolution.ambiguous
    assert {c.departement for c in resolution.candidates} >= {"26", "82"}


@pytest.mark.parametrize("answer", ["Valence", "Valence dans la Drôme", "valence en drome", "Valence la ville"])
def test_valence_alone_or_with_its_departement_is_still_found(answer):
    assert resolve(answer).departement == "26"


@pytest.mark.parametrize("answer", ["Clermont", "a clermont", "je suis a Clermont", "clermont svp"])
def test_clermont_offers_clermont_ferrand_first(answer):
    resolution = resolve(answer)
    assert resolution.ambiguous
    assert resolution.candidates[0].name == "Clermont-Ferrand"
    assert "60" in {c.departement for c in resolution.candidates[:3]}


@pytest.mark.parametrize(
    "answer, code", [("clermont ferrand", "63"), ("Clermont de l'Oise", "60"), ("clermont l'herault", "34")]
)
def test_clermont_said_in_full_is_found(answer, code):
    assert resolve(answer).departement == code


def test_a_short_name_in_a_sentence_is_asked():
    resolution = find_in_text("excusez moi je suis a Clermont, je sais plus quoi faire")
    assert resolution.ambiguous and resolution.candidates[0].name == "Clermont-Ferrand"


@pytest.mark.parametrize(
    "answer, commune",
    [
        ("pres de Lyon, a Villeurbanne", "Villeurbanne"),
        ("pas loin de Lyon, à Villeurbanne", "Villeurbanne"),
        ("vers Lille, a Roubaix", "Roubaix"),
        ("Roubaix, pres de Lille", "Roubaix"),
        ("region de Nantes, a Reze", "Rezé"),
    ],
)
def test_the_place_said_wins_over_the_one_it_is_near(answer, commune):
    resolution = resolve(answer)
    assert resolution.found and resolution.commune is not None and resolution.commune.name == commune


@pytest.mark.parametrize(
    "sentence, commune",
    [
        ("je suis plombier pres de Lyon, a Villeurbanne", "Villeurbanne"),
        ("mon garage est vers Lille, a Roubaix exactement", "Roubaix"),
        ("je suis pres de Paris, a Montreuil", "Montreuil"),
    ],
)
def test_in_a_sentence_the_place_said_wins_over_the_one_it_is_near(sentence, commune):
    resolution = find_in_text(sentence)
    assert resolution.found and resolution.commune is not None and resolution.commune.name == commune


def test_a_place_said_only_as_nearby_is_still_read():
    assert find_in_text("je suis couvreur pres de Lyon").departement == "69"
