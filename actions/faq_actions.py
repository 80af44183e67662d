"""A question about the service ("c'est gratuit ?", "qui lit ce que j'écris ?"): its answer, the response selector's
(`utter_faq/...`), or the glossary's definition of a word asked about ("c'est quoi un échéancier ?"); a request to erase gets the offer to do it now (actions/erasure_actions.py); and a statement the
classifier took, unsure, for such a question at a form's question ("c'est moi qui gère tout maintenant" at the
legal-form question) is read as that question's answer, as the form reads one."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import services
from actions.conversation import SITUATION_SLOTS, SKIPPED
from actions.erasure_actions import ERASE_REQUEST_KEY, answer_to_offer, offer_erasure, offer_pending
from actions.handoff_actions import ValidateHandoffForm, already_said, callback_promise
from actions.intake import NO_DIFFICULTY_YET, asks_something
from actions.intake_actions import ValidateSituationForm
from guidance.glossary import DEFINITION_KEY, definition_text
from guidance.welcome import FIRST_QUESTION
from intake.facts import fold
from ops import clock


class ActionAnswerFaq(Action):
    """A question about the service: its answer (the response selector's), or, for a request to erase, the
    offer to do it now (in the handoff too; "annulez ma demande" stays the handoff's own withdrawal)."""

    def name(self) -> str:
        return "action_answer_faq"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        selected = (tracker.latest_message.get("response_selector") or {}).get("default") or {}
        key = (selected.get("response") or {}).get("intent_response_key") or ""
        if key == ERASE_REQUEST_KEY:
            # In the handoff too: "effacez mes données" at the consent question was read as a refused call
            # ("cette conversation est effacée au bout de 7 jours"), erasing nothing and confirming nothing.
            if offer_pending(tracker):
                return answer_to_offer(dispatcher, tracker, yes=True)  # "oui effacez tout": asked again
            return offer_erasure(dispatcher, tracker)
        definition = definition_text(tracker.latest_message.get(DEFINITION_KEY))
        if definition:
            # "c'est quoi un échéancier ?" (bot/components/definition_guard.py): the glossary's definition.
            dispatcher.utter_message(text=definition)
            return []
        slot = _question_answered(tracker)
        if slot:
            # "c'est moi qui gère tout maintenant" to "Sous quelle forme ... ?", taken for "qui êtes-vous": no
            # question asked, the words are this question's answer, read as the form reads one (the form does
            # not validate after this rule's action: it only asks its next question).
            form = ValidateHandoffForm() if tracker.active_loop_name == "handoff_form" else ValidateSituationForm()
            validate = getattr(form, f"validate_{slot}")
            answered = validate(tracker.latest_message.get("text"), dispatcher, tracker, domain)
            return [SlotSet(name, value) for name, value in answered.items()]
        if key:
            dispatcher.utter_message(**_answer(key, tracker))
            if tracker.active_loop_name is None and not any(
                tracker.get_slot(name) for name in ("difficulty_categories", "case_reference", "distress")
            ):
                # "slt c gratuit ?" as the first words (round 7): answered, and then nothing asked; the artisan had
                # to guess what to write next.
                opening = FIRST_QUESTION if not already_said(tracker, FIRST_QUESTION) else NO_DIFFICULTY_YET
                if not already_said(tracker, opening):
                    dispatcher.utter_message(text=opening)
        return []


PHONE_KEY = "faq/phone_number"
# "c'est quoi le numéro des impôts ?": the number of another body, which the chamber's number does not answer.
_ANOTHER_BODY = re.compile(
    r"\b(?:impots?|fisc|sie|tresor public|finances publiques|urssaf|banques?|banque de france|tribunal|greffe|caf|"
    r"cpam|secu|securite sociale|pole emploi|france travail|huissier|commissaire de justice|notaire|comptable|"
    r"assurances?|assureur|mairie|prefecture)\b"
)


# The questions "when will I be called?" is taken for: the chamber's hours, its number.
WHEN_CALLED_KEYS = frozenset({"faq/opening_hours", PHONE_KEY})
_WHEN = re.compile(r"\b(?:quand|quelle heure|a quel moment|combien de temps|delai|bientot)\b")
_CALLED = re.compile(r"\b(?:r?appel\w*|contact\w*|joindre|telephon\w*)\b")


def _answer(key: str, tracker: Tracker) -> dict[str, Any]:
    """The stored answer, said in full once; asked again, a short one (a long answer repeated reads as a machine
    that did not listen). The number of another body is not the chamber's."""
    chamber = services.chamber()
    words = fold(tracker.latest_message.get("text") or "")
    reference = tracker.get_slot("case_reference")
    if key in WHEN_CALLED_KEYS and reference and _WHEN.search(words) and _CALLED.search(words):
        # "quand est-ce qu'il va m'appeler ?" once the callback is asked: when, for this case (round 7: the opening
        # hours alone, as if nothing had been asked).
        slots = tracker.slots
        reach = "vous rappellera" if slots.get("phone") not in (None, SKIPPED) else "vous écrira"
        return {
            "text": f"Votre demande {reference} est enregistrée : un conseiller {reach} {callback_promise(chamber, slots)}."
        }
    if key == PHONE_KEY and _ANOTHER_BODY.search(words):
        text = (
            "Je n'ai pas le numéro de cet organisme : il figure sur ses courriers et sur son site. "
            f"La {chamber.name}, elle, est joignable au {chamber.phone}."
        )
        return {"text": "Ce numéro-là, je ne l'ai pas, pardon." if already_said(tracker, text) else text}
    utter = f"utter_{key}"
    if not any((event.get("metadata") or {}).get("utter_action") == utter for event in tracker.events):
        return {"response": utter}
    short = {
        PHONE_KEY: f"C'est le {chamber.phone}.",
        "faq/opening_hours": f"La chambre répond {chamber.hours_text_for(tracker.get_slot('departement'), clock.now())}.",
    }
    return {
        "text": short.get(
            key, "Je vous ai répondu plus haut. Pour en parler avec une personne, écrivez « conseiller »."
        )
    }


# The questions a statement taken for a question about the service is read at: the intake's, and the handoff's
# yes/no questions (where it is neither a yes nor a no); a contact question would take the words as its answer.
QUESTIONS_A_STATEMENT_ANSWERS = {
    "situation_form": frozenset(SITUATION_SLOTS),
    "handoff_form": frozenset({"wants_advisor", "consent_given", "health_consent"}),
}
# The classifier's confidence above which a statement at an intake question is still a question about the
# service ("c'est confidentiel j'espère"); below it, only words that ask something get the service's answer.
FAQ_SURE = 0.9


def _question_answered(tracker: Tracker) -> str | None:
    """The form's question the latest words answer, when they were classified as a question about the service
    without asking anything, and the classifier was not sure of it."""
    slot = tracker.get_slot("requested_slot")
    questions = QUESTIONS_A_STATEMENT_ANSWERS.get(tracker.active_loop_name or "", frozenset())
    if slot not in questions:
        return None
    confidence = (tracker.latest_message.get("intent") or {}).get("confidence") or 0.0
    words = tracker.latest_message.get("text") or ""
    if not words or words.startswith("/") or confidence >= FAQ_SURE or asks_something(words):
        return None
    return slot
