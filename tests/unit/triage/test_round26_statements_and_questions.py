"""Round 26 (talking to the real bot, pack T): a statement keeps its facts beside a question, a question tells no fact.
Sentences of our own, in several voices (SMS, no accents, dictation), with near misses that keep their reading.

1. r26c-05: "au secours il y a un huissier devant ma boutique la maintenant il veut tout saisir qu'est ce que je fais"
   was normale (only the learned model read the bailiff, and the question at the end took its haute away); "c'est
   maintenant il est la !!" after it changed nothing. A bailiff at the door now is haute.
2. r26c-07: wages whose day has gone by ("ils auraient du etre payes le 30", said on 6 December) were a deadline on
   30 December, urgency normale; "les deux salariés qui attendent leur paie" was normale. Both are wages late (haute).
3. r26c-17: "c'est quoi un avis a tiers detenteur" was haute, banque added (a seizure done).
4. r26c-08, r26c-14, r26c-04: "l'aced c'est un pret qu'il faut rembourser ?", "le CIP c'est le tribunal ?", "ils peuvent
   prendre ma maison ?", "je risque quoi si je paye pas ?" after a debt added banque, procedure_judiciaire,
   vie_personnelle, tresorerie.
5. r26a-09: "mon comptable me dit de déposer le bilan" was "audience ou convocation au tribunal" (haute).
6. "l'huissier menace de saisir mes comptes" was the learned model's haute: a threat only voiced, -ir verbs too.
"""

from __future__ import annotations

from datetime import date

import pytest

from intake.facts import extract_facts, past_deadline
from triage import assess
from triage.dates import find_deadlines
from triage.normalise import normalise

TODAY = date(2026, 12, 6)
DEBT = "l'urssaf me réclame 12000 euros"


def _assessed(*said: str):
    return assess(list(said), today=TODAY)


# ------------------------------------------------------------------ 1. the bailiff at the door, now

BAILIFF_HERE = [
    "au secours il y a un huissier devant ma boutique la maintenant il veut tout saisir qu'est ce que je fais",
    "Au secours, il y a un huissier devant ma boutique, là, maintenant ! Il veut tout saisir, qu'est-ce que je fais ?",
    "y a 1 huissier devant mon magasin jfais koi",
    "le commissaire de justice est dans mon atelier que dois je faire",
    "l huissier est la il veut tout prendre aidez moi",
    "il y a un huissier chez moi qu'est ce que je fais",
]


@pytest.mark.parametrize("said", BAILIFF_HERE)
def test_a_bailiff_here_now_is_haute_even_with_a_question(said):
    assessed = _assessed(said)
    assert assessed.urgency == "haute" and "procedure_judiciaire" in assessed.categories


@pytest.mark.parametrize(
    "then", ["c'est maintenant il est la !!", "il est deja la", "cest maintenant il est devant la porte"]
)
def test_he_is_here_now_after_a_bailiff_named_is_haute(then):
    assert _assessed("j'ai un souci avec un huissier, je fais quoi ?", then).urgency == "haute"


@pytest.mark.parametrize(
    "said",
    [
        "j'ai une lettre de l'huissier dans ma boite aux lettres",
        "j'ai un souci avec un huissier, je fais quoi ?",
    ],
)
def test_near_miss_a_bailiffs_letter_is_no_visit(said):
    assert _assessed(said).urgency == "normale"


def test_near_miss_he_is_here_without_a_bailiff_is_nothing():
    assert _assessed("le stock est la maintenant").urgency != "haute"


# ------------------------------------------------------------------ 2. wages whose day has gone by

WAGES_LATE = [
    "je vous l'ai dit les salaires, ils auraient du etre payes le 30",
    "les salaires auraient dû être payés le 30",
    "mes 2 salariés auraient du etre payés le 30 et j'ai rien",
    "les deux salariés qui attendent leur paie",
    "les gars qui attendent leur paye depuis une semaine",
]


@pytest.mark.parametrize("said", WAGES_LATE)
def test_wages_late_are_haute(said):
    assert _assessed(said).urgency == "haute"


