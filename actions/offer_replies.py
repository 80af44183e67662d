"""Answers at the callback offer that say more than a yes or a no (round 25, talker C; the reading is
intake/offer_replies.py): a "non" that puts right what was understood, a yes that turns to a question or a correction,
a no with its reason or plan."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.business_questions import answer_to_business_question
from actions.service_answers import service_question_text
from intake.offer_replies import asks, corrects_what_was_understood, no_with_a_plan, yes_turning_elsewhere
from intake.service_questions import FREE, asks_if_free

CORRECTION_TAKEN = "Pardon, j'avais mal compris."
PRECISION_NOTED = "Merci de la précision, c'est noté."


def no_with_a_plan_at_offer(tracker: Tracker) -> dict[str, Any]:
    """ "non ça ira merci, je vais regarder sur internet" at the offer, under an intent no mapping takes (a goodbye: the
    offer came again word for word, s25c-10, s25c-16): the no it is. {} otherwise."""
    if tracker.get_slot("requested_slot") != "wants_advisor" or "wants_advisor" in tracker.slots_to_validate():
        return {}
    return {"wants_advisor": False} if no_with_a_plan(tracker.latest_message.get("text")) else {}


def answer_beside_the_offer(
    dispatcher: CollectingDispatcher, tracker: Tracker, words: str | None, best_step: Callable[[Tracker, str], str]
) -> dict[str, Any] | None:
    """At the offer, a "non" that says what was meant ("non je parle de l'huissier, si je suis pas au garage le 15":
    s25c-05, the urgent case dropped) or a yes that turns elsewhere ("oui mais il a le droit d'augmenter de 40 % ?",
    "d'accord. sinon vous savez s'il va y avoir un cyclone ?": s25c-12, s25c-02, the consent text came next): the
    correction taken, the question answered, and the offer asked again. None for any other answer. ``best_step``: the
    handoff's answer to a question asked with a no (the step given that speaks of it, else where to ask)."""
    if tracker.get_slot("requested_slot") != "wants_advisor":
        return None
    if corrects_what_was_understood(words):
        said = [CORRECTION_TAKEN]
        if asks(words):
            said.append(_answer(tracker, words or "", best_step))
        dispatcher.utter_message(text=" ".join(said))
        return {"wants_advisor": None}
    turned = yes_turning_elsewhere(words)
    if turned is None:
        return None
    dispatcher.utter_message(text=_answer(tracker, turned, best_step) if asks(turned) else PRECISION_NOTED)
    return {"wants_advisor": None}


def _answer(tracker: Tracker, question: str, best_step: Callable[[Tracker, str], str]) -> str:
    """The question asked beside the offer answered as the project answers questions back: about the service ("c'est
    payant ?"), about the business (a first step), else the best step given or where to ask."""
    return (
        service_question_text(tracker, question)
        or (FREE if asks_if_free(question) else None)
        or answer_to_business_question(tracker, question)
        or best_step(tracker, question)
    )
