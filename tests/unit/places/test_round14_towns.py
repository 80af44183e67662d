"""Round 14 (testers a and b): towns said by a short name ("Montceau", "Louhans", "Cosne"), a town whose name ends with
a département's ("Cosne sur Loire" was stored as the Loire, 42), a département number said with a town ("dans le 71,
a Montceau" was refused), a place said as near a town ("à côté de Nevers" was noted as the commune Nevers) or between
two ("entre Cosne et La Charité")."""

from __future__ import annotations

import pytest

from places import AMBIGUOUS, FOUND, NOT_FOUND, find_in_text, resolve
from places.resolve import near_words


def _said(resolution):
    return (resolution.status, resolution.departement, resolution.said)


# ---------------------------------------------------------------- short names, hyphens, "sur", "les", no accents


@pytest.mark.parametrize(
    "answer, code, commune",
    [
        ("Montceau", "71", "Montceau-les-Mines"),
        ("montceau", "71", "Montceau-les-Mines"),
        ("MONTCEAU", "71", "Montceau-les-Mines"),
        ("a montceau", "71", "Montceau-les-Mines"),
        ("à Montceau", "71", "Montceau-les-Mines"),
        ("montceau les mines", "71", "Montceau-les-Mines"),
        ("Montceau-les-Mines", "71", "Montceau-les-Mines"),
        ("on est a montceau", "71", "Montceau-les-Mines"),
        ("Louhans", "71", "Louhans-Châteaurenaud"),
        ("louhans", "71", "Louhans-Châteaurenaud"),
        ("louhans chateaurenaud", "71", "Louhans-Châteaurenaud"),
        ("je suis a louhans", "71", "Louhans-Châteaurenaud"),
        ("La Charité", "58", "La Charité-sur-Loire"),
        ("la charite", "58", "La Charité-sur-Loire"),
        ("la charite sur loire", "58", "La Charité-sur-Loire"),
        ("Cosne-Cours-sur-Loire", "58", "Cosne-Cours-sur-Loire"),
        ("cosne cours sur loire", "58", "Cosne-Cours-sur-Loire"),
        ("Bar sur Aube", "10", "Bar-sur-Aube"),  # "sur" is no meaningful word: still all the answer says
        ("bar-sur-aube", "10", "Bar-sur-Aube"),
        ("au creusot", "71", "Le Creusot"),
        ("paray le monial", "71", "Paray-le-Monial"),
        ("Bourbon Lancy", "71", "Bourbon-Lancy"),
        ("digoin 71100", "71", "Digoin"),
    ],
)
def test_a_town_is_read_every_way_it_is_written(answer, code, commune):
    assert _said(resolve(answer)) == (FOUND, code, commune)


@pytest.mark.parametrize(
    "answer, candidates",
    [
        ("Cosne", {"58", "03"}),  # Cosne-Cours-sur-Loire and Cosne-d'Allier: asked, never guessed
        ("cosne", {"58", "03"}),
        ("Paray", {"71", "91"}),  # Paray-le-Monial and Paray-Vieille-Poste
    ],
)
def test_a_short_name_several_towns_bear_is_asked(answer, candidates):
    resolution = resolve(answer)
    assert resolution.status == AMBIGUOUS
    assert {c.departement for c in resolution.candidates} == candidates


# ---------------------------------------------------------------- a département's name inside a town's name


