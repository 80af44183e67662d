"""Round 35 (make run, r35-c): a daughter writing for her father, at "Voulez-vous qu'un conseiller de la chambre vous
rappelle ?", answered "faudrait que je lui demande avant" (skip_question, 0.46) and got "Je n'ai pas bien compris votre
réponse", the question again. Asking the person concerned first is time to think: respected, the way on said, no
question again at once. Words that ask nothing of anyone close stay what they were."""

from __future__ import annotations

import pytest

from actions.handoff_actions import TIME_TO_THINK, ValidateHandoffForm
from intake.answers import thinks_it_over
from tests.support.trackers import bot, consented, run, slot_events, tracker, user

OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"


def _at_the_offer(words: str):
    events = [
        user("mon père a des dettes partout"),
        bot(OFFER),
        user(words, "skip_question"),
        {"event": "slot", "name": "wants_advisor", "value": words},  # what the form's mapping took from the words
    ]
    values = {
        **consented(contact_name=None, wants_advisor=None, consent_given=None, consent_at=None),
        "wants_advisor": words,
        "requested_slot": "wants_advisor",
    }
    values.pop("departement", None)
    return run(ValidateHandoffForm(), tracker(events, slots=values, active_loop="handoff_form"))


@pytest.mark.parametrize(
    "words",
    [
        "faudrait que je lui demande avant",
        "il faut que j'en parle à ma femme d'abord",
        "je dois voir ça avec mon mari",
        "faut que je lui pose la question",
        "je vais leur demander s'ils sont d'accord",
    ],
)
def test_asking_the_person_first_is_time_to_think_at_the_offer(words):
    dispatcher, events = _at_the_offer(words)
    said = [message.get("text") or "" for message in dispatcher.messages]
    assert said == [TIME_TO_THINK["wants_advisor"]]
    assert slot_events(events)["wants_advisor"] is None


@pytest.mark.parametrize(
    "words",
    ["il faut lui demander de payer", "je vais lui parler de la dette", "faut voir avec la banque pour le découvert"],
)
def test_words_that_ask_nothing_of_anyone_close_are_no_time_to_think(words):
    assert not thinks_it_over(words)
