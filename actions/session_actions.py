"""Session start: chamber details into slots, and the welcome said before anything else."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import services
from actions.erasure_actions import ERASED_SLOT
from guidance.welcome import welcome_text


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        chamber = services.chamber()
        events: list[EventType] = [SessionStarted()]
        # Carry over what the artisan already told us: a returning artisan updates the same case.
        events += [
            SlotSet(name, value)
            for name, value in tracker.slots.items()
            if value is not None and name not in ("requested_slot", ERASED_SLOT)
        ]
        events += [
            SlotSet("chamber_name", chamber.name),
            SlotSet("chamber_phone", chamber.phone),
            SlotSet("chamber_hours", chamber.hours_text),
            SlotSet("chamber_email", chamber.email),
            SlotSet("conversation_retention_days", str(services.tracker_retention_days())),
        ]
        if tracker.get_slot(ERASED_SLOT):
            # Right after an erasure ("C'est fait : j'ai effacé cette conversation..."): the welcome was said
            # at the start, and saying it again reads as if nothing had happened.
            events.append(SlotSet(ERASED_SLOT, None))
        else:
            dispatcher.utter_message(text=welcome_text(chamber.name))
        events.append(ActionExecuted("action_listen"))
        return events
