"""Free answers to the two crisis questions: a clear no / a clear yes only when really clear."""

from __future__ import annotations

import pytest

from triage.answers import (
    CLEAR_NO,
    NOT_CLEAR_NO,
    NOT_SAFE,
    SAFE,
    answer_to_safety_question,
    answer_to_suicide_question,
)

# "Est-ce qu'il vous arrive de penser au suicide ?"
SUICIDE_ANSWERS = [
    ("non", CLEAR_NO),
    ("Non.", CLEAR_NO),
    ("nan", CLEAR_NO),
    ("non pas du tout", CLEAR_NO),
    ("non jamais", CLEAR_NO),
    ("ah non quand même pas", CLEAR_NO),
    ("non, je veux juste de l'aide pour l'urssaf", CLEAR_NO),
    ("non ça va, juste fatigué", CLEAR_NO),
    ("euh non", CLEAR_NO),
    ("je n'y pense pas", CLEAR_NO),
    ("jy pense jamais", CLEAR_NO),
    ("pas au suicide non", CLEAR_NO),
    ("je ne suis pas suicidaire", CLEAR_NO),
    ("jamais de la vie j'ai mes enfants", CLEAR_NO),
    ("/deny", CLEAR_NO),
    ("oui", NOT_CLEAR_NO),
    ("ouais des fois", NOT_CLEAR_NO),
    ("des fois", NOT_CLEAR_NO),
    ("parfois", NOT_CLEAR_NO),
    ("je sais pas", NOT_CLEAR_NO),
    ("jsp", NOT_CLEAR_NO),
    ("peut-être", NOT_CLEAR_NO),
    ("...", NOT_CLEAR_NO),
    ("?", NOT_CLEAR_NO),
    ("", NOT_CLEAR_NO),
    ("bof", NOT_CLEAR_NO),
    ("non pas vraiment", NOT_CLEAR_NO),
    ("je ne pense pas", NOT_CLEAR_NO),
    ("non mais des fois j'y pense", NOT_CLEAR_NO),
    ("non je crois", NOT_CLEAR_NO),
    ("non normalement", NOT_CLEAR_NO),
    ("non mais ils seraient mieux sans moi", NOT_CLEAR_NO),
    ("l'urssaf me réclame 3000 euros", NOT_CLEAR_NO),  # changing the subject
    ("ça m'est arrivé", NOT_CLEAR_NO),
    ("/affirm", NOT_CLEAR_NO),
]

# "Êtes-vous en sécurité en ce moment ?"
SAFETY_ANSWERS = [
    ("oui", SAFE),
    ("oui ça va", SAFE),
    ("ouais", SAFE),
    ("ok", SAFE),
    ("oui je suis chez moi", SAFE),
    ("je suis avec ma femme", SAFE),
    ("non je ne suis pas en danger", SAFE),
    ("je vais bien merci", SAFE),
    ("/affirm", SAFE),
    ("non", NOT_SAFE),
    ("non pas vraiment", NOT_SAFE),
    ("je sais pas", NOT_SAFE),
    ("pas trop", NOT_SAFE),
    ("oui mais j'ai peur", NOT_SAFE),
    ("oui pour l'instant", NOT_SAFE),
    ("oui je crois", NOT_SAFE),
    ("oui normalement", NOT_SAFE),
    ("ouais j'espère", NOT_SAFE),
    ("j'ai les cachets devant moi", NOT_SAFE),
    ("...", NOT_SAFE),
    ("/deny", NOT_SAFE),
]


@pytest.mark.parametrize("text, expected", SUICIDE_ANSWERS)
def test_answer_to_suicide_question(text, expected):
    assert answer_to_suicide_question(text) == expected


@pytest.mark.parametrize("text, expected", SAFETY_ANSWERS)
def test_answer_to_safety_question(text, expected):
    assert answer_to_safety_question(text) == expected


def test_a_short_deny_from_the_classifier_is_a_clear_no_only_without_doubt():
    assert answer_to_suicide_question("pas du tout du tout", intent="deny") == CLEAR_NO
    assert answer_to_suicide_question("je crois pas", intent="deny") == NOT_CLEAR_NO


# The first time only: an answer to something else is asked again rather than read. The second word of
# each pair is whether the message only answers an intake question (intake.answers.is_intake_answer).
ASKED_AGAIN = [
    ("depuis décembre", True, "answers_intake_question"),
    ("à Calais", True, "answers_intake_question"),
    ("8000 euros", True, "answers_intake_question"),
    ("3", True, "answers_intake_question"),
    ("pourquoi vous me demandez ça ?", False, "why_asked"),
    ("pourquoi cette question ?", False, "why_asked"),
    ("Pourquoi ?", False, "why_asked"),
    ("quel rapport avec l'urssaf ?", False, "why_asked"),
    ("c'est une façon de parler", False, "figure_of_speech"),
    ("je disais ça comme ça", False, "figure_of_speech"),
    ("je parlais de la boîte", False, "figure_of_speech"),
]
# Read at once, even the first time: a hedge, a warning sign, a yes, a plain no.
READ_AT_ONCE = [
    ("non... enfin je sais pas", False, NOT_CLEAR_NO, NOT_SAFE),
    ("pourquoi, j'y pense parfois", False, NOT_CLEAR_NO, NOT_SAFE),
    ("c'est une façon de parler mais des fois oui", False, NOT_CLEAR_NO, NOT_SAFE),
    ("depuis décembre je veux mourir", False, NOT_CLEAR_NO, NOT_SAFE),
    ("oui", False, NOT_CLEAR_NO, SAFE),
    ("oui à Calais", False, NOT_CLEAR_NO, SAFE),
    ("non", False, CLEAR_NO, NOT_SAFE),
    ("non c'est une façon de parler", False, CLEAR_NO, NOT_SAFE),
    ("tout le temps", False, NOT_CLEAR_NO, NOT_SAFE),
]


@pytest.mark.parametrize("text, intake_answer, reading", ASKED_AGAIN)
def test_an_answer_to_something_else_is_asked_again_the_first_time_only(text, intake_answer, reading):
    for read, second_time in ((answer_to_suicide_question, NOT_CLEAR_NO), (answer_to_safety_question, NOT_SAFE)):
        assert read(text, may_ask_again=True, answers_intake_question=intake_answer) == reading
        assert read(text, may_ask_again=False, answers_intake_question=intake_answer) == second_time


@pytest.mark.parametrize("text, intake_answer, suicide, safety", READ_AT_ONCE)
def test_a_hedge_a_sign_or_a_plain_answer_is_read_at_once(text, intake_answer, suicide, safety):
    assert answer_to_suicide_question(text, may_ask_again=True, answers_intake_question=intake_answer) == suicide
    assert answer_to_safety_question(text, may_ask_again=True, answers_intake_question=intake_answer) == safety
