"""Round 26 (talking to the real bot): words read as a difficulty, an urgency or a procedure they do not say. Sentences of
our own, in several voices (SMS, no accents, dictation), with near misses that keep their reading.

1. "ma femme fait la compta", "c'est ma femme qui s'occupe des papiers" added vie_personnelle: who does the books.
3. "la banque ils m'ont pas dit de date" was raised to haute by the learned urgency model: no date, no threat in days.
4. "c'est quoi une sauvegarde ?" after a debt was told added procedure_judiciaire ("vous faites face ... à une
   procédure en justice"): asking what a word means, or what would happen, is no evidence of being in it.
5. "non on est pas en liquidation" was read as a procedure.
"""

from __future__ import annotations

from datetime import date

import pytest

from intake.facts import says_no_date
from triage import assess
from triage.dates import says_no_date as no_date_said
from triage.normalise import normalise

TODAY = date(2026, 12, 6)


def _assessed(*said: str):
    return assess(list(said), today=TODAY)


# ------------------------------------------------------------------ 1. the spouse who does the paperwork

PAPERWORK = [
    "c'est ma femme qui s'occupe des papiers",
    "c ma femme ki s occupe des papiers",
    "ma femme elle fait la compta et les papiers",
    "mon mari s'occupe de l'administratif",
    "c est mon mari qui gere les papiers moi je fais les chantiers",
    "je suis coiffeuse, c'est mon mari qui tient les comptes",
    "ma femme fait les papiers et la compta depuis 10 ans",
]


@pytest.mark.parametrize("said", PAPERWORK)
def test_a_spouse_doing_the_paperwork_is_no_life_event(said):
    assert "vie_personnelle" not in _assessed(said).categories


@pytest.mark.parametrize("said", PAPERWORK[:3])
def test_a_spouse_doing_the_paperwork_beside_a_debt_adds_nothing(said):
    assert _assessed("l'urssaf me relance pour 4000 euros", said).categories == ("cotisations_sociales",)


@pytest.mark.parametrize(
    "said",
    [
        "ma femme est partie et c est elle qui faisait toute la compta",
        "ma femme qui fait la compta est malade",
        "c'est ma femme qui faisait les papiers, elle est décédée en mars",
    ],
)
def test_near_miss_the_spouse_gone_ill_or_dead_is_still_a_life_event(said):
    assert "vie_personnelle" in _assessed(said).categories


# ------------------------------------------------------------------ 3. no date is no urgency

NO_DATE = [
    "la banque ils m'ont pas dit de date",
    "la banque ils mont pas dit de date",
    "la banque m'a pas donné de date pour l'instant",
    "pour la banque pas de date pour l instant",
]


@pytest.mark.parametrize("said", NO_DATE)
def test_no_date_said_never_raises_urgency(said):
    assert _assessed("mon banquier veut réduire mon découvert", said).urgency == "normale"
    assert _assessed(said).urgency in (None, "normale")


@pytest.mark.parametrize("said", [*NO_DATE, "pas de date non", "ya aucune date", "toujours pas d'échéance"])
def test_no_date_is_read_alike_by_the_triage_and_at_the_deadline_question(said):
    assert no_date_said(normalise(said))
    assert says_no_date(said, TODAY)


@pytest.mark.parametrize(
    "said", ["pas de délai de paiement accordé", "pas de date pour le rappel", "la date c'est le 15"]
)
def test_near_miss_what_is_no_missing_deadline(said):
    assert not says_no_date(said, TODAY)


def test_near_miss_a_blocked_account_stays_haute_with_no_date():
    assert _assessed("la banque a bloqué mon compte, pas de date").urgency == "haute"


# ------------------------------------------------------------------ 4. a question about a mechanism


@pytest.mark.parametrize(
    "question",
    [
        "c'est quoi une sauvegarde ?",
        "c koi une sauvegarde",
        "c'est quoi un redressement judiciaire ?",
        "ça veut dire quoi liquidation judiciaire ?",
        "et s'il y a une tempête ?",
        "et si ya de la grele cet hiver ?",
    ],
)
def test_a_question_after_a_difficulty_adds_no_category(question):
    assert _assessed("l'urssaf me réclame 5000 euros", question).categories == ("cotisations_sociales",)


def test_near_miss_the_question_alone_is_an_anticipation():
    alone = _assessed("c'est quoi une sauvegarde ?")
    assert alone.categories == ("procedure_judiciaire",) and alone.urgency == "basse"


def test_near_miss_a_procedure_told_after_a_debt_is_added():
    told = _assessed("l'urssaf me réclame 5000 euros", "on est en redressement judiciaire depuis juin")
    assert "procedure_judiciaire" in told.categories


# ------------------------------------------------------------------ 5. a procedure denied


@pytest.mark.parametrize(
    "said", ["non on est pas en liquidation", "la boite est pas en redressement", "nous ne sommes pas en sauvegarde"]
)
def test_a_procedure_denied_is_no_procedure(said):
    assert "procedure_judiciaire" not in _assessed(said).categories
