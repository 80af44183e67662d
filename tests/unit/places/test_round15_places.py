"""Round 15: a town whose name starts with an article, said with the contracted article ("près du Creusot" was not
found while "près de Mâcon" was), and a number range read as Corse-du-Sud ("je suis à 2 a 3 mois de la fermeture" was
noted 2A) or as a département ("10 a 15", "15-20 mois", "du 15 au 22")."""

from __future__ import annotations

import pytest

from places import AMBIGUOUS, FOUND, NOT_FOUND, choose, departement_code, find_in_text, negated_departements, resolve


def _said(resolution):
    return (resolution.status, resolution.departement, resolution.said)


# ---------------------------------------------------------------- "du" / "des": the article of a town's name


@pytest.mark.parametrize(
    "answer, code, said",
    [
        ("près du Creusot", "71", "près du Creusot"),
        ("pres du creusot", "71", "près du Creusot"),
        ("PRES DU CREUSOT", "71", "près du Creusot"),
        ("à côté du Havre", "76", "près du Havre"),
        ("a cote du havre", "76", "près du Havre"),
        ("jsuis a cote du havre", "76", "près du Havre"),
        ("pas loin du Mans", "72", "près du Mans"),
        ("pas loin du mans svp", "72", "près du Mans"),
        ("proche du Mans", "72", "près du Mans"),
        ("vers le Mans", "72", "près du Mans"),
        ("du côté des Andelys", "27", "près des Andelys"),
        ("du cote des andelys", "27", "près des Andelys"),
        ("près des Sables d'Olonne", "85", "près des Sables-d'Olonne"),
        ("pas loin des sables d olonne", "85", "près des Sables-d'Olonne"),
        ("dans les environs du Havre", "76", "près du Havre"),
        ("région du Mans", "72", "près du Mans"),
        ("en banlieue des Mureaux", "78", "près des Mureaux"),
        ("près du Creusot dans le 71", "71", "près du Creusot"),
        ("dans le 71 pres du creusot", "71", "près du Creusot"),
        ("proche du Puy-en-Velay", "43", "près du Puy-en-Velay"),
    ],
)
def test_a_town_said_near_with_the_contracted_article_is_its_departement(answer, code, said):
    assert _said(resolve(answer)) == (FOUND, code, said)


@pytest.mark.parametrize(
    "answer, code, said",
    [
        ("au Mans", "72", "Le Mans"),
        ("aux Sables d'Olonne", "85", "Les Sables-d'Olonne"),
        ("je suis du Havre", "76", "Le Havre"),  # "du": from the town, not near it
        ("ville du Havre", "76", "Le Havre"),
        ("près du Havre, à Montivilliers", "76", "Montivilliers"),  # the town said as the place still wins
        ("à Montceau, près du Creusot", "71", "Montceau-les-Mines"),
    ],
)
def test_a_town_with_its_article_is_still_the_town(answer, code, said):
    assert _said(resolve(answer)) == (FOUND, code, said)


def test_le_puy_said_near_is_asked_as_le_puy_alone():
    # data.USAGE_NAMES: two villages bear "Le Puy" exactly, so Le Puy-en-Velay is offered first, never guessed.
    for answer in ("vers le Puy", "près du Puy", "pas loin du puy"):
        resolution = resolve(answer)
        assert resolution.status == AMBIGUOUS, answer
        assert resolution.candidates[0].name == "Le Puy-en-Velay"


@pytest.mark.parametrize(
    "answer, code",
    [
        # "du"/"des" before a département stay its cue, never the article of a town's name
        ("département du Nord", "59"),
        ("du 62", "62"),
        ("des Landes", "40"),
        ("du Lot", "46"),
        ("près des Vosges", "88"),
    ],
)
def test_du_before_a_departement_is_still_the_departement(answer, code):
    assert resolve(answer).departement == code


@pytest.mark.parametrize(
    "answer",
    [
        "près du port",  # Le Port (La Réunion) is a word: "au port" is read, "près du port" is the harbour
        "près du centre",
        "à côté du lac",
        "pas loin du stade",
        "du côté des halles",
        "je ne suis pas du Mans",  # negated
    ],
)
def test_du_before_an_ordinary_word_names_no_town(answer):
    assert resolve(answer).status != FOUND


@pytest.mark.parametrize(
    "sentence, code, said",
    [
        ("je suis plombier près du Creusot depuis 10 ans", "71", "près du Creusot"),
        ("on bosse à côté du Havre", "76", "près du Havre"),
        ("l'atelier est du côté des Andelys", "27", "près des Andelys"),
        ("je suis dans le secteur du Mans", "72", "Le Mans"),  # as "secteur de Mâcon"
        ("boulangerie dans la ville du Havre", "76", "Le Havre"),
    ],
)
def test_a_sentence_reads_the_contracted_article_too(sentence, code, said):
    assert _said(find_in_text(sentence)) == (FOUND, code, said)


@pytest.mark.parametrize(
    "sentence",
    [
        "il vient du Havre pour la livraison",  # no cue: "du" alone says where from, not where the business is
        "le camion est garé près du port",
        "je suis passée à côté des halles",
        "on mange du mans",  # no capital, no cue
    ],
)
def test_a_sentence_without_a_cue_reads_no_contracted_town(sentence):
    assert not find_in_text(sentence).found