@pytest.mark.parametrize(
    "said", ["les salaires ils auraient du etre payes le 30", "ils auraient dû être payés le 30 novembre"]
)
def test_a_day_that_should_have_been_is_past_not_a_deadline(said):
    assert not find_deadlines(normalise(said), TODAY)
    assert "deadline" not in extract_facts(said, today=TODAY)
    assert "deadline" not in extract_facts(said, today=TODAY, asked="deadline")
    assert past_deadline(said, TODAY) == "lundi 30 novembre"


@pytest.mark.parametrize(
    "said, deadline",
    [
        ("les salaires sont a payer le 30", "le mercredi 30 décembre"),
        ("l'urssaf veut être payée le 30", "le mercredi 30 décembre"),
    ],
)
def test_near_miss_a_day_to_come_stays_the_deadline(said, deadline):
    assert extract_facts(said, today=TODAY).get("deadline") == deadline


# ------------------------------------------------------------------ 3. asking what a word means

DEFINITIONS = [
    "c'est quoi un avis a tiers detenteur",
    "c'est quoi un avis à tiers détenteur ?",
    "c koi un ATD",
    "ça veut dire quoi avis a tiers detenteur",
]


@pytest.mark.parametrize("said", DEFINITIONS)
def test_asking_what_a_seizure_word_means_is_no_seizure(said):
    assessed = _assessed(said)
    assert assessed.urgency != "haute" and "banque" not in assessed.categories


@pytest.mark.parametrize(
    "said", ["j'ai reçu un avis a tiers detenteur", "c'est quoi un avis a tiers detenteur j'en ai recu un ce matin"]
)
def test_near_miss_a_notice_received_stays_haute(said):
    assert _assessed(said).urgency == "haute"


# ------------------------------------------------------------------ 4. a question about a mechanism after a debt

MECHANISM_QUESTIONS = [
    ("l'aced c'est un pret qu'il faut rembourser ?", "banque"),
    ("l aced c est un pret ?", "banque"),
    ("le CIP c'est le tribunal ? j'ai pas envie que ca se sache", "procedure_judiciaire"),
    ("ils peuvent prendre ma maison ?", "vie_personnelle"),
    ("est-ce qu'ils peuvent saisir ma maison ?", "vie_personnelle"),
    ("est ce qu ils peuvent saisir ma maison", "vie_personnelle"),
    ("et je risque quoi si je paye pas ?", "tresorerie"),
    ("l'huissier peut saisir ma camionnette ?", "procedure_judiciaire"),
]


@pytest.mark.parametrize("question, category", MECHANISM_QUESTIONS)
def test_a_question_about_a_mechanism_adds_no_category(question, category):
    assessed = _assessed(DEBT, question)
    assert category not in assessed.categories and assessed.urgency != "haute"


@pytest.mark.parametrize(
    "said, category",
    [
        ("l'huissier a saisi ma camionnette", "procedure_judiciaire"),
        ("la banque a bloqué mon compte, ils ont le droit ?", "banque"),
        ("et la banque me refuse le découvert", "banque"),
    ],
)
def test_near_miss_a_fact_told_after_a_debt_is_added(said, category):
    assert category in _assessed(DEBT, said).categories


# ------------------------------------------------------------------ 5. a filing advised


@pytest.mark.parametrize(
    "said",
    [
        "mon comptable me dit de déposer le bilan",
        "mon comptable me dit de deposer le bilan",
        "l'expert comptable m'a conseillé de déposer le bilan",
        "mon comptable dit qu'il faut déposer le bilan",
    ],
)
def test_a_filing_advised_is_no_summons(said):
    assessed = _assessed(said)
    assert assessed.urgency != "haute" and "procedure_judiciaire" in assessed.categories


@pytest.mark.parametrize("said", ["j'ai déposé le bilan hier", "je dois deposer le bilan lundi"])
def test_near_miss_a_filing_made_or_due_stays_haute(said):
    assert _assessed(said).urgency == "haute"


# ------------------------------------------------------------------ 6. a seizure only threatened


@pytest.mark.parametrize(
    "said", ["l'huissier menace de saisir mes comptes", "le fisc menace de saisir le camion", "ils menacent de saisir"]
)
def test_a_seizure_only_threatened_is_not_haute(said):
    assert _assessed(said).urgency != "haute"


def test_near_miss_a_threat_with_a_near_day_is_haute():
    assert _assessed("le fisc menace de saisir le camion lundi").urgency == "haute"
