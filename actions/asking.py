"""The form questions, asked by their `action_ask_<slot>` or, to spare an action call, by the form's validation.

Rasa's FormAction validates an answer through `validate_<form>` and then runs `action_ask_<next slot>`: two
calls to the action server for every answer (issue 18). The validations of the intake and handoff forms
ask the next question themselves at the end of their run (`ask_next_question`), marked with the slot it asks
for; the Rasa server (bot/form_asks.py) then skips the `action_ask_<slot>` call for that slot in that turn.
Any other path (a form's activation without a prefilled answer, an early return of a validation) leaves the
question to `action_ask_<slot>`, as Rasa does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import live_offer, services
from actions.conversation import said_before, user_messages
from actions.handoff import business_person_concerned, concerned_person, said_to_the_writer
from actions.questions import QUESTIONS, for_the_one_called, written_to

REQUESTED_SLOT = "requested_slot"
# The intake questions about the business, worded for its owner when someone close writes for them.
ASKED_OF_THE_OWNER = ("trade", "legal_form", "employees", "creditors", "steps_taken")
# The key of the question's message metadata that names the slot it asks for (read by bot/form_asks.py).
ASKED_SLOT_KEY = "asked_slot"


def ask(
    slot: str, dispatcher: CollectingDispatcher, tracker: Tracker, earlier: list[dict[str, Any]] | None = None
) -> None:
    """The question for `slot`; its shorter wording when it was already said (in `earlier` messages of this turn
    too). Unknown slots (the crisis forms ask their own) are not asked here."""
    if slot == live_offer.SLOT:
        dispatcher.utter_message(text=live_offer.QUESTION, buttons=list(live_offer.BUTTONS))
        return
    question = QUESTIONS[slot]
    text, buttons = question.render(services.chamber(), tracker.slots)
    if slot == "health_consent":
        # Someone close writing: "Vous avez parlé de la santé de votre patronne" (round 14, r14a-11, r14b-10).
        text = said_to_the_writer(text, concerned_person(tracker.slots, user_messages(tracker.events))) or text
    elif slot in ASKED_OF_THE_OWNER:
        # "Quel est le métier de votre mari ?" to a wife writing for her husband (round 15): whose business it is, as
        # the writer said it; never the person at risk alone (a father whose son is at risk writes of his own firm).
        text = said_to_the_writer(text, business_person_concerned(user_messages(tracker.events))) or text
    again = getattr(question, "again", None)  # the place question (actions/place_validation.py) has none
    if again and slot == "consent_given" and written_to(tracker.slots):
        again = again.replace("votre numéro", "votre adresse e-mail")  # the advisor writes (round 17, r17a-11)
    # Someone close writing for the artisan: "Quel est le prénom de votre frère ?" (round 24, conv-a).
    text = for_the_one_called(slot, text, tracker.slots, user_messages(tracker.events)) or text
    again = for_the_one_called(slot, again, tracker.slots, user_messages(tracker.events))
    said = said_before(tracker.events, text) or any(message.get("text") == text for message in earlier or [])
    if again and said:
        text = again
    dispatcher.utter_message(text=text, buttons=buttons)


def can_ask(slot: str | None) -> bool:
    return slot is not None and (slot in QUESTIONS or slot == live_offer.SLOT)


def _slot_event(event: Mapping[str, Any]) -> bool:
    return event.get("event") == "slot" and event.get("name") == REQUESTED_SLOT


def slot_rasa_asks(events: list[EventType]) -> str | None:
    """The slot Rasa's FormAction will ask for after these validation events, as it decides (rasa/core/actions/
    forms.py, `request_next_slot` and `is_done`): none when the last requested_slot event clears it or the last
    loop event ends the form; else the first requested_slot event's value."""
    last_slot = next((event for event in reversed(events) if _slot_event(event)), None)
    last_loop = next((event for event in reversed(events) if event.get("event") == "active_loop"), None)
    if (last_slot is not None and last_slot.get("value") is None) or (
        last_loop is not None and last_loop.get("name") is None
    ):
        return None
    first_slot = next((event for event in events if _slot_event(event)), None)
    return first_slot.get("value") if first_slot is not None else None


def ask_next_question(dispatcher: CollectingDispatcher, tracker: Tracker, events: list[EventType]) -> list[EventType]:
    """After a validation's events: the question Rasa would ask next, asked here and marked, in the same reply."""
    slot = slot_rasa_asks(events)
    if not can_ask(slot):
        return events
    assert slot is not None
    tracker.add_slots(events)  # the question may depend on this turn's answers
    earlier = list(dispatcher.messages)
    before = len(dispatcher.messages)
    ask(slot, dispatcher, tracker, earlier)
    for message in dispatcher.messages[before:]:
        message[ASKED_SLOT_KEY] = slot
    return events
