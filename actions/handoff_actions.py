"""Handoff: the advisor offer, consent, contact details, and the case."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import services
from actions.conversation import situation, transcript
from actions.place_validation import PlaceValidation
from actions.handoff import (
    build_case_draft,
    clean_name,
    display_phone,
    normalise_email,
    normalise_phone,
)
from cases.reference import new_reference

logger = logging.getLogger(__name__)

class ValidateHandoffForm(PlaceValidation, FormValidationAction):
    def name(self) -> Text:
        return "validate_handoff_form"

    async def required_slots(
        self,
        domain_slots: List[Text],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[Text]:
        slots = tracker.slots
        if slots.get("wants_advisor") is False:
            return ["wants_advisor"]
        if slots.get("consent_given") is False:
            return ["wants_advisor", "consent_given"]
        wanted = ["wants_advisor", "consent_given"]
        if "sante" in (slots.get("difficulty_categories") or []):
            wanted.append("health_consent")
        # The form asks the first of these that is still empty; filled ones stay listed so their
        # validate_<slot> methods run.
        return wanted + ["contact_name", "phone", "email", "callback_slot", "departement"]

    def validate_consent_given(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if value is True:
            return {"consent_given": True, "consent_at": datetime.now(timezone.utc).isoformat()}
        return {"consent_given": value}

    def validate_contact_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return {"contact_name": clean_name(value)}

    def validate_phone(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        phone = normalise_phone(value)
        if phone is None:
            dispatcher.utter_message(
                text="Je n'ai pas reconnu ce numéro. Pouvez-vous l'écrire ainsi : 06 12 34 56 78 ?"
            )
        return {"phone": phone}

    def validate_email(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if value == "non précisé":
            return {"email": value}
        email = normalise_email(value)
        if email is None:
            dispatcher.utter_message(
                text="Cette adresse ne semble pas complète, par exemple : prenom.nom@exemple.fr. Vous pouvez aussi répondre « passer »."
            )
        return {"email": email}


class ActionFinishHandoff(Action):
    """Creates (or updates) the case when the artisan agreed; otherwise leaves the chamber's number."""

    def name(self) -> Text:
        return "action_finish_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        chamber = services.chamber()
        slots = tracker.slots
        if not slots.get("wants_advisor") or not slots.get("consent_given"):
            dispatcher.utter_message(
                text=(
                    "C'est entendu, je n'ai rien enregistré de personnel. Si vous changez d'avis, "
                    f"la {chamber.name} vous répond au {chamber.phone}, {chamber.hours_text}."
                )
            )
            return []
        reference = slots.get("case_reference") or new_reference()
        draft = build_case_draft(
            conversation_id=tracker.sender_id,
            reference=reference,
            chamber_id=chamber.id,
            slots=slots,
            situation=situation(slots),
            transcript=transcript(tracker.events),
            consent_version=chamber.consent_version,
        )
        result = services.case_outbox().submit(draft)
        if not result.stored:
            logger.warning("case %s spooled: database unreachable", result.reference)
        promise = chamber.callback_promise(datetime.now(timezone.utc))
        phone = f" au {display_phone(slots['phone'])}" if slots.get("phone") else ""
        text = (
            f"C'est noté, votre référence est {result.reference}. "
            f"Un conseiller vous rappellera{phone} {promise}."
        )
        dispatcher.utter_message(text=text)
        if not result.stored:
            dispatcher.utter_message(
                text=(
                    "Notre dossier est momentanément indisponible, mais votre demande est gardée et sera "
                    f"transmise dès que possible. En cas d'urgence, appelez le {chamber.phone}."
                )
            )
        return [SlotSet("case_reference", result.reference)]


class ActionHandleMisunderstanding(Action):
    """Rephrase once; the second time, offer a human instead of looping."""

    def name(self) -> Text:
        return "action_handle_misunderstanding"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        count = int(tracker.get_slot("misunderstandings") or 0) + 1
        if count == 1:
            dispatcher.utter_message(text="Je n'ai pas bien compris, pardon. Pouvez-vous le dire autrement ?")
        else:
            chamber = services.chamber()
            dispatcher.utter_message(
                text=(
                    "Je ne suis pas sûr de bien vous comprendre, et je ne veux pas vous faire répéter. "
                    "Si vous écrivez « conseiller », une personne de la chambre vous rappellera ; "
                    f"vous pouvez aussi appeler le {chamber.phone}."
                )
            )
        return [SlotSet("misunderstandings", float(count))]
