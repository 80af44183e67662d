"""Handoff: the advisor offer, consent, contact details, and the case."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import abuse, live_offer, services
from actions.conversation import SKIPPED, said_before
from actions.handoff import (
    clean_name,
    display_phone,
    handoff_questions,
    has_phone,
    no_phone_text,
    normalise_email,
    normalise_phone,
    refusal_text,
    submit_case,
)
from actions.intake import SERIOUS_REPLY, is_question, reply_to_question
from actions.live_actions import LiveOfferValidation, finish_live, live_offer_available
from actions.place_validation import PlaceValidation
from cases.reference import new_reference
from guidance.crisis import HANDOFF_REMINDER
from intake.answers import CORRECTION, HESITATION, NO, QUESTION, TAKE_YOUR_TIME, YES, is_waiting, kind as answer_kind
from intake.facts import extract_facts, understood
from ops import clock

logger = logging.getLogger(__name__)


class ValidateHandoffForm(LiveOfferValidation, PlaceValidation, FormValidationAction):
    def name(self) -> str:
        return "validate_handoff_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        return live_offer.with_live_offer(handoff_questions(tracker.slots), tracker.slots, live_offer_available)

    def validate_wants_advisor(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        decision = read_yes_no(value, tracker, "wants_advisor")
        if decision is None:
            say_neither(dispatcher, tracker, "wants_advisor")
        return {"wants_advisor": decision}

    def validate_consent_given(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        decision = read_yes_no(value, tracker, "consent_given")
        if decision is None:
            say_neither(dispatcher, tracker, "consent_given")
            return {"consent_given": None}
        if decision is True:
            return {"consent_given": True, "consent_at": datetime.now(timezone.utc).isoformat()}
        return {"consent_given": False}

    def validate_contact_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value == SKIPPED:
            return {"contact_name": SKIPPED}
        return {"contact_name": clean_name(value)}

    def validate_phone(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value == SKIPPED:
            # A skip is an answer: the form ends, saying that without a number nothing is passed on and
            # how to come back ("conseiller" asks for the number again).
            return {"phone": SKIPPED}
        phone = normalise_phone(value)
        if phone is None:
            dispatcher.utter_message(
                text="Je n'ai pas reconnu ce numéro. Pouvez-vous l'écrire ainsi : 06 12 34 56 78 ?"
            )
        return {"phone": phone}

    def validate_callback_slot(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        words = tracker.latest_message.get("text") or ""
        if tracker.get_slot("requested_slot") == "callback_slot" and value == words and is_waiting(words):
            # "hmm", "attendez": no time given yet; the question waits rather than "hmm" becoming the time.
            dispatcher.utter_message(text=TAKE_YOUR_TIME)
            return {"callback_slot": None}
        return {"callback_slot": value}

    def validate_email(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value == SKIPPED:
            return {"email": value}
        email = normalise_email(value)
        if email is None:
            text = "Cette adresse ne semble pas complète, par exemple : prenom.nom@exemple.fr. Vous pouvez aussi répondre « passer »."
            # Said once in full; again, a short word (the form asks the question again).
            dispatcher.utter_message(text="Adresse incomplète, pardon." if already_said(tracker, text) else text)
        return {"email": email}


def read_yes_no(value: Any, tracker: Tracker, slot: str | None = None) -> bool | None:
    """True or False when the artisan answered yes or no; None for anything else.

    The intent gave `value` (True/False), or the words themselves (text); the words win when they say
    a hesitation ("pas encore", classified as a no): a hesitation is never a refusal.
    """
    if isinstance(value, bool) and slot and tracker.get_slot("requested_slot") != slot:
        # An answer given earlier, validated again when the form starts: the latest words answer
        # something else ("attendez mon client arrive" after a refusal is no hesitation about it).
        return value
    words = tracker.latest_message.get("text")
    said = answer_kind(words)
    if said in (HESITATION, CORRECTION):
        return None  # "ah non c'est la Somme": a fact corrected, nothing refused
    if isinstance(value, bool):
        return value
    if said == YES:
        return True
    if said == NO:
        return False
    return None


def say_neither(dispatcher: CollectingDispatcher, tracker: Tracker, slot: str) -> None:
    """The answer was neither yes nor no: say what it was taken for; the form asks the question again."""
    words = tracker.latest_message.get("text")
    said = answer_kind(words)
    if said == HESITATION:
        if slot == "wants_advisor":
            text = (
                "C'est justement le rôle d'un conseiller : vous aider à savoir par où commencer et à qui "
                "vous adresser, gratuitement et sans engagement."
            )
        else:
            text = "Prenez le temps d'y penser : rien n'est transmis sans votre accord, et vous pourrez changer d'avis."
    elif said == CORRECTION:
        text = understood(extract_facts(words or "")) or "Merci, c'est noté pour le conseiller."
    elif said == QUESTION:
        text = (
            "Je ne sais pas répondre à cette question ici, mais un conseiller pourra le faire. "
            f"Vous pouvez aussi appeler le {services.chamber().phone}."
        )
    elif extract_facts(words or ""):
        text = "Merci, c'est noté pour le conseiller."
    else:
        text = "Je n'ai pas bien compris votre réponse, pardon."
    if already_said(tracker, text):
        # Said once already: a short word, then the question again.
        text = SHORT_AGAIN.get(said, "Je vous repose la question.")
    dispatcher.utter_message(text=text)


SHORT_AGAIN = {
    HESITATION: "Prenez votre temps : rien n'est transmis sans votre accord.",
    QUESTION: "Un conseiller pourra vous répondre.",
}


def already_said(tracker: Tracker, text: str, prefix: bool = False) -> bool:
    return said_before(tracker.events, text, prefix)


class ActionFinishHandoff(Action):
    """Creates (or updates) the case when the artisan agreed; otherwise leaves the chamber's number."""

    def name(self) -> str:
        return "action_finish_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        return finish_handoff(dispatcher, tracker)


