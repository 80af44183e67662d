"""The artisan asks to erase what they wrote ("effacez mes données", "supprimez tout"), in the intake, the
handoff or outside any question: asked to confirm once, then done for this conversation.

- ``action_answer_faq`` (actions/faq_actions.py) answers a request to erase with the offer (``offer_erasure``:
  ``ERASE_OFFER``, yes/no buttons), and a question pending in a form waits.
- The confirmation (a yes, or the request said again, right after the offer) runs
  ``action_erase_conversation``: a callback request is withdrawn and its case erased at once (cases.outbox
  withdraw, audited as the artisan's act), and the conversation restarts. The tracker store
  (bot/tracker_store.py) deletes every event stored before that restart in the same save: nothing the
  artisan wrote stays on the server. A no leaves everything as it was, and the pending question comes back.

What the widget's own button does (it empties this device) is said too: the two are different things.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, Restarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import services
from actions.handoff import consented

ERASE_ACTION = "action_erase_conversation"  # its name marks the restart the tracker store erases before
ERASE_REQUEST_KEY = "faq/delete_data"
# The slot that remembers the offer: the form it interrupted ("aucune" when none), resumed after a no.
OFFERED_SLOT = "erasure_offered"
NO_LOOP = "aucune"
ERASED_SLOT = "conversation_erased"

ERASE_OFFER = "Voulez-vous que j'efface tout ce que vous m'avez écrit dans cette conversation ? Rien n'a été transmis à la chambre."
ERASE_OFFER_WITH_CASE = (
    "Voulez-vous que j'annule votre demande de rappel et que j'efface tout ce que vous m'avez écrit ici ? "
    "Le conseiller ne verra plus rien."
)
ERASE_BUTTONS = [{"title": "Oui, tout effacer", "payload": "/affirm"}, {"title": "Non", "payload": "/deny"}]
ERASED = (
    "C'est fait : j'ai effacé cette conversation de nos serveurs. Le bouton « Effacer la conversation » "
    "la retire aussi de cet écran. Vous pouvez repartir de zéro quand vous voulez."
)
ERASED_WITH_CASE = (
    "C'est fait : j'ai annulé votre demande de rappel et effacé cette conversation de nos serveurs. "
    "Le bouton « Effacer la conversation » la retire aussi de cet écran."
)
KEPT = "D'accord, je n'efface rien."


ERASE_HINT = "Pour tout effacer maintenant, écrivez « effacez mes données »."


def retention_text(
    chamber: Any, conversation_days: int, *, case: bool, handoff: bool, how_to_erase: bool = False
) -> str:
    """How long what the artisan said is kept, with the figures the consent question gives (actions/handoff.py
    consent_text: the chamber's ``retention_days`` after the follow-up ends, ``max_case_age_days`` at the latest) and the
    conversation's own (RELAIS_TRACKER_RETENTION_DAYS). Round 9, r9a-20/21: asked at the consent question, it got the
    offer to erase, or the conversation's 7 days alone when the case's figures were the answer. ``how_to_erase``: the
    question also asked how to erase ("... et je peux les faire supprimer ?"): what to write for the offer."""
    kept = (
        f"vos données sont effacées {chamber.retention_days} jours après la fin de votre suivi, et au plus tard "
        f"{chamber.max_case_age_days} jours après votre demande"
    )
    if case:
        return f"{kept[0].upper()}{kept[1:]}. Pour les effacer avant, écrivez « annulez ma demande »."
    hint = f" {ERASE_HINT}" if how_to_erase else ""
    if handoff:
        return f"Si vous acceptez, {kept}. Sinon, cette conversation est effacée au bout de {conversation_days} jours.{hint}"
    return (
        f"Cette conversation est effacée de nos serveurs au bout de {conversation_days} jours. Si un conseiller vous "
        f"rappelle, {kept}.{hint}"
    )


def _has_case(tracker: Tracker) -> bool:
    return bool(tracker.get_slot("case_reference")) or consented(tracker.slots)


def erasure_requested(tracker: Tracker) -> bool:
    """Whether the latest message asks to erase the conversation ("effacez mes données"): the offer answers it,
    wherever it comes (the handoff's validation leaves it alone rather than read it as a refused call)."""
    latest = tracker.latest_message or {}
    if (latest.get("intent") or {}).get("name") != "faq":
        return False
    selected = ((latest.get("response_selector") or {}).get("default") or {}).get("response") or {}
    return selected.get("intent_response_key") == ERASE_REQUEST_KEY


def offer_pending(tracker: Tracker) -> bool:
    """Whether the bot's last words before the artisan's latest message were the offer to erase."""
    events = list(tracker.events)
    last_user = max((i for i, event in enumerate(events) if event.get("event") == "user"), default=-1)
    for event in reversed(events[: max(last_user, 0)]):
        if event.get("event") == "bot":
            return event.get("text") in (ERASE_OFFER, ERASE_OFFER_WITH_CASE)
        if event.get("event") == "user":
            return False
    return False


def offer_erasure(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """The offer, with yes/no buttons; a form's question waits (the form is resumed after a no)."""
    text = ERASE_OFFER_WITH_CASE if _has_case(tracker) else ERASE_OFFER
    dispatcher.utter_message(text=text, buttons=ERASE_BUTTONS)
    loop = tracker.active_loop_name
    events: list[EventType] = [SlotSet(OFFERED_SLOT, loop or NO_LOOP)]
    if loop:
        events += [ActiveLoop(None), SlotSet("requested_slot", None)]
    # The rule that brought us here would go back to the form: the yes or no comes first.
    return [*events, FollowupAction("action_listen")]


def answer_to_offer(dispatcher: CollectingDispatcher, tracker: Tracker, yes: bool) -> list[EventType]:
    """A yes erases; a no keeps everything and takes up the interrupted question again."""
    if yes:
        return [FollowupAction(ERASE_ACTION)]
    dispatcher.utter_message(text=KEPT)
    loop = tracker.get_slot(OFFERED_SLOT)
    events: list[EventType] = [SlotSet(OFFERED_SLOT, None)]
    if loop and loop != NO_LOOP:
        events.append(FollowupAction(loop))
    return events


class ActionEraseConversation(Action):
    """Confirmed: the callback request withdrawn (its case erased at once), the conversation restarted; the
    tracker store deletes what was stored before the restart. The chamber's words are set again for the
    responses that use them."""

    def name(self) -> str:
        return ERASE_ACTION

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        had_case = _has_case(tracker)
        if had_case:
            services.case_outbox().withdraw(tracker.sender_id)
        dispatcher.utter_message(text=ERASED_WITH_CASE if had_case else ERASED)
        chamber = services.chamber()
        return [
            Restarted(),
            SlotSet("chamber_name", chamber.name),
            SlotSet("chamber_phone", chamber.phone),
            SlotSet("chamber_hours", chamber.hours_text),
            SlotSet("chamber_email", chamber.email),
            SlotSet("conversation_retention_days", str(services.tracker_retention_days())),
            # The session that starts after the restart: "C'est fait" was just said, no "Bonjour" follows it.
            SlotSet(ERASED_SLOT, True),
        ]
