"""`action_ask_<slot>` for every form question, rendered from `actions.questions`."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import services
from actions.questions import QUESTIONS


class AskQuestion(Action):
    slot: str = ""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        text, buttons = QUESTIONS[self.slot].render(services.chamber(), tracker.slots)
        dispatcher.utter_message(text=text, buttons=buttons)
        return []


# rasa_sdk registers every Action subclass it finds, so one class per question is generated here.
ASK_ACTIONS = {
    slot: type(f"Ask{''.join(part.title() for part in slot.split('_'))}", (AskQuestion,), {"slot": slot})
    for slot in QUESTIONS
}