def finish_handoff(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """The case when the artisan agreed and gave a number; otherwise the chamber's number, said truly."""
    chamber = services.chamber()
    slots = tracker.slots
    reminder = f" {HANDOFF_REMINDER}" if slots.get("distress") else ""  # after distress, the 3114 again
    if live_offer.wants_live(slots):  # the artisan chose to write with an advisor now (actions/live_actions.py)
        return finish_live(dispatcher, tracker)
    if not slots.get("wants_advisor") or not slots.get("consent_given"):
        text = refusal_text(chamber, services.tracker_retention_days()) + reminder
        # Said once: a second refusal gets a short word, not the same long sentence.
        dispatcher.utter_message(text="C'est entendu." if already_said(tracker, text) else text)
        return []
    if not has_phone(slots):
        text = no_phone_text(chamber, services.tracker_retention_days()) + reminder
        short = f"Sans numéro, je ne transmets rien ; la chambre répond au {chamber.phone}.{reminder}"
        dispatcher.utter_message(text=short if already_said(tracker, text) else text)
        return []
    if not slots.get("case_reference") and not abuse.new_case_allowed(tracker.latest_message):
        dispatcher.utter_message(text=abuse.too_many_cases_text(chamber))
        return []
    reference = slots.get("case_reference") or new_reference()
    result = submit_case(
        services.case_outbox(),
        conversation_id=tracker.sender_id,
        reference=reference,
        chamber_id=chamber.id,
        slots=slots,
        events=tracker.events,
        consent_version=chamber.consent_version,
    )
    promise = chamber.callback_promise(clock.now(), slots.get("callback_slot"))
    phone = f" au {display_phone(slots['phone'])}"
    if slots.get("case_reference") and already_said(
        tracker, f"C'est noté, votre référence est {result.reference}.", prefix=True
    ):
        # The case was updated: its reference, not the whole promise again.
        text = f"J'ai ajouté ce que vous venez de dire à votre demande, référence {result.reference}."
    else:
        text = f"C'est noté, votre référence est {result.reference}. Un conseiller vous rappellera{phone} {promise}.{reminder}"
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

    def name(self) -> str:
        return "action_handle_misunderstanding"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        words = tracker.latest_message.get("text") or ""
        if is_question(words) and reply_to_question(words) == SERIOUS_REPLY:
            # "c grave ?" with no question pending: understood well enough to reassure, then listen.
            dispatcher.utter_message(text=f"{SERIOUS_REPLY} Dites-moi ce qui se passe, avec vos mots.")
            return []
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
