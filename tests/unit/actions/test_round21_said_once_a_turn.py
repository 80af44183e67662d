"""Round 21 (z.md M1, M2): never the same words twice in one turn. "qui lit mes messages ?" at the callback question was
answered by the question's answer and again by the form's validation; the restatement of a fire was said with the
urgency note and then again without it. Every action of the server goes through actions/safety.guarded, which leaves
out what was already said since the artisan's latest message."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.erasure_actions import WHO_READS
from actions.faq_actions import ActionAnswerFaq
from actions.handoff_actions import ValidateHandoffForm
from actions.safety import drop_repeats, guarded
from tests.support.trackers import bot, texts, tracker, user

QUESTION = "Voulez-vous qu'un conseiller de la chambre vous rappelle ?"
RESTATED = "Si je comprends bien, vous faites face aux suites d'un sinistre et à une baisse d'activité."


def _guarded_run(action, current) -> list[str]:
    dispatcher = CollectingDispatcher()
    asyncio.run(guarded(action.name(), action.run)(dispatcher, current, {}))
    return texts(dispatcher)


@pytest.mark.parametrize("words", ["et qui va lire ce que j'écris ?", "qui lit mes messages ?"])
def test_who_reads_at_the_callback_question_is_said_once(words: str) -> None:
    slots = {"requested_slot": "wants_advisor", "difficulty_categories": ["banque"], "urgency": "normale"}
    events = [user("la banque m'a coupé le découvert"), bot(QUESTION), user(words, "ask_faq")]
    answered = _guarded_run(ActionAnswerFaq(), tracker(events, slots=slots, active_loop="handoff_form"))
    assert answered.count(WHO_READS) == 1
    # The form's validation runs next in the same turn: the answer is not said again.
    validated = _guarded_run(
        ValidateHandoffForm(), tracker([*events, bot(WHO_READS)], slots=slots, active_loop="handoff_form")
    )
    assert WHO_READS not in validated


def _dropped(said_this_turn: list[str], new: list[dict]) -> list[str]:
    events = [user("mon atelier a brûlé"), *[bot(text) for text in said_this_turn]]
    dispatcher = CollectingDispatcher()
    dispatcher.messages.extend(new)
    drop_repeats(dispatcher, tracker(events))
    return [message.get("text") for message in dispatcher.messages]


def test_a_restatement_said_with_the_urgency_note_is_not_said_again_without_it() -> None:
    said = [f"{RESTATED} Je note que c'est urgent."]
    assert _dropped(said, [{"text": RESTATED}, {"text": "Depuis quand cette situation dure-t-elle ?"}]) == [
        "Depuis quand cette situation dure-t-elle ?"
    ]


def test_the_same_words_twice_from_one_action_are_said_once() -> None:
    assert _dropped([], [{"text": WHO_READS}, {"text": WHO_READS}]) == [WHO_READS]


def test_words_said_in_an_earlier_turn_may_come_again() -> None:
    events = [user("qui lit ?"), bot(WHO_READS), user("et qui lit vraiment ?")]
    dispatcher = CollectingDispatcher()
    dispatcher.utter_message(text=WHO_READS)
    drop_repeats(dispatcher, tracker(events))
    assert texts(dispatcher) == [WHO_READS]


@pytest.mark.parametrize(
    "message",
    [
        {"text": "D'accord."},  # short words come back in longer messages
        {"text": QUESTION, "buttons": [{"title": "Oui", "payload": "/affirm"}]},  # a question with its buttons
        {"text": QUESTION, "asked_slot": "wants_advisor"},  # a form's question
    ],
)
def test_short_words_and_questions_are_kept(message: dict) -> None:
    assert _dropped([f"D'accord. {QUESTION}", QUESTION], [message]) == [message["text"]]
