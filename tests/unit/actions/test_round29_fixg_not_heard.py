"""Round 29 (r29-a-06, r29-b-41, r29-b-44): a reproach of not being answered during the intake ("je vous demande si je
dois fermer ma boucherie, vous répondez pas") got "Très bien, on s'arrête là", and other wordings the same intake
question again. The reproach is heard: "Pardon, je n'ai pas répondu à votre question", the questions left are passed
(the first steps and the callback offer follow, the rule after a complete intake), never a stop nor the question again.
New wordings, with near misses that keep their old path (the chamber's phone not answering, a client not answering)."""

from __future__ import annotations

import pytest

from actions.conversation import SKIPPED
from actions.intake_actions import (
    NOT_HEARD_ACK,
    ActionExplainQuestion,
    ActionStopConversation,
    ValidateSituationForm,
)
from intake.reproach import says_not_heard
from tests.support.trackers import bot, run, slot_events, texts, tracker, user
from triage import assess

FIRST = "fleuriste à Tours, on m'a trouvé une tumeur, je vais être arrêtée des mois, je ferme ou pas ?"


def _at_the_since_question(words: str, intent: str) -> object:
    slots = {**assess([FIRST]).to_slots(), "requested_slot": "since_when"}
    events = [
        user(FIRST),
        {"event": "slot", "name": "requested_slot", "value": "since_when"},
        bot("Depuis quand cette situation dure-t-elle ?"),
        user(words, intent),
    ]
    return tracker(events, slots, active_loop="situation_form")


NOT_HEARD = [
    "je vous pose une question et vous répondez pas",
    "répondez d'abord à ma question s'il vous plaît",
    "vous répondez jamais à ce que je dis",
    "c'est pas ma question ça",
    "franchement c'est nul votre machin",
    "vous m'avez même pas répondu",
]
NOT_A_REPROACH = [
    "vous répondez jamais au téléphone à la chambre, c'est pour ça que j'écris",
    "ma cliente répond pas à mes relances",
    "je réponds pas aux numéros masqués",
    "c'est nul, le chiffre a baissé de moitié",
    "depuis septembre",
]


@pytest.mark.parametrize("words", NOT_HEARD)
def test_a_reproach_is_read(words: str) -> None:
    assert says_not_heard(words)


@pytest.mark.parametrize("words", NOT_A_REPROACH)
def test_near_misses_are_no_reproach(words: str) -> None:
    assert not says_not_heard(words)


@pytest.mark.parametrize(
    "action, intent",
    [
        (ActionStopConversation(), "stop_conversation"),
        (ActionExplainQuestion(), "ask_why_question"),
        (ValidateSituationForm(), "inform"),
    ],
)
@pytest.mark.parametrize("words", NOT_HEARD[:3])
def test_a_reproach_passes_the_questions_left_and_never_stops(action, intent: str, words: str) -> None:
    dispatcher, events = run(action, _at_the_since_question(words, intent))
    said = texts(dispatcher)
    assert said[0] == NOT_HEARD_ACK
    assert not any("on s'arrête là" in text for text in said)
    assert slot_events(events).get("since_when") == SKIPPED
    assert not any(event.get("event") == "active_loop" and event.get("name") is None for event in events)


def test_a_stop_without_reproach_still_stops() -> None:
    dispatcher, _events = run(ActionStopConversation(), _at_the_since_question("bon on arrête là", "stop_conversation"))
    assert NOT_HEARD_ACK not in texts(dispatcher)


def test_a_question_asked_again_after_the_reproach_keeps_its_own_answer() -> None:
    assert not says_not_heard("c'est pas ma question. est-ce que la banque sera au courant ?")
    assert says_not_heard("vous répondez pas à ma question ?")
