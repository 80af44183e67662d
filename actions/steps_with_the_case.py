"""The first steps given with the case when the conversation gave none.

Round 27 (lead27-05): an artisan who asked for the callback at the first intake question left the intake there; the
consent, the name and the number were given and the case stored, and no first step was ever said, though the knowledge
base had the one that fitted. The steps that fit are given once, where they interrupt no question of the handoff:
right after "votre demande est bien enregistrée" (before the optional questions), or when the handoff form ends with
the case. Never twice (the ``guidance_given`` slot), never to someone taking leave, never on the crisis path before
the safety part is done (``give_guidance`` hands that path to ``first_steps_after_crisis``, which waits for it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.first_steps import give_guidance
from actions.handoff import CASE_KEPT, CASE_SAVED, consented
from actions.intake import is_question
from intake.answers import is_closing

# Intents that take leave: nothing is added after them.
_LEAVING_INTENTS = frozenset({"goodbye", "thank", "stop_conversation"})


def case_saved_said(dispatcher: CollectingDispatcher) -> bool:
    """Whether this turn said the case stored ("Merci, votre demande est bien enregistrée.")."""
    return any((message.get("text") or "").startswith((CASE_SAVED, CASE_KEPT)) for message in dispatcher.messages)


def _slots_after(tracker: Tracker, events: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    slots = dict(tracker.slots)
    for event in events:
        if event.get("event") == "slot":
            slots[event["name"]] = event.get("value")
    return slots


def takes_leave(tracker: Tracker) -> bool:
    """The latest message takes leave ("merci au revoir", "bon je vous laisse"), a question aside."""
    words = tracker.latest_message.get("text")
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    if intent in _LEAVING_INTENTS:
        return True
    return is_closing(words) and not is_question(words)


def steps_with_the_case(
    dispatcher: CollectingDispatcher, tracker: Tracker, events: Iterable[Mapping[str, Any]] = ()
) -> list[EventType]:
    """The first steps that fit, said now when a case exists (after ``events``) and no step was given in the
    conversation; [] otherwise (a step already given, no case, no consent, someone leaving, nothing that fits)."""
    slots = _slots_after(tracker, events)
    if slots.get("guidance_given") or not slots.get("case_reference") or not consented(slots):
        return []
    if takes_leave(tracker):
        return []
    return give_guidance(dispatcher, tracker, case_made=True)


def steps_at_the_end(
    dispatcher: CollectingDispatcher, tracker: Tracker, events: Iterable[Mapping[str, Any]]
) -> list[EventType]:
    """``steps_with_the_case`` when the handoff form ends; after a crisis its last words are the numbers to call
    (HANDOFF_REMINDER), which nothing follows."""
    if _slots_after(tracker, events).get("distress"):
        return []
    return steps_with_the_case(dispatcher, tracker, events)
