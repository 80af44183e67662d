"""Keeps the triage slots up to date after every user message.

Rasa's default `action_extract_slots` runs this `action_validate_slot_mappings` after each user
message, whatever the dialogue is doing (form in progress, question pending), as the triage contract
requires.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import ValidationAction

from actions.conversation import SKIPPED, situation, user_messages
from intake.facts import extract_facts
from triage import Assessment, assess


class ValidateTriageSlots(ValidationAction):
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        previous = Assessment.from_slots(tracker.slots)
        assessment = assess(
            user_messages(tracker.events),
            previous=previous,
            situation=situation(tracker.slots),
            today=date.today(),
        )
        events = [
            SlotSet(name, value)
            for name, value in assessment.to_slots().items()
            if tracker.get_slot(name) != value
        ]
        events += [
            SlotSet(name, value)
            for name, value in facts_to_fill(tracker).items()
            if tracker.get_slot(name) != value
        ]
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent == "request_human":
            if tracker.get_slot("consent_given") is False:
                # A change of mind after a refusal: the consent question is asked again, never assumed.
                events.append(SlotSet("consent_given", None))
            if tracker.get_slot("phone") == SKIPPED:
                # A person was asked for after the number was skipped: the number is asked again.
                events.append(SlotSet("phone", None))
        return events


# While these are asked, the artisan's words are contact details, not facts about the business.
_CONTACT_QUESTIONS = frozenset({"contact_name", "phone", "email", "callback_slot"})


def facts_to_fill(tracker: Tracker) -> dict[str, str]:
    """What the latest message says of the situation (listen first: it is not asked again). A later
    message saying otherwise corrects it."""
    if tracker.get_slot("requested_slot") in _CONTACT_QUESTIONS:
        return {}
    return extract_facts(tracker.latest_message.get("text") or "", date.today())