@pytest.mark.parametrize(
    "answer, code, commune",
    [
        ("Cosne sur Loire", "58", "Cosne-Cours-sur-Loire"),
        ("cosne sur loire", "58", "Cosne-Cours-sur-Loire"),
        ("Cosne-sur-Loire", "58", "Cosne-Cours-sur-Loire"),
        ("cosne/loire", "58", "Cosne-Cours-sur-Loire"),
        ("je suis a Cosne sur Loire", "58", "Cosne-Cours-sur-Loire"),
        ("carreleur a cosne sur loire depuis 2015", "58", "Cosne-Cours-sur-Loire"),
        ("Villeneuve sur Lot", "47", "Villeneuve-sur-Lot"),
        ("Saint-Cyr-sur-Loire", "37", "Saint-Cyr-sur-Loire"),
        ("sully sur loire", "45", "Sully-sur-Loire"),
        ("Romans sur Isère", "26", "Romans-sur-Isère"),
        ("tournon sur rhone", "07", "Tournon-sur-Rhône"),
        ("St Laurent du Var", "06", "Saint-Laurent-du-Var"),
    ],
)
def test_a_departement_word_inside_a_town_name_is_the_towns(answer, code, commune):
    assert _said(resolve(answer)) == (FOUND, code, commune)


@pytest.mark.parametrize(
    "answer, code, commune",
    [
        ("dans la Loire", "42", None),
        ("la loire", "42", None),
        ("Loire", "42", None),
        ("Saint-Étienne, Loire", "42", "Saint-Étienne"),  # a town and its département, no longer name
        ("Roanne dans la Loire", "42", "Roanne"),
        ("Clermont de l'Oise", "60", "Clermont"),
    ],
)
def test_a_departement_said_as_such_stays_the_departement(answer, code, commune):
    assert _said(resolve(answer)) == (FOUND, code, commune)


# ---------------------------------------------------------------- a number said with a town


@pytest.mark.parametrize(
    "answer, code, commune",
    [
        ("dans le 71, a Montceau", "71", "Montceau-les-Mines"),
        ("dans le 71 a montceau", "71", "Montceau-les-Mines"),
        ("71, Louhans", "71", "Louhans-Châteaurenaud"),
        ("71 louhans", "71", "Louhans-Châteaurenaud"),
        ("Louhans 71", "71", "Louhans-Châteaurenaud"),
        ("montceau, 71", "71", "Montceau-les-Mines"),
        ("71300 montceau", "71", "Montceau-les-Mines"),
        ("Cosne (58)", "58", "Cosne-Cours-sur-Loire"),
        ("cosne 58", "58", "Cosne-Cours-sur-Loire"),
        ("le 58 a cosne", "58", "Cosne-Cours-sur-Loire"),
        ("cosne 03", "03", "Cosne-d'Allier"),
        ("Cosne Cours sur Loire 58200", "58", "Cosne-Cours-sur-Loire"),
        # The town is not in the département said, or unknown: the number stands.
        ("58, Montceau", "58", None),
        ("Montceau 58", "58", None),
        ("71, Saint-Machin-Truc", "71", None),
        ("dans le 71, a cote de chez ma mere", "71", None),
    ],
)
def test_a_number_said_with_a_town_is_kept_and_checks_it(answer, code, commune):
    assert _said(resolve(answer)) == (FOUND, code, commune)


@pytest.mark.parametrize("answer", ["de 15 a 20", "15 a 20 salaries", "62 ans", "10 a 15 ans"])
def test_a_number_before_a_that_is_no_place_is_no_departement(answer):
    assert resolve(answer).status == NOT_FOUND


# ---------------------------------------------------------------- near a town, between two


@pytest.mark.parametrize(
    "answer, code, said",
    [
        ("à côté de Nevers", "58", "près de Nevers"),
        ("a cote de nevers", "58", "près de Nevers"),
        ("jsuis a cote de macon", "71", "près de Mâcon"),
        ("pres de macon", "71", "près de Mâcon"),
        ("vers Autun", "71", "près d'Autun"),
        ("proche de louhans", "71", "près de Louhans-Châteaurenaud"),
        ("pas loin de Montceau", "71", "près de Montceau-les-Mines"),
        ("vers montceau dans le 71", "71", "près de Montceau-les-Mines"),
        # The town said as the place wins over the one it is near.
        ("a cote de Nevers, a Varennes-Vauzelles", "58", "Varennes-Vauzelles"),
        ("à Montceau, vers le Creusot", "71", "Montceau-les-Mines"),
    ],
)
def test_a_place_near_a_town_is_said_near_it(answer, code, said):
    assert _said(resolve(answer)) == (FOUND, code, said)


