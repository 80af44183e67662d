"""Round 18 (b.md H2, H3, H8, M1, M3): the answers to the two crisis questions, read as plain functions. Sentences
written for these tests, with near misses that must keep their old reading."""

from __future__ import annotations

import pytest

from triage.answers import (
    ANSWERS_INTAKE_QUESTION,
    CLEAR_NO,
    NOT_CLEAR_NO,
    NOT_SAFE,
    SAFE,
    UNSURE,
    admits_thoughts,
    answer_to_safety_question,
    answer_to_suicide_question,
    asks_why_with_the_no,
    unsure_kind,
)
from triage.distress import find_signs, speaks_of_someone_else

# --- H2: the thoughts said to come are a yes ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "said",
    [
        "ça m'arrive le soir quand je suis seul à l'atelier",
        "oui, quelquefois, mais je le ferai pas",
        "c'est déjà arrivé, deux ou trois fois cet automne",
        "souvent ces derniers temps",
        "j'y ai déjà pensé oui",
        "non... enfin si, parfois",
    ],
)
def test_thoughts_said_to_come_are_admitted(said):
    assert admits_thoughts(said)
    assert answer_to_suicide_question(said) == NOT_CLEAR_NO


@pytest.mark.parametrize(
    "said",
    ["peut-être, je sais pas", "non jamais", "j'y pense pas", "je préfère pas répondre", "bof", "ça dépend des jours"],
)
def test_doubt_or_no_is_no_admission(said):
    assert not admits_thoughts(said)


# --- H8: a no about the intake's subject, said at the direct question ------------------------------------------------


@pytest.mark.parametrize(
    "said", ["non, pas de rendez-vous fixé", "nan aucune échéance pour l'instant", "non pas de salariés"]
)
def test_no_of_something_else_is_asked_again_then_no_clear_no(said):
    assert answer_to_suicide_question(said, may_ask_again=True) == ANSWERS_INTAKE_QUESTION
    assert answer_to_suicide_question(said) == NOT_CLEAR_NO


@pytest.mark.parametrize(
    "said", ["non pas du tout", "non, pas d'idées noires", "non pas de suicide chez moi", "non jamais", "non"]
)
def test_plain_noes_stay_clear(said):
    assert answer_to_suicide_question(said, may_ask_again=True) == CLEAR_NO


# --- H3: answers to the safety question that say nothing of danger -------------------------------------------------


@pytest.mark.parametrize(
    "said", ["non c'est bon je suis à la maison", "nan ça va, je suis chez moi", "là oui, ma femme est à côté"]
)
def test_safe_said_after_a_reassuring_no(said):
    assert answer_to_safety_question(said) == SAFE


@pytest.mark.parametrize(
    "said, kind",
    [
        ("je suis à l'atelier, j'ai une commande à finir", "other"),
        ("là je suis dans mon camion sur la route du marché", "other"),
        ("je préfère pas répondre à ça", "not talking"),
        ("je sais pas trop quoi vous dire", "doubt"),
        ("mon fils est là ce soir, il regarde la télé", "company"),
    ],
)
def test_nothing_of_danger_is_unsure_with_its_own_kind(said, kind):
    assert answer_to_safety_question(said) == UNSURE
    assert unsure_kind(said) == kind


@pytest.mark.parametrize(
    "said",
    [
        "non je suis chez moi",
        "je suis au fond du trou",
        "je suis à l'atelier et j'ai peur de moi",
        "je sais pas",
        "je suis seul au dépôt",
        "pas vraiment",
    ],
)
def test_near_misses_stay_not_safe(said):
    assert answer_to_safety_question(said) == NOT_SAFE


# --- M3: a clear no that asks why ---------------------------------------------------------------------------------


def test_clear_no_with_why_is_a_no_and_asks_why():
    said = "bah non... mais pourquoi vous me posez cette question ?"
    assert answer_to_suicide_question(said) == CLEAR_NO
    assert asks_why_with_the_no(said)
    assert not asks_why_with_the_no("non pas du tout")


# --- M2: the writer says whose wife or daughter they are -----------------------------------------------------------


def test_sign_of_the_artisan_said_by_his_wife_is_his():
    text = "je suis la femme d'un plâtrier d'Albi, il est épuisé, il ne dort plus"
    signs = find_signs(text)
    assert signs and all(speaks_of_someone_else(sign, text) for sign in signs)


def test_writer_own_exhaustion_stays_hers():
    text = "je suis la fille d'un couvreur, et je suis épuisée"
    signs = find_signs(text)
    assert signs and not any(speaks_of_someone_else(sign, text) for sign in signs)
