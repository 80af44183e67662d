"""The crisis path: numbers first, a question about safety now, a human without conditions."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import services
from guidance import crisis_messages

SAFETY_BUTTONS = [
    {"title": "Oui, je suis en sécurité", "payload": "/affirm"},
    {"title": "Non", "payload": "/deny"},
]


class ActionCrisisResponse(Action):
    def name(self) -> Text:
        return "action_crisis_response"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        messages = crisis_messages(services.chamber())
        for message in messages[:-1]:
            dispatcher.utter_message(text=message)
        # The last message asks whether the artisan is safe right now: answerable in one tap.
        dispatcher.utter_message(text=messages[-1], buttons=SAFETY_BUTTONS)
        # Whatever form was running is closed: the crisis comes before any question.
        return [
            SlotSet("distress", True),
            SlotSet("urgency", "critique"),
            ActiveLoop(None),
            SlotSet("requested_slot", None),
        ]


class ActionCheckIn(Action):
    """Stress or exhaustion alone is not distress, but deserves a gentle, direct check."""

    def name(self) -> Text:
        return "action_check_in"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        text = (
            "Ce que vous vivez a l'air très lourd. "
            "S'il vous arrive d'avoir des idées noires, le 3114 répond jour et nuit, gratuitement."
        )
        if not tracker.active_loop.get("name"):
            # Outside a form nothing else is asked: leave the door open, one question.
            text += " Voulez-vous me dire ce qui pèse le plus en ce moment ?"
        dispatcher.utter_message(text=text)
        return []