@pytest.mark.parametrize(
    "name, words",
    [
        ("Nevers", "près de Nevers"),
        ("Autun", "près d'Autun"),
        ("Étampes", "près d'Étampes"),
        ("Le Creusot", "près du Creusot"),
        ("Les Sables-d'Olonne", "près des Sables-d'Olonne"),
        ("La Charité-sur-Loire", "près de La Charité-sur-Loire"),
    ],
)
def test_near_a_town_in_french(name, words):
    assert near_words(name) == words


@pytest.mark.parametrize(
    "answer, code, said",
    [
        ("entre Cosne et La Charité", "58", "entre Cosne-Cours-sur-Loire et La Charité-sur-Loire"),
        ("entre cosne et la charite", "58", "entre Cosne-Cours-sur-Loire et La Charité-sur-Loire"),
        ("on est entre Montceau et le Creusot", "71", "entre Montceau-les-Mines et Le Creusot"),
        ("entre Nevers et Cosne", "58", "entre Nevers et Cosne-Cours-sur-Loire"),
    ],
)
def test_a_place_between_two_towns_is_their_departement(answer, code, said):
    assert _said(resolve(answer)) == (FOUND, code, said)


def test_between_two_departements_is_asked():
    resolution = resolve("entre macon et lyon")
    assert resolution.status == AMBIGUOUS and set(resolution.departement_options) == {"69", "71"}


# ---------------------------------------------------------------- in a free sentence


@pytest.mark.parametrize(
    "text, code, said",
    [
        ("kevin. plombier chauffagiste a montceau dans le 71", "71", "Montceau-les-Mines"),
        ("je suis menuisier a Montceau dans le 71 depuis 12 ans", "71", "Montceau-les-Mines"),
        ("boulangere a Louhans, l'urssaf me reclame 3000", "71", "Louhans-Châteaurenaud"),
        ("jsuis a cote de macon", "71", "près de Mâcon"),
        ("je suis coiffeuse a domicile a cote de Nevers", "58", "près de Nevers"),
        ("carreleur a Cosne sur Loire", "58", "Cosne-Cours-sur-Loire"),
        ("on est a cosne/loire", "58", "Cosne-Cours-sur-Loire"),
        ("j'habite entre Cosne et La Charité", "58", "entre Cosne-Cours-sur-Loire et La Charité-sur-Loire"),
        ("je suis dans le 71, vers Autun", "71", "près d'Autun"),
        ("plombier dans le 71", "71", None),
        ("maçon dans le 71 à Saint-Machin", "71", None),
    ],
)
def test_a_place_in_a_sentence(text, code, said):
    assert _said(find_in_text(text)) == (FOUND, code, said)


# ---------------------------------------------------------------- near misses: words, not towns


@pytest.mark.parametrize(
    "text",
    [
        "j'ai trois salaries",
        "trois",
        "la route entre Macon et Lyon me coute cher",  # between, but no place of the business
        "entre 2 et 3 mois",
        "entre nous c'est dur",
        "c'est jacob qui gere",
        "j'ai une nissan de 2012",
        "je suis au petit matin sur les chantiers",
        "la loire a debordé",
        "je vends des montres",
        "un petit village",
        "ouvert du 15 a 18h",
        "l'echeance du 12 a midi",
        "dans le 15 a 20 jours",
    ],
)
def test_words_that_are_no_town_in_a_sentence(text):
    assert not find_in_text(text).found


@pytest.mark.parametrize(
    "answer", ["trois", "nissan", "c'est jacob", "le grand", "un petit village", "entre nous", "entre midi et deux"]
)
def test_words_that_are_no_town_at_the_place_question(answer):
    assert resolve(answer).status == NOT_FOUND