@pytest.mark.parametrize(
    "answer, code",
    [
        ("celle près du Havre", "76"),
        ("celle pres du mans", "72"),
        ("celle du côté des Andelys", "27"),
        ("celle près de Rouen", "76"),
        ("celle près des Landes", "40"),
    ],
)
def test_the_choice_near_a_town_with_its_article(answer, code):
    assert choose(answer, [f"Saint-Denis ({code})", "Saint-Denis (93)"]) == (code, "Saint-Denis")


# ---------------------------------------------------------------- ranges and durations are no départements


@pytest.mark.parametrize(
    "answer",
    [
        "je suis à 2 a 3 mois de la fermeture",
        "il me reste 2 à 3 mois",
        "2 a 3",
        "2 à 3",
        "2 à 3 mois",
        "le 2 a 3",
        "de 2 a 3 semaines",
        "2 a 10 jours",
        "2 a 3 salariés",
        "en 2 a 3 mois",
        "1 a 2 semaines",
        "20 a 30 clients",
        "10 a 15",
        "62 a 65",
        "de 10 à 15 ans",
        "15-20 mois",
        "15 20 jours",
        "du 15 au 22",
        "du 15 au 20",
        "j'en ai 2 a payer",
        "nous sommes 2 à vous écrire",
        "2 a 3000 euros",
    ],
)
def test_a_range_or_a_duration_is_no_departement(answer):
    resolution = resolve(answer)
    assert resolution.status == NOT_FOUND, resolution
    assert not find_in_text(answer).found
    assert departement_code(answer) is None


@pytest.mark.parametrize(
    "answer, code",
    [
        ("2A", "2A"),
        ("2a", "2A"),
        ("2 a", "2A"),
        ("2 A", "2A"),
        ("2 B", "2B"),
        ("dans le 2 a", "2A"),
        ("dans le 2a", "2A"),
        ("2 a, Ajaccio", "2A"),
        ("2 a ajaccio", "2A"),
        ("2 a porto vecchio", "2A"),
        ("2 a corse du sud", "2A"),
        ("2 a 20000", "2A"),
        ("dans le 2 a depuis 2010", "2A"),
        ("corse du sud", "2A"),
        ("20 ajaccio", "2A"),
        ("20000", "2A"),
        ("2 à 3 mois, on est dans le 62", "62"),  # the range drops, the place said stays
        ("on est 2 a la rochelle", "17"),  # "à" a town elsewhere: the town, not 2A
    ],
)
def test_corse_du_sud_is_still_read(answer, code):
    assert (resolve(answer).status, resolve(answer).departement) == (FOUND, code)
    assert departement_code(answer) == code


@pytest.mark.parametrize(
    "sentence, code",
    [
        ("je suis dans le 2 a depuis 2010", "2A"),
        ("on est dans le 2 b", "2B"),
        ("dans le 62 depuis 10 ans", "62"),
        ("en 2 a 3 mois on a tout perdu, on est dans le 62", "62"),
    ],
)
def test_a_spaced_corsican_code_in_a_sentence(sentence, code):
    assert find_in_text(sentence).departement == code


@pytest.mark.parametrize(
    "answer, status, code",
    [
        # near misses: other numbers read as today
        ("dans le 62", FOUND, "62"),
        ("le 59 ou le 62", FOUND, "62"),
        ("59 ou 62", FOUND, "62"),
        ("j'ai 2 salariés", NOT_FOUND, None),
        ("dans le 2", FOUND, "02"),
        ("le 9", FOUND, "09"),
        ("du 80", FOUND, "80"),
        ("59 000", FOUND, "59"),
        ("dans le 71 au creusot", FOUND, "71"),
        ("du 71 au creusot", FOUND, "71"),
        ("62 ans", NOT_FOUND, None),
        ("20", AMBIGUOUS, None),
    ],
)
def test_other_numbers_are_read_as_before(answer, status, code):
    resolution = resolve(answer)
    assert (resolution.status, resolution.departement) == (status, code)


def test_a_negated_range_negates_no_corsica():
    assert "2A" not in negated_departements("pas 2 a 3 mois")


@pytest.mark.parametrize("answer", ["Villefranche", "près de Villefranche", "villefranche svp"])
def test_a_short_name_shared_by_towns_of_like_size_is_asked(answer):
    """r15a: "Villefranche" was noted Rhône without asking; -de-Rouergue (12) and -de-Lauragais (31) are towns too."""
    resolution = resolve(answer)
    assert resolution.status == "ambiguous"
    codes = {commune.departement for commune in resolution.candidates}
    assert {"69", "12", "31"} <= codes


@pytest.mark.parametrize(
    "answer, code",
    [("Villefranche-sur-Saône", "69"), ("Villefranche de Rouergue", "12"), ("villefranche de lauragais", "31")],
)
def test_the_full_name_is_found_at_once(answer, code):
    assert resolve(answer).departement == code


@pytest.mark.parametrize(
    "answer, code", [("Havre", "76"), ("mans", "72"), ("Puy en Velay", "43"), ("au Havre", "76"), ("Le Mans", "72")]
)
def test_towns_typed_without_their_article(answer, code):
    assert resolve(answer).departement == code


def test_a_havre_of_peace_in_a_description_is_no_town():
    assert find_in_text("mon atelier c'était un vrai havre de paix").status == "not_found"
