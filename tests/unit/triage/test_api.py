"""The triage API beyond the case tables: slots round trip, monotony, reasons, restatement, speed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from triage import (
    CATEGORIES,
    CATEGORY_TITLES,
    URGENCY_LEVELS,
    Assessment,
    assess,
    detect_overwhelm,
    health_words,
    normalise,
)
from triage.dates import find_deadlines

TODAY = date(2025, 11, 27)  # a Thursday


@pytest.mark.parametrize(
    "typed, normalised",
    [
        ("Jsuis à bout, lurssaf me réclame 3 trimestres !", "je suis a bout l urssaf me reclame 3 trimestres"),
        ("CHUI ÉPUISÉE", "je suis epuisee"),
        ("la banq m'a coupé le découvert", "la banque m a coupe le decouvert"),
        ("g pa payé l'impot", "j ai pas paye l impots"),
        ("Le comissaire de justice passe après-demain", "le commissaire de justice passe apres demain"),
        ("pluuuus d'argent, mdr", "plus d argent"),
        ("cœur brisé", "coeur brise"),
    ],
)
def test_normalise(typed, normalised):
    assert normalise(typed) == normalised


def test_contract_codes():
    assert CATEGORIES == (
        "cotisations_sociales",
        "impots",
        "banque",
        "tresorerie",
        "baisse_activite",
        "travaux",
        "sinistre",
        "sante",
        "vie_personnelle",
        "procedure_judiciaire",
        "autre",
    )
    assert URGENCY_LEVELS == ("basse", "normale", "haute", "critique")
    assert set(CATEGORY_TITLES) == set(CATEGORIES)


def test_slots_round_trip():
    assessment = assess(["l'huissier passe demain et l'urssaf me relance"], today=TODAY)
    slots = assessment.to_slots()
    assert set(slots) == {
        "difficulty_categories",
        "urgency",
        "distress",
        "triage_reasons",
        "distress_level",
        "distress_signs",
        "person_at_risk",
    }
    assert slots["difficulty_categories"] == ["procedure_judiciaire", "cotisations_sociales"]
    assert slots["urgency"] == "haute" and slots["distress"] is False
    rebuilt = Assessment.from_slots(slots)
    assert rebuilt.categories == assessment.categories
    assert rebuilt.urgency == assessment.urgency
    assert rebuilt.reasons == assessment.reasons
    assert slots["person_at_risk"] is None and rebuilt.person_at_risk is None


def test_a_relatives_report_round_trips_with_the_person_at_risk():
    assessment = assess(["je vous écris pour mon père, boulanger", "il m'a dit qu'il voulait en finir"], today=TODAY)
    slots = assessment.to_slots()
    assert slots["distress"] is True and slots["person_at_risk"] == "mon père"
    assert Assessment.from_slots(slots).person_at_risk == "mon père"


@pytest.mark.parametrize(
    "slots",
    [
        {},
        {"difficulty_categories": None, "urgency": None, "distress": None},
        {"difficulty_categories": [], "urgency": None, "distress": False, "triage_reasons": None},
    ],
)
def test_from_empty_slots(slots):
    assert Assessment.from_slots(slots) is None


def test_from_slots_drops_unknown_values():
    rebuilt = Assessment.from_slots(
        {"difficulty_categories": ["impots", "inconnu"], "urgency": "extreme", "distress": "yes"}
    )
    assert rebuilt.categories == ("impots",) and rebuilt.urgency is None and rebuilt.distress is False


def test_urgency_never_goes_down_and_distress_sticks():
    previous = assess(["je veux en finir"], today=TODAY)
    assert previous.urgency == "critique" and previous.distress
    later = assess(["ça va mieux, merci"], previous=previous, today=TODAY)
    assert later.urgency == "critique" and later.distress

    high = assess(["le commissaire de justice vient lundi saisir le camion"], today=TODAY)
    calmer = assess(["je voudrais des infos sur les délais urssaf"], previous=high, today=TODAY)
    assert calmer.urgency == "haute"
    assert calmer.categories[0] == "procedure_judiciaire"  # previous primary stays first
    assert "cotisations_sociales" in calmer.categories


def test_previous_categories_keep_their_order():
    first = assess(["la banque m'a coupé le découvert"], today=TODAY)
    second = assess(["la banque m'a coupé le découvert", "et l'urssaf me relance"], previous=first, today=TODAY)
    assert second.categories == ("banque", "cotisations_sociales")


def test_autre_gives_way_to_a_specific_category():
    vague = assess(["mon entreprise va mal"], today=TODAY)
    assert vague.categories == ("autre",)
    precise = assess(["mon entreprise va mal", "c'est l'urssaf surtout"], previous=vague, today=TODAY)
    assert precise.categories == ("cotisations_sociales",)
    assert "autre" not in precise.reasons


def test_reasons_quote_the_artisans_own_words():
    assessment = assess(["Bonjour. L'URSSAF me réclame 3 trimestres, et mon audience est dans 10 jours"], today=TODAY)
    assert assessment.reasons["cotisations_sociales"] == ["« L'URSSAF me réclame 3 trimestres »"]
    assert assessment.urgency == "haute"
    assert any("mon audience est dans 10 jours" in r and "dans 10 jours" in r for r in assessment.reasons["urgency"])
    assert all(reason.startswith("«") for reason in assessment.reasons["procedure_judiciaire"])


def test_distress_reasons():
    assessment = assess(["les impôts me relancent", "franchement j'ai envie d'en finir"], today=TODAY)
    assert assessment.reasons["distress"] == ["« franchement j'ai envie d'en finir »"]
    assert assessment.reasons["urgency"][0].startswith("risque pour la vie")


@pytest.mark.parametrize(
    "situation, urgency",
    [
        ({"deadline": "audience le 3 décembre"}, "haute"),
        ({"deadline": "dans 10 jours"}, "haute"),
        ({"deadline": "vendredi"}, "haute"),
        ({"deadline": "le 20/12"}, "normale"),
        ({"deadline": "dans un mois"}, "normale"),
        ({"deadline": "non, pas de date"}, "normale"),
        ({"employees": "3 salariés", "trade": "boulanger"}, "normale"),
    ],
)
def test_situation_deadline(situation, urgency):
    assert assess(["les impôts me réclament la CFE"], situation=situation, today=TODAY).urgency == urgency


def test_situation_creditors_add_categories():
    result = assess(["j'ai des dettes"], situation={"creditors": "l'urssaf et le SIE"}, today=TODAY)
    assert {"cotisations_sociales", "impots"} <= set(result.categories)


@pytest.mark.parametrize(
    "text, days",
    [
        ("l huissier passe demain", 1),
        ("apres demain", 2),
        ("audience le 3 decembre", 6),
        ("audience le 3/12", 6),
        ("dans 10 jours", 10),
        ("dans deux semaines", 14),
        ("vendredi", 1),
        ("lundi prochain", 4),
        ("la semaine prochaine", 8),
        ("a la fin du mois", 3),
        ("sous huitaine", 8),
        ("avant le 5", 8),
        ("on m a donne 8 jours", 8),
    ],
)
def test_find_deadlines(text, days):
    assert min(d.days for d in find_deadlines(text, TODAY)) == days


@pytest.mark.parametrize(
    "text",
    [
        "depuis 3 semaines",
        "il y a 10 jours",
        "lundi dernier",
        "le 3 novembre",
        "fins de mois difficiles",
        "tous les lundis",
        "chaque fin de mois",
        # A département, not the 13th: "coiffeuse dans le 13" was stored as a deadline ten days away.
        "coiffeuse dans le 13",
        "on est vers le 62",
    ],
)
def test_past_or_habitual_dates_are_no_deadlines(text):
    assert find_deadlines(text, TODAY) == []


@pytest.mark.parametrize(
    "messages, urgency, expected",
    [
        (
            ["l'urssaf me réclame 3 trimestres et j'ai plus de clients"],
            "normale",
            "Si je comprends bien, vous faites face à un souci de cotisations sociales et à une baisse d'activité.",
        ),
        (
            ["l'huissier passe demain"],
            "haute",
            "Si je comprends bien, vous faites face à une procédure en justice ou à un commissaire de justice. "
            "Je note que c'est urgent.",
        ),
        (
            ["je voudrais me renseigner sur l'étalement des impôts"],
            "basse",
            "Si je comprends bien, vous vous renseignez par anticipation, concernant vos impôts.",
        ),
        (["bonjour"], None, None),
    ],
)
def test_restatement(messages, urgency, expected):
    assessment = assess(messages, today=TODAY)
    assert assessment.urgency == urgency
    assert assessment.restatement() == expected


def test_restatement_is_at_most_two_sentences():
    assessment = assess(
        ["l'urssaf, les impôts, la banque, les travaux du tram, mon dos et l'huissier demain"], today=TODAY
    )
    assert len(assessment.categories) >= 5
    assert assessment.restatement().count(".") <= 2


@pytest.mark.parametrize(
    "text, overwhelmed",
    [
        ("je n'en peux plus", True),
        ("jen peu plus", True),
        ("je suis à bout de forces", True),
        ("je craque", True),
        ("l'urssaf me relance", False),
        ("je veux mourir", False),
    ],
)
def test_detect_overwhelm(text, overwhelmed):
    assert detect_overwhelm(text) is overwhelmed


def test_assess_accepts_a_single_string_and_empty_messages():
    assert assess("l'urssaf me relance", today=TODAY).categories == ("cotisations_sociales",)
    assert assess(["", "bonjour"], today=TODAY) == Assessment()


def test_packages_stay_light():
    """triage, guidance and chamber are imported by the action server and an NLU component: no Rasa,
    no SQL, no HTTP, no spaCy."""
    import subprocess
    import sys

    code = (
        "import sys, triage, guidance, chamber\n"
        "heavy = {'rasa', 'rasa_sdk', 'sqlalchemy', 'fastapi', 'starlette', 'httpx', 'requests', 'aiohttp',"
        " 'sanic', 'spacy', 'tensorflow'}\n"
        "print(sorted(heavy & {name.split('.')[0] for name in sys.modules}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "message",
    [
        "je pense que je ne pourrai pas payer l'URSSAF le trimestre prochain, je préfère anticiper",
        "je voudrais savoir quelles aides existent si un jour j'ai du mal à payer mes cotisations",
    ],
)
def test_a_creditor_heard_in_an_anticipation_keeps_it_basse(message):
    # The intake reads "URSSAF" into the creditors slot from these very words: the category, not the level.
    result = assess([message], situation={"creditors": "URSSAF"}, today=TODAY)
    assert result.categories == ("cotisations_sociales",)
    assert result.urgency == "basse"


def test_a_creditor_answer_alone_still_makes_a_difficulty():
    assert assess(["bonjour"], situation={"creditors": "URSSAF 8000 €"}, today=TODAY).urgency == "normale"


@pytest.mark.parametrize(
    "text, health",
    [
        ("je suis en arrêt maladie depuis mars", True),
        ("ma femme a un cancer", True),  # a relative's: vie_personnelle, health data all the same
        ("mon père est hospitalisé depuis lundi", True),
        ("ma mère a alzheimer, je m'occupe d'elle", True),
        ("ma femme est partie avec les enfants", False),
        ("la santé de ma boîte m'inquiète", False),
        ("je ne suis pas malade, c'est la banque", False),
        ("l'urssaf me réclame 3000 euros", False),
    ],
)
def test_health_words_whoever_is_ill(text, health):
    assert health_words(text) is health
