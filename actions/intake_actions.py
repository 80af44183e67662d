"""Intake: acknowledging the situation, the discreet questions, first guidance."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import services
from actions.conversation import situation
from actions.intake import URGENT_LEVELS, explain, intake_questions
from actions.place_validation import PlaceValidation
from guidance import render_guidance, select_guidance
from triage import Assessment


def _assessment(tracker: Tracker) -> Optional[Assessment]:
    return Assessment.from_slots(tracker.slots)


class ActionAcknowledgeSituation(Action):
    """Says back what was understood ("Si je comprends bien, ..."), gently."""

    def name(self) -> Text:
        return "action_acknowledge_situation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        assessment = _assessment(tracker)
        restatement = assessment.restatement() if assessment else None
        if restatement:
            dispatcher.utter_message(text=restatement)
        else:
            dispatcher.utter_message(text="Merci de m'en parler, ce n'est pas toujours facile.")
        if assessment and assessment.urgency in URGENT_LEVELS and not assessment.distress:
            dispatcher.utter_message(
                text="Cela paraît urgent : je vais vous proposer qu'un conseiller vous rappelle rapidement."
            )
        return []


class ValidateSituationForm(PlaceValidation, FormValidationAction):
    def name(self) -> Text:
        return "validate_situation_form"

    async def required_slots(
        self,
        domain_slots: List[Text],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[Text]:
        return intake_questions(
            tracker.get_slot("difficulty_categories") or [],
            tracker.get_slot("urgency"),
        )


class ActionExplainQuestion(Action):
    def name(self) -> Text:
        return "action_explain_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        dispatcher.utter_message(
            text=explain(tracker.get_slot("requested_slot"))
            + " Vous pouvez aussi répondre « passer »."
        )
        return []


class ActionGiveGuidance(Action):
    """At most three first steps, the most urgent first; the crisis reply always comes before."""

    def name(self) -> Text:
        return "action_give_guidance"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        assessment = _assessment(tracker)
        if assessment is None or assessment.distress:
            return []
        chamber = services.chamber()
        entries = select_guidance(
            services.knowledge_base(), assessment, chamber, situation=situation(tracker.slots), limit=3
        )
        if not entries:
            return []
        dispatcher.utter_message(text="Voici quelques premières démarches qui peuvent vous aider :")
        for message in render_guidance(entries, chamber):
            dispatcher.utter_message(text=message)
        given = [{"id": e.id, "name": e.name, "link": e.link} for e in entries]
        return [SlotSet("guidance_given", given)]


class ActionStopConversation(Action):
    def name(self) -> Text:
        return "action_stop_conversation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        chamber = services.chamber()
        dispatcher.utter_message(
            text=(
                "Très bien, on s'arrête là. Si vous le souhaitez, la "
                f"{chamber.name} reste joignable au {chamber.phone}, {chamber.hours_text}."
            )
        )
        return [ActiveLoop(None), SlotSet("requested_slot", None)]
