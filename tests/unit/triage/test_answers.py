"""Free answers to the two crisis questions: a clear no / a clear yes only when really clear."""

from __future__ import annotations

import pytest

from triage.answers import (
    CLEAR_NO,
    NOT_CLEAR_NO,
    NOT_SAFE,
    QUESTION_BACK,
    SAFE,
    UNSURE,
    answer_to_safety_question,
    answer_to_suicide_question,
    takes_back_a_clear_no,
)

# "Est-ce qu'il vous arrive de penser au suicide ?"
SUICIDE_ANSWERS = [
    ("non", CLEAR_NO),
    ("non je pense pas à me faire du mal, je suis juste épuisée", CLEAR_NO),  # round 33 (r33-e)
    ("oui je pense à me faire du mal", NOT_CLEAR_NO),
    # Round 4 of off-script conversations: surprise first, then the no (read as not a clear no: crisis path).
    (
        "quoi ?? non c'est une expression. je veux juste savoir comment faire pour qu'ils arretent les relances",
        CLEAR_NO,
    ),
    ("hein ? non", CLEAR_NO),
    # Round 6: the no after something else, in the question's own words.
    ("hein ? je vous parle de mon entreprise, je pense pas au suicide", CLEAR_NO),
    ("je vous parle de mes factures, je ne suis pas suicidaire", CLEAR_NO),
    ("je sais pas, je pense pas au suicide", NOT_CLEAR_NO),
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
    ("je n'ai jamais pensé au suicide", CLEAR_NO),
    ("je ne me suiciderai jamais, j'ai mes enfants", CLEAR_NO),
    ("je ne ferai jamais ça", CLEAR_NO),
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
    ("je n'ai jamais pensé au suicide mais là oui", NOT_CLEAR_NO),
    ("non mais en ce moment si", NOT_CLEAR_NO),
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
    # Round 33 (r33-e): hurting oneself denied in the question's sense is a no to the danger ("Appelez tout de suite
    # le 15" was said); the thought of it said, with or without a yes before, never reads safe.
    ("non je pense pas à me faire du mal, je suis juste épuisée", SAFE),
    ("nan je songe pas à me blesser, c'est la fatigue", SAFE),
    ("oui je pense à me faire du mal", NOT_SAFE),
    ("ouais j'ai des idées de me blesser le soir", NOT_SAFE),
    ("non je pense pas à me faire du mal, enfin pas encore", NOT_SAFE),
    # Round 4: a question after a plain yes is not a questioned yes; a relative safe, writing about someone else.
    ("oui evidemment, je suis pas suicidaire ! on peut parler de l'urssaf ?", SAFE),
    # Round 7 (r7b-05): the relative's "moi oui" is about themself, not the person at risk; read SAFE, it got "Je suis
    # soulagé de le lire". Where the person is, without alarm: UNSURE, where to turn at the least doubt.
    ("moi oui, c'est pas de moi qu'on parle. lui il est a la boutique la", UNSURE),
    ("oui ?", NOT_SAFE),
    ("oui. vous pensez que je suis en danger ?", NOT_SAFE),
    ("oui ça va", SAFE),
    ("ouais", SAFE),
    # Round 16 (r16b-02, -08, -13): "ok" right after the numbers acknowledges them, no yes ("Je suis soulagé" was said):
    # asked once more the first time (ACKNOWLEDGED), unsure when said again (here, may_ask_again is False).
    ("ok", UNSURE),
    ("ok ça va", SAFE),
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
    # Round 9 (r9b-01, r9b-14): a yes said with a doubt is unsure, not "not safe" (its own reply, a true case).
    ("oui je crois", UNSURE),
    ("oui normalement", UNSURE),
    ("ouais j'espère", NOT_SAFE),
    ("j'ai les cachets devant moi", NOT_SAFE),
    ("...", NOT_SAFE),
    ("/deny", NOT_SAFE),
    # A hope or a hesitation is no clear yes, a yes asked back neither (found talking to the bot).
    ("ça va aller ?", NOT_SAFE),
    ("ça va aller", NOT_SAFE),
    ("ca ira", NOT_SAFE),
    ("on verra bien", NOT_SAFE),
    ("je vais essayer", NOT_SAFE),
    ("oui ?", NOT_SAFE),
    ("ça va ?", NOT_SAFE),
    ("je ne suis pas en danger ?", NOT_SAFE),
    ("oui ça va, je suis chez moi", SAFE),
    # Round 5: doubting the words written earlier is no doubt about being safe now.
    ("euh oui je suis chez moi. je sais pas pourquoi j'ai ecrit ca", SAFE),
    ("je sais pas pourquoi je vis encore", NOT_SAFE),
    # A relative's answer where the writer said it is about someone else: where the person is, without alarm.
    ("c'est pas moi c'est ma mere!! elle est chez elle je crois", UNSURE),
    ("moi oui, lui je sais pas il est sur un chantier la", UNSURE),
    ("c'est pas moi, elle est seule chez elle", NOT_SAFE),
    ("ça va, merci", SAFE),
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
    # Round 6: thanks for the numbers just given are no answer yet.
    ("merci", False, "thanked"),
    ("merci beaucoup", False, "thanked"),
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
    # At the safety question, the worrying words taken back as a way of speaking say no danger (round 29, r29-a-01:
    # "mais non pas du tout cetait une expression !!" got "Appelez tout de suite le 15").
    ("non c'est une façon de parler", False, CLEAR_NO, SAFE),
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


# A question asked back is no answer: answered, then the question again (while may_answer_question). A
# question carrying the question's own words ("vous croyez que j'y pense pas ?") is read as an answer.
QUESTIONS_BACK = [
    ("vous êtes un robot ?", QUESTION_BACK),
    ("vous etes un robot", QUESTION_BACK),
    ("t'es qui toi", QUESTION_BACK),
    ("c'est confidentiel ?", QUESTION_BACK),
    ("qui lit ce que j'écris ?", QUESTION_BACK),
    ("est-ce que c'est gratuit", QUESTION_BACK),
    ("et vous ?", QUESTION_BACK),
    ("vous croyez que j'y pense pas ?", None),
    ("ça change quoi si je veux mourir ?", None),
    ("vous allez m'aider ?", None),
    ("c'est grave ?", None),
    ("non, pourquoi ?", CLEAR_NO),
    ("oui ?", None),
]


@pytest.mark.parametrize("text, reading", QUESTIONS_BACK)
def test_a_question_asked_back_is_answered_not_read(text, reading):
    # Both questions: at the safety question the same words are no "yes, I am safe" either.
    suicide = answer_to_suicide_question(text, may_answer_question=True)
    safety = answer_to_safety_question(text, may_answer_question=True)
    if reading == QUESTION_BACK:
        assert (suicide, safety) == (QUESTION_BACK, QUESTION_BACK)
        # Once the question was asked often enough, a question back is read like any unclear answer.
        assert (answer_to_suicide_question(text), answer_to_safety_question(text)) == (NOT_CLEAR_NO, NOT_SAFE)
    elif reading == CLEAR_NO:
        assert suicide == CLEAR_NO
    else:
        assert suicide == NOT_CLEAR_NO and safety != QUESTION_BACK


def test_why_asked_twice_is_read_the_second_time():
    assert answer_to_suicide_question("pourquoi vous me demandez ça ?", may_answer_question=True) == NOT_CLEAR_NO


# Right after a clear no, "en fait si" can only take it back; later the same words may correct another
# answer, and only a confession or the question's own words take it back.
TAKEN_BACK = [
    # text, right after the clear no, later
    ("en fait si", True, False),
    ("si en fait", True, False),
    ("oui en fait", True, False),
    ("Si, en fait.", True, False),
    ("ouais en fait", True, False),
    ("euh si", True, False),
    ("bon si", True, False),
    ("si si", True, False),
    ("finalement oui", True, False),
    ("en fait oui", True, False),
    ("si quand même", True, False),
    ("c'est pas vrai", True, False),
    ("en fait si, des fois j'y pense", True, True),
    ("je vous ai menti", True, True),
    ("ça m'arrive d'y penser", True, True),
    ("oui", False, False),
    ("non", False, False),
    ("en fait non", False, False),
    ("si vous voulez", False, False),
    ("boulanger", False, False),
    # Round 5 replays: the meaning left to be guessed right after the no.
    ("je vous fais pas un dessin. j'ai tout sous la main", True, False),
    ("vous avez compris", True, False),
]


@pytest.mark.parametrize("text, right_after, later", TAKEN_BACK)
def test_a_clear_no_taken_back(text, right_after, later):
    assert takes_back_a_clear_no(text, about_the_question=True) is right_after
    assert takes_back_a_clear_no(text) is later


@pytest.mark.parametrize(
    "text, expected",
    [
        # The question said back, then denied, is a no; a doubt, a yes or a sign after it is not.
        ("me tuer ? non pas du tout, j'ai ma fille, mais il me faut de l'aide pour l'urssaf", CLEAR_NO),
        ("le suicide ? jamais de la vie", CLEAR_NO),
        ("penser au suicide ? non, c'est les factures qui m'empêchent de dormir", CLEAR_NO),
        ("me suicider ? non... enfin je sais pas trop", NOT_CLEAR_NO),
        ("me suicider ? oui des fois", NOT_CLEAR_NO),
        ("me tuer ? non mais je voudrais disparaître", NOT_CLEAR_NO),
    ],
)
def test_the_question_said_back_then_denied(text, expected):
    assert answer_to_suicide_question(text) == expected
