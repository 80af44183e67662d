"""Keeps the triage slots up to date after every user message.

Rasa's default `action_extract_slots` runs this `action_validate_slot_mappings` after each user
message, whatever the dialogue is doing (form in progress, question pending), as the triage contract
requires.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import ValidationAction

from actions.conversation import situation, user_messages
from triage import Assessment, assess


class ValidateTriageSlots(ValidationAction):
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        previous = Assessment.from_slots(tracker.slots)
        assessment = assess(
            user_messages(tracker.events),
            previous=previous,
            situation=situation(tracker.slots),
            today=date.today(),
        )
        return [
            SlotSet(name, value)
            for name, value in assessment.to_slots().items()
            if tracker.get_slot(name) != value
        ]
