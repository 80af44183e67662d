"""Round 26 (r26a-12): at the direct question, « pour l'urssaf si je fais la demande en ligne ils vont accepter ? »
got « Je suis un assistant automatique, pas une personne, et je ne sais pas répondre à tout ». That sentence answers
« vous êtes un robot ? » only: a business question asked back gets the business answer (a sourced step or an honest
« cela dépend de votre situation »), another question an honest word, and the question once more. Real trackers;
sentences in other words than the conversation's."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.crisis_actions import ValidateDirectQuestionForm
from guidance.crisis import CHECK_IN, SUICIDE_QUESTION
from tests.support.trackers import bot, tracker, user
from tests.unit.actions.test_crisis_actions import run_coroutine

IDENTITY = "pas une personne"


def _asked_back(words: str, intent: str = "nlu_fallback") -> tuple[list[str], dict]:
    """What the bot says (a stored response by its name) when `words` are typed at the direct question."""
    events = [
        user("l'urssaf me réclame 20 000 €, je tiens plus, je dors plus", "express_overwhelm"),
        bot(CHECK_IN),
        bot(SUICIDE_QUESTION),
        user(words, intent),
    ]
    current = tracker(
        events,
        slots={"requested_slot": "suicide_thoughts", "difficulty_categories": ["cotisations_sociales"]},
        active_loop="direct_question_form",
    )
    dispatcher = CollectingDispatcher()
    slots = run_coroutine(ValidateDirectQuestionForm().extract_suicide_thoughts(dispatcher, current, {}))
    return [message.get("text") or message.get("response") or "" for message in dispatcher.messages], slots


@pytest.mark.parametrize(
    "words",
    [
        "pour l'urssaf si je fais la demande en ligne ils vont accepter ?",  # the conversation's voice
        "et la banque elle peut me fermer le compte ?",  # SMS
        "est ce que le tribunal peut me prendre ma maison ?",  # dictated
        "l'huissier il a le droit de venir un dimanche ?",  # no accents, spoken
    ],
)
def test_a_business_question_at_the_direct_question_is_no_identity_answer(words: str) -> None:
    said, slots = _asked_back(words)
    assert slots == {"suicide_thoughts": None}
    assert said and not any(IDENTITY in line or line == "utter_faq/is_bot" for line in said)


@pytest.mark.parametrize(
    "words", ["vous êtes un robot ?", "c'est un robot qui me répond ?", "t es une vraie personne ?"]
)
def test_near_miss_whether_a_person_answers_still_gets_the_honest_identity(words: str) -> None:
    said, slots = _asked_back(words)
    assert slots == {"suicide_thoughts": None}
    assert said == ["utter_faq/is_bot"]  # "Je suis un assistant automatique, pas une personne. …"


@pytest.mark.parametrize("words", ["et vous ?", "vous en pensez quoi vous ?"])
def test_near_miss_another_question_gets_an_honest_word_without_the_identity(words: str) -> None:
    said, slots = _asked_back(words)
    assert slots == {"suicide_thoughts": None}
    assert len(said) == 1 and "conseiller" in said[0] and IDENTITY not in said[0]
