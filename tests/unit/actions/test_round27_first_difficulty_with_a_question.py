"""The first difficulty told with a question is a difficulty told first (round 27, talk-a r27-a-17, D24).

"au secours y a l'huissier qui est la il veut prendre mon camion, je suis plombier j'en ai besoin pour bosser, je fais
quoi ???" as the first message was classified a question about the service (faq/is_free): the bot said only "Je ne peux
pas vous répondre avec certitude…": no restatement, no intake, no first step, no callback; then "??" got "Je suis
toujours là…". The triage had set the categories with the message itself, and the actions took them for a difficulty
known already. Now the conversation's first difficulty, with whatever question, is said back and the intake starts (the
first steps and the callback come with it); a question on a difficulty told earlier is still answered as before.
"""

from __future__ import annotations

import pytest

from actions.ask_actions import ActionOutOfScope
from actions.conversation import difficulty_first_told
from actions.faq_actions import ActionAnswerFaq
from actions.triage_actions import ValidateTriageSlots
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

RESTATED = "Si je comprends bien"


def _message(words: str, intent: str, key: str | None) -> dict:
    message = user(words, intent)
    if key:
        message["parse_data"]["response_selector"] = {"default": {"response": {"intent_response_key": key}}}
    return message


def _turn(action, words: str, intent: str = "faq", key: str | None = "faq/is_free", earlier: list[dict] | None = None):
    """The message after ``earlier``, the triage's validation run on it first (as the bot runs it), then ``action``."""
    history = list(earlier or [])
    message = _message(words, intent, key)
    before = tracker([*history, message], slots=slot_events(history))
    _, triaged = run(ValidateTriageSlots(), before)
    events = [*history, message, *({**event, "timestamp": None} for event in triaged)]
    current = tracker(events, slots={**slot_events(history), **slot_events(triaged)})
    current.latest_message["response_selector"] = message["parse_data"].get("response_selector") or {}
    dispatcher, result = run(action, current)
    return texts(dispatcher), result


def _starts_the_intake(result) -> bool:
    return any(event.get("event") == "followup" and event.get("name") == "situation_form" for event in result)


FIRST_MESSAGES = [
    # The tester's words, then paraphrases: SMS, no accents, formal, hesitant.
    "au secours y a l'huissier qui est la il veut prendre mon camion, je suis plombier j'en ai besoin pour bosser, "
    "je fais quoi ???",
    "huissier devant chez moi il saisit ma camionnette jfai koi",
    "Bonjour, un commissaire de justice est à mon atelier pour saisir mes machines. Que dois-je faire ?",
    "euh... l'urssaf me reclame 8000 euros et je peux pas payer... je fais comment ?",
]


@pytest.mark.parametrize("words", FIRST_MESSAGES)
@pytest.mark.parametrize("key", ["faq/is_free", "faq/what_can_you_do"])
def test_a_first_difficulty_asked_about_is_said_back_and_the_intake_starts(words, key):
    said, result = _turn(ActionAnswerFaq(), words, key=key)
    assert any(RESTATED in text for text in said), said
    assert not any("avec certitude" in text for text in said), said
    assert _starts_the_intake(result), result


@pytest.mark.parametrize("words", FIRST_MESSAGES[:2])
def test_out_of_scope_reads_it_the_same(words):
    said, result = _turn(ActionOutOfScope(), words, intent="out_of_scope", key=None)
    assert any(RESTATED in text for text in said), said
    assert _starts_the_intake(result), result


def test_a_service_question_with_a_first_difficulty_gets_both():
    said, result = _turn(ActionAnswerFaq(), "c'est gratuit ? l'urssaf me réclame 3000 euros", key="faq/is_free")
    assert any("gratuit" in text for text in said) and any(RESTATED in text for text in said), said
    assert _starts_the_intake(result)


EARLIER = [
    user("je suis plombier, l'huissier veut saisir mon camion"),
    {"event": "slot", "name": "difficulty_categories", "value": ["procedure_judiciaire"], "timestamp": None},
    bot("Si je comprends bien, vous faites face à une procédure en justice ou à un commissaire de justice."),
]


@pytest.mark.parametrize(
    "words, key",
    [
        # Near misses that must not change: a question on the difficulty told earlier, a service question alone.
        ("il a le droit de prendre mon camion ?", "faq/is_free"),
        ("et l'huissier il peut revenir quand ?", "faq/what_can_you_do"),
    ],
)
def test_a_question_on_a_difficulty_told_earlier_is_answered_without_saying_it_back(words, key):
    said, result = _turn(ActionAnswerFaq(), words, key=key, earlier=EARLIER)
    assert not any(RESTATED in text for text in said) and not _starts_the_intake(result), said


def test_a_service_question_alone_starts_nothing():
    said, result = _turn(ActionAnswerFaq(), "c'est payant votre truc ?", key="faq/is_free")
    assert not any(RESTATED in text for text in said) and not _starts_the_intake(result), said


def test_first_told_needs_the_categories_set_with_the_latest_message():
    slot = {"event": "slot", "name": "difficulty_categories", "value": ["banque"]}
    assert difficulty_first_told([user("la banque me coupe le découvert"), slot])
    assert not difficulty_first_told([user("la banque me coupe"), slot, user("et alors ?"), slot])
    assert not difficulty_first_told([user("c'est gratuit ?")])
    assert not difficulty_first_told([])
