"""Discretion asked at an intake question (round 27, lead27-03).

A relative wrote "il sait pas que je vous ecris" at the deadline question: it was stored as the deadline ("non précisé",
or the words themselves) and not acknowledged, though the handoff says it heard the same words (DISCRETION_NOTED). At
an intake question the request is heard and said noted for the advisor (the case, if one is made, opens with it:
actions/handoff.py discretion_line), and the question is asked again; an answer said with it is kept.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import services
from actions.conversation import said_before
from actions.handoff import asks_discretion
from actions.unanswered import not_answered
from intake.facts import extract_facts

# Only what the software does: the request is the first line of the case, read before any call.
DISCRETION_HEARD = "Je comprends, c'est noté : si un conseiller rappelle, il le lira en premier, pour rester discret."
DISCRETION_HEARD_AGAIN = "C'est bien noté, pour rester discret."


def discretion_at_question(slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any] | None:
    """The discretion asked at the question of ``slot``: heard, then the question again (``not_answered``), or the
    answer said with it kept. None when the words ask no discretion, or another question is pending."""
    words = tracker.latest_message.get("text")
    if slot != tracker.get_slot("requested_slot") or not asks_discretion(words):
        return None
    heard = DISCRETION_HEARD_AGAIN if said_before(tracker.events, DISCRETION_HEARD) else DISCRETION_HEARD
    answer = extract_facts(words or "", services.chamber_today(), asked=slot).get(slot)
    if answer:
        dispatcher.utter_message(text=heard)
        return {slot: answer}
    return not_answered(slot, heard, dispatcher, tracker)
