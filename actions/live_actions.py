"""The live chat offer's Rasa adapters (issue 16): its question, its answer, and the case with a live request.
The rules are in actions/live_offer.py; the live chat itself is the web app's (ops/live.py)."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import abuse, live_offer, services
from actions.asking import ask
from actions.handoff import submit_case
from cases.reference import new_reference
from guidance.crisis import HANDOFF_REMINDER
from ops import clock

log = logging.getLogger(__name__)


def live_offer_available() -> bool:
    chamber = services.chamber()
    return live_offer.offer_available(chamber, clock.now(), services.live_repository().advisors_present)


class LiveOfferValidation:
    """Mixed into the handoff form's validation (actions.handoff_actions.ValidateHandoffForm)."""

    def validate_live_chat_wanted(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        words = tracker.latest_message.get("text")
        choice = live_offer.read_answer(value, words)
        if choice is None:
            dispatcher.utter_message(text=live_offer.UNCLEAR)
        return {live_offer.SLOT: choice}


class ActionAskLiveChatWanted(Action):
    def name(self) -> str:
        return "action_ask_live_chat_wanted"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        ask(live_offer.SLOT, dispatcher, tracker)
        return []


def finish_live(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """The case stored with a live request; the confirmation carries the widget's signal to go live."""
    chamber = services.chamber()
    slots = tracker.slots
    new = not slots.get("case_reference")
    reference = slots.get("case_reference") or new_reference()
    result = submit_case(
        services.case_outbox(),
        conversation_id=tracker.sender_id,
        reference=reference,
        chamber_id=chamber.id,
        slots=slots,
        events=tracker.events,
        consent_version=chamber.consent_version,
        review_reasons=abuse.review_reasons(slots, tracker.latest_message) if new else None,
    )
    events: list[EventType] = [SlotSet("case_reference", result.reference)]
    try:
        if not result.stored:
            raise RuntimeError("the case is spooled, not stored")
        services.live_repository().request(tracker.sender_id, clock.now())
    except Exception as error:  # noqa: BLE001 - the callback path is said instead
        log.error("live request for case %s failed (%s)", result.reference, type(error).__name__)
        dispatcher.utter_message(text=live_offer.unavailable(chamber))
        return [*events, SlotSet(live_offer.SLOT, None)]
    reminder = HANDOFF_REMINDER if slots.get("distress") else ""
    dispatcher.utter_message(text=live_offer.confirmation(result.reference, reminder), json_message=live_offer.SIGNAL)
    return events
