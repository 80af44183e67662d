"""Round 19, helper "crisisreading": plain messages the classifier read as distress, the hesitation that diluted a sign,
a tiredness said alone, and answers to the crisis questions read as not safe. Sentences written for these tests, in other
words than the conversations' (talkers a, b, c and the integrator's z)."""

from __future__ import annotations

import pytest

from triage.answers import (
    CLEAR_NO,
    NOT_SAFE,
    SAFE,
    UNSURE,
    answer_to_safety_question,
    answer_to_suicide_question,
    unsure_kind,
)
from triage.distress import distress_level


@pytest.mark.parametrize(
    "message",
    [
        # None of my business (r19b-03's class).
        "aucune idée moi, c'est pas mes oignons. ce que je veux savoir c'est si ma paye de novembre tombe",
        "ça c'est pas mon affaire, je voudrais seulement savoir si mon contrat chez le plombier continue",
        # An interruption and "where were we" (r19c-13's class).
        "excusez-moi, on m'a coupé, le bébé s'est réveillé. où on en était ?",
        # Coming back after talking it over (r19c-04's class).
        "d'accord, j'en discute avec mon mari demain et je reviens vers vous",
        # Not wanting an office to know of the difficulty (r19c-01's class).
        "vous êtes l'URSSAF ? parce que je voudrais pas qu'ils sachent que je galère",
        # Nothing left to sell or deliver: a business fact (r19z-01's class).
        "le four est en panne depuis septembre, j'ai presque plus rien à livrer pour les fêtes",
        # A no, and the reasons to live, said by someone close (r19b-10's class).
        "mon père ? non jamais de la vie, il a ses petits, il vit pour eux. il est abattu c'est tout",
    ],
)
def test_plain_messages_are_no_sign_and_no_question(message):
    assert distress_level(message) is None


@pytest.mark.parametrize(
    "message, level",
    [
        # Near misses: the sign beside the plain words is read as ever.
        ("c'est pas mes affaires, de toute façon je veux plus me réveiller", 2),
        ("je reviendrai pas, merci pour tout, adieu", 2),
        ("j'ai plus rien à vendre et plus rien à perdre, ma famille serait mieux sans moi", 2),
        ("jamais de la vie je m'en sortirai, je suis un fardeau pour les miens", 2),
        # A hesitation before the sign: the sign's level (r19z-05's class).
        (
            "franchement j'en sais rien, j'ai mis de l'ordre dans tous mes papiers et envoyé un mot à mes salariés pour "
            "les remercier pour tout",
            2,
        ),
        (
            "bah je sais pas trop, j'ai trié toute la paperasse et envoyé un mot à mes compagnons pour les remercier de tout",
            2,
        ),
        ("euh je sais pas, ma famille serait mieux sans moi", 2),
        # Tired, said as the whole message (r19a-13's class): the gentle check.
        ("fatiguée", 3),
        ("trop crevé", 3),
        ("je suis vraiment fatigué", 3),
    ],
)
def test_signs_and_tiredness_keep_their_level(message, level):
    assert distress_level(message) == level


@pytest.mark.parametrize(
    "message",
    [
        "fatigué de ces relances de l'URSSAF",
        "crevé, mais bon c'est la saison",
        "j'ai classé tous mes papiers pour la comptable et écrit à mes gars pour les remercier de tout, on ferme pour les fêtes",
        "j'ai envoyé un mot à mes clients pour les remercier de leur fidélité",
    ],
)
def test_near_misses_stay_calm(message):
    assert distress_level(message) is None


@pytest.mark.parametrize(
    "answer, expected",
    [
        # A yes, where one is, and a hope (r19c-07's class): a yes without certainty, never "not safe".
        ("ouais je suis sur le chantier, ça ira", UNSURE),
        ("oui je suis chez ma sœur, ça va aller", UNSURE),
        ("oui ça va aller", UNSURE),
        # Near misses: a hope alone, asked back, with a "mais" or worry stay what they were.
        ("ça va aller", NOT_SAFE),
        ("oui ?? ça ira", NOT_SAFE),
        ("oui ça va aller mais ce soir je suis seul", NOT_SAFE),
        ("je suis pas en danger, ça va aller", NOT_SAFE),
        ("oui je suis chez moi", SAFE),
    ],
)
def test_a_yes_with_a_hope(answer, expected):
    assert answer_to_safety_question(answer) == expected


def test_a_yes_with_a_hope_gets_the_doubt_reply():
    assert unsure_kind("ouais je suis sur le chantier, ça ira") == "doubt"


@pytest.mark.parametrize(
    "answer, expected",
    [
        # Words about someone else only where the writer's own safety was asked (r19b-03's class): nothing of safety.
        ("son mari il s'occupe des comptes mais il est débordé", UNSURE),
        ("le patron il est à l'atelier mais il dit rien", UNSURE),
        # Near misses: alarming words, worry, or the writer's own words keep the old reading.
        ("sa femme elle est partie mais il boit", NOT_SAFE),
        ("elle est seule mais elle gère", NOT_SAFE),
        ("il est là mais moi j'ai peur", NOT_SAFE),
    ],
)
def test_words_about_someone_else_at_ones_own_safety_question(answer, expected):
    assert answer_to_safety_question(answer) == expected


@pytest.mark.parametrize(
    "answer",
    [
        "mon père ? non jamais de la vie, il a ses petits, il vit pour eux",
        "ma sœur ? jamais de la vie, elle a ses enfants",
    ],
)
def test_the_risk_denied_with_a_reason_to_live(answer):
    # At the direct question, the person said back then the no: a clear no (r19b-10's class).
    assert answer_to_suicide_question(answer) == CLEAR_NO
    # At the safety question, the no is to the risk, not to safety: unsure, never "not safe" nor safe.
    assert answer_to_safety_question(answer, about_someone_else=True) == UNSURE


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("ma sœur ? jamais de la vie, elle est seule là-bas", NOT_SAFE),  # alarming
        ("jamais de la vie", NOT_SAFE),  # no reason said: a no to safety
        ("lui ? non, il a ses enfants mais il boit", NOT_SAFE),
    ],
)
def test_near_misses_of_the_risk_denied(answer, expected):
    assert answer_to_safety_question(answer, about_someone_else=True) == expected
