"""The NLU training data, lookups, synonyms and regexes, and the held-out test set, checked without a model.

A trained model is measured separately (see tests/nlu/README.md); these checks keep the data itself
honest: volumes, coverage, agreement with the domain, patterns that match what artisans type, and a
held-out set that does not repeat the training examples.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

import pytest
import yaml
from rasa.shared.core.constants import DEFAULT_INTENTS
from rasa.shared.core.domain import Domain
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.training_data import TrainingData

from tests.quality.leakage import normalise

ROOT = Path(__file__).resolve().parents[2]
NLU_DIR = ROOT / "nlu"
HELD_OUT = ROOT / "tests" / "nlu" / "test_nlu.yml"

FAQ_SUB_INTENTS = {
    "who_are_you",
    "is_bot",
    "is_free",
    "confidential",
    "who_reads",
    "opening_hours",
    "phone_number",
    "delete_data",
    "what_can_you_do",
    "other_bodies",
}
ORGANISATIONS = {
    "URSSAF",
    "SSI",
    "impots",
    "SIE",
    "banque",
    "Banque de France",
    "CPAM",
    "CAF",
    "CARSAT",
    "fournisseur",
    "client",
    "bailleur",
    "commissaire de justice",
    "tribunal",
    "assurance",
}
LEGAL_FORMS = {"micro-entreprise", "EI", "EIRL", "EURL", "SARL", "SAS", "SASU"}

# The 101 départements, as an official list spells them.
DEPARTEMENTS = [
    "Ain",
    "Aisne",
    "Allier",
    "Alpes-de-Haute-Provence",
    "Hautes-Alpes",
    "Alpes-Maritimes",
    "Ardèche",
    "Ardennes",
    "Ariège",
    "Aube",
    "Aude",
    "Aveyron",
    "Bouches-du-Rhône",
    "Calvados",
    "Cantal",
    "Charente",
    "Charente-Maritime",
    "Cher",
    "Corrèze",
    "Corse-du-Sud",
    "Haute-Corse",
    "Côte-d'Or",
    "Côtes-d'Armor",
    "Creuse",
    "Dordogne",
    "Doubs",
    "Drôme",
    "Eure",
    "Eure-et-Loir",
    "Finistère",
    "Gard",
    "Haute-Garonne",
    "Gers",
    "Gironde",
    "Hérault",
    "Ille-et-Vilaine",
    "Indre",
    "Indre-et-Loire",
    "Isère",
    "Jura",
    "Landes",
    "Loir-et-Cher",
    "Loire",
    "Haute-Loire",
    "Loire-Atlantique",
    "Loiret",
    "Lot",
    "Lot-et-Garonne",
    "Lozère",
    "Maine-et-Loire",
    "Manche",
    "Marne",
    "Haute-Marne",
    "Mayenne",
    "Meurthe-et-Moselle",
    "Meuse",
    "Morbihan",
    "Moselle",
    "Nièvre",
    "Nord",
    "Oise",
    "Orne",
    "Pas-de-Calais",
    "Puy-de-Dôme",
    "Pyrénées-Atlantiques",
    "Hautes-Pyrénées",
    "Pyrénées-Orientales",
    "Bas-Rhin",
    "Haut-Rhin",
    "Rhône",
    "Haute-Saône",
    "Saône-et-Loire",
    "Sarthe",
    "Savoie",
    "Haute-Savoie",
    "Paris",
    "Seine-Maritime",
    "Seine-et-Marne",
    "Yvelines",
    "Deux-Sèvres",
    "Somme",
    "Tarn",
    "Tarn-et-Garonne",
    "Var",
    "Vaucluse",
    "Vendée",
    "Vienne",
    "Haute-Vienne",
    "Vosges",
    "Yonne",
    "Territoire-de-Belfort",
    "Essonne",
    "Hauts-de-Seine",
    "Seine-Saint-Denis",
    "Val-de-Marne",
    "Val-d'Oise",
    "Guadeloupe",
    "Martinique",
    "Guyane",
    "Réunion",
    "Mayotte",
]


def _normalise(text: str) -> str:
    return re.sub(r"[\s\-]+", " ", text.strip().lower())


def _same_words(text: str) -> str:
    """Case, accents and punctuation ignored: "Coucou !" and "coucou" are the same example."""
    return normalise(text)


@cache
def training() -> TrainingData:
    return load_data(str(NLU_DIR))


@cache
def held_out() -> TrainingData:
    return load_data(str(HELD_OUT))


@cache
def domain() -> Domain:
    return Domain.load(str(ROOT / "bot" / "domain"))


def _label(message) -> str:
    return message.get("intent_response_key") or message.get("intent")


def _counts(data: TrainingData) -> Counter:
    return Counter(_label(message) for message in data.intent_examples)


def _lookup(name: str) -> list[str]:
    return next(table["elements"] for table in training().lookup_tables if table["name"] == name)


def _regex(name: str) -> re.Pattern:
    (pattern,) = [entry["pattern"] for entry in training().regex_features if entry["name"] == name]
    return re.compile(pattern, re.IGNORECASE)


@pytest.mark.parametrize("path", sorted([*NLU_DIR.rglob("*.yml"), HELD_OUT]), ids=lambda p: p.name)
def test_every_file_declares_the_format_version(path):
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["version"] == "3.1"


@pytest.mark.parametrize(
    "intent, minimum",
    [
        ("describe_situation", 300),
        ("express_distress", 80),
        ("express_overwhelm", 50),
        ("inform", 200),
        *[(f"faq/{name}", 15) for name in sorted(FAQ_SUB_INTENTS)],
        *[
            (name, 20)
            for name in (
                "greet",
                "goodbye",
                "thank",
                "affirm",
                "deny",
                "skip_question",
                "ask_why_question",
                "stop_conversation",
                "request_human",
                "out_of_scope",
            )
        ],
    ],
)
def test_each_intent_has_enough_examples(intent, minimum):
    assert _counts(training())[intent] >= minimum


def test_intents_are_exactly_the_domain_intents():
    # Rasa's own intents (restart, session_start, out_of_scope...) need no examples; ours all do.
    assert set(training().intents) <= set(domain().intents)
    assert set(domain().intents) - set(DEFAULT_INTENTS) <= set(training().intents)


def test_faq_has_exactly_the_agreed_sub_intents():
    sub_intents = {label.split("/", 1)[1] for label in _counts(training()) if label.startswith("faq/")}
    assert sub_intents == FAQ_SUB_INTENTS


def test_annotated_entities_are_declared_in_the_domain():
    assert training().entities <= set(domain().entities)
    assert held_out().entities <= set(domain().entities)


def test_no_example_carries_two_labels():
    labels = defaultdict(set)
    for message in training().intent_examples:
        labels[_same_words(message.get("text"))].add(_label(message))
    assert {text: found for text, found in labels.items() if len(found) > 1} == {}


@pytest.mark.parametrize(
    "entity, allowed",
    [("organisation", ORGANISATIONS), ("legal_form", LEGAL_FORMS)],
)
def test_entity_values_are_normalised(entity, allowed):
    values = {
        e["value"]
        for message in training().training_examples
        for e in message.get("entities") or []
        if e["entity"] == entity
    }
    values |= {value for value in training().entity_synonyms.values() if value in values}
    assert values <= allowed


@pytest.mark.parametrize(
    "typed, normalised",
    [
        ("rsi", "SSI"),
        ("secu des independants", "SSI"),
        ("impot", "impots"),
        ("les impôts", "impots"),
        ("le fisc", "impots"),
        ("sie", "impots"),
        ("auto-entrepreneur", "micro-entreprise"),
        ("auto entrepreneur", "micro-entreprise"),
        ("micro", "micro-entreprise"),
        ("huissier", "commissaire de justice"),
        ("lurssaf", "URSSAF"),
        ("banq", "banque"),
    ],
)
def test_synonyms_normalise_what_artisans_type(typed, normalised):
    assert training().entity_synonyms[typed] == normalised


def test_trade_lookup_is_large_and_keeps_unaccented_spellings():
    trades = {trade.lower() for trade in _lookup("trade")}
    assert len(trades) >= 150
    assert {"boulanger", "pâtissier", "patissier", "maçon", "macon", "ébéniste", "ebeniste"} <= trades


def test_every_departement_is_in_a_lookup_table():
    names = {_normalise(name) for name in _lookup("departement") + _lookup("departement_ambiguous_name")}
    missing = [
        name
        for name in DEPARTEMENTS
        if _normalise(name) not in names
        and _normalise(name.replace("Territoire-de-Belfort", "Territoire de Belfort")) not in names
    ]
    assert len(DEPARTEMENTS) == 101
    assert missing == []


@pytest.mark.parametrize("everyday_word", ["somme", "cher", "vienne", "lot", "nord", "manche", "réunion"])
def test_departement_names_that_are_common_words_stay_out_of_the_plain_table(everyday_word):
    # "une grosse somme", "ça coûte cher", "avant qu'il vienne": a separate feature, never a plain match.
    assert everyday_word not in {name.lower() for name in _lookup("departement")}


@pytest.mark.parametrize(
    "name, text, expected",
    [
        ("phone_number", "06 12 34 56 78", "06 12 34 56 78"),
        ("phone_number", "appelez le 0612345678 svp", "0612345678"),
        ("phone_number", "+33 6 12 34 56 78", "+33 6 12 34 56 78"),
        ("phone_number", "+33612345678", "+33612345678"),
        ("phone_number", "06.12.34.56.78", "06.12.34.56.78"),
        ("phone_number", "07-55-43-21-09", "07-55-43-21-09"),
        ("phone_number", "j'ai 8 000 € de dettes", None),
        ("phone_number", "SIRET 123 456 789 00012", None),
        ("email", "marie.dupont@example.fr", "marie.dupont@example.fr"),
        ("email", "mon mail: j.moreau+cma@free.fr merci", "j.moreau+cma@free.fr"),
        ("email", "je suis chez moi", None),
        ("amount", "8 000 € à l'URSSAF", "8 000 €"),
        ("amount", "environ 8k aux impots", "8k"),
        ("amount", "8000e", "8000e"),
        ("amount", "1500 euros de loyer", "1500 euros"),
        ("amount", "12,5 k€", "12,5 k€"),
        ("amount", "1.500 euros", "1.500 euros"),
        ("amount", "depuis 6 mois", None),
        ("amount", "3 salariés", None),
        ("departement", "59", "59"),
        ("departement", "dans le 62", "62"),
        ("departement", "je suis du 80.", "80"),
        ("departement", "2A", "2A"),
        ("departement", "dans le 974 à Saint-Denis", "974"),
        ("departement", "le 12 décembre", None),
        ("departement", "du 15 au 20", None),
        ("departement", "menuisier dans le 62 et sans clients", "62"),
        ("departement", "depuis 15 jours", None),
        ("departement", "40 000 € de dettes", None),
        ("departement", "12,5 k€", None),
        ("departement", "06.12.34.56.78", None),
        ("departement", "30 ans de métier", None),
    ],
)
def test_regexes_match_what_artisans_type(name, text, expected):
    found = _regex(name).search(text)
    assert (found.group() if found else None) == expected


def test_held_out_set_is_large_and_covers_every_intent():
    counts = _counts(held_out())
    assert sum(counts.values()) >= 250
    expected = {label for label in _counts(training()) if not label.startswith("faq/")}
    expected |= {f"faq/{name}" for name in FAQ_SUB_INTENTS}
    assert expected <= set(counts)


def test_held_out_set_covers_the_entities():
    assert held_out().entities >= {
        "organisation",
        "event",
        "trade",
        "legal_form",
        "amount",
        "duration",
        "date",
        "departement",
        "town",
        "employees",
        "first_name",
        "phone_number",
        "email",
    }


def test_development_set_does_not_repeat_training_examples():
    # Near-duplicates against the held-out sets are checked in tests/quality/test_leakage.py.
    seen = {_same_words(message.get("text")) for message in training().intent_examples}
    repeated = [m.get("text") for m in held_out().intent_examples if _same_words(m.get("text")) in seen]
    assert repeated == []


@pytest.mark.parametrize(
    "training_text, test_text", [("coucou", "Coucou !"), ("l'URSSAF", "l urssaf"), ("réclamé", "reclame")]
)
def test_the_repeat_check_ignores_case_accents_and_punctuation(training_text, test_text):
    assert _same_words(training_text) == _same_words(test_text)
