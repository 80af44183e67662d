"""Round 27 (talk-a, D9, r27-a-04): after a warning sign the person wrote ("des fois je me dis que ce serait plus simple
si je me reveillais pas"), "oui oui je suis chez moi. je vais pas faire de betise c juste que j'en peux plus" got
"pardon si je me suis mépris": after a sign of their own words, never an excuse as for a misreading. Real trackers."""

from __future__ import annotations

import pytest

from actions.crisis_actions import ActionAfterSafetyAnswer
from guidance.crisis import SAFE_AFTER_OWN_SIGN_REPLY, SAFE_WHY_AFTER_OWN_SIGN_REPLY, SAFE_WITH_OBJECTION_REPLY
from tests.support.trackers import bot, run, texts, tracker, user
from triage.answers import NOT_CLEAR_NO, SAFE, answer_to_safety_question

SAFETY_QUESTION = "Êtes-vous en sécurité en ce moment ?"

# D9: the act denied, or the question questioned, after a sign the person wrote.
DENIED_AFTER_OWN_SIGN = [
    "oui oui je suis chez moi. je vais pas faire de betise c juste que j'en peux plus",  # r27-a-04
    "oui je suis chez moi, je ne vais pas faire de bêtise, je suis juste à bout",  # accents
    "Oui, je suis chez moi. Je ne vais pas faire de bêtise, je suis simplement épuisé.",  # formal
    "euh oui... jvais pas me foutre en l'air hein",  # hesitant, SMS
]
QUESTIONED_AFTER_OWN_SIGN = [
    "oui je suis en sécurité, pourquoi vous me demandez ça ?",
    "oui pk vous me demandez ca",
]


def _after_a_sign(words: str, signs: list[str], **slots):
    events = [
        user("des fois je me dis que ce serait plus simple si je me reveillais pas", "express_distress"),
        {"event": "action", "name": "action_crisis_response"},
        bot(SAFETY_QUESTION),
        user(words, "affirm"),
    ]
    return tracker(
        events,
        slots={"distress": True, "urgency": "critique", "safe_now": SAFE, "distress_signs": signs, **slots},
    )


@pytest.mark.parametrize("words", DENIED_AFTER_OWN_SIGN)
def test_no_excuse_for_the_worry_after_a_sign_the_person_wrote(words):
    assert answer_to_safety_question(words) == SAFE
    dispatcher, _ = run(ActionAfterSafetyAnswer(), _after_a_sign(words, ["indirect_disappear"]))
    said = " ".join(texts(dispatcher))
    assert "mépris" not in said and "pardon" not in said.lower()
    assert said == SAFE_AFTER_OWN_SIGN_REPLY


@pytest.mark.parametrize("words", QUESTIONED_AFTER_OWN_SIGN)
def test_the_question_questioned_after_a_sign_gets_its_reason_without_excuse(words):
    dispatcher, _ = run(ActionAfterSafetyAnswer(), _after_a_sign(words, ["indirect_disappear"]))
    said = " ".join(texts(dispatcher))
    assert said == SAFE_WHY_AFTER_OWN_SIGN_REPLY


def test_an_answer_to_the_direct_question_is_a_sign_of_ones_own_words_too():
    words = "oui oui je suis chez moi. je vais pas faire de betise c juste que j'en peux plus"
    current = _after_a_sign(words, ["model:ambiguous"], suicide_thoughts=NOT_CLEAR_NO)
    dispatcher, _ = run(ActionAfterSafetyAnswer(), current)
    assert " ".join(texts(dispatcher)) == SAFE_AFTER_OWN_SIGN_REPLY


@pytest.mark.parametrize("signs", [["model:burden"], [], ["crisis_line_named"]])
def test_the_excuse_stays_when_only_the_classifier_read_a_sign(signs):
    # "pourquoi vous me demandez ça ? je parlais de l'argent" after a sign the classifier alone read: the bot may have
    # misread, and says so kindly (round 7, r7a-12).
    words = "oui je suis en sécurité, pourquoi vous me demandez ça ? je parlais de l'argent"
    dispatcher, _ = run(ActionAfterSafetyAnswer(), _after_a_sign(words, signs))
    assert " ".join(texts(dispatcher)) == SAFE_WITH_OBJECTION_REPLY
