"""The reply to a writer outside the artisans' service (round 22, r22c-08, r22c-09, r22c-18): an apprentice or an
employee about his own situation, someone with a creation or takeover project. Said at once, kindly, with whom to ask
instead; no intake (a form under way ends), and none of his words triaged as a business's difficulty
(actions/triage_actions.py leaves them out). Shared by the out-of-scope, acknowledgement and FAQ actions."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import services
from actions.conversation import said_before, user_messages
from intake.outside import APPRENTICE, CONSUMER, PROJECT, conversation_outside, outside_text

# Said again: short, never the same long message twice.
_SAID_AGAIN = {
    APPRENTICE: "Pour votre situation d'apprenti, c'est le médiateur de l'apprentissage de la chambre qui pourra vous "
    "aider, bien mieux que moi.",
    PROJECT: "Pour votre projet, c'est le service création-reprise de la chambre qui pourra vous aider, bien mieux "
    "que moi.",
    CONSUMER: "Pour une réclamation contre un artisan, le médiateur de la consommation, un conciliateur de justice ou "
    "signal.conso.gouv.fr pourront vous aider, bien mieux que moi.",
}
_SAID_AGAIN_EMPLOYEE = "Pour votre situation de salarié, l'inspection du travail pourra vous aider bien mieux que moi."


def outside_reply(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The redirect when the latest message (read with the conversation) comes from outside the service; None
    otherwise. Nothing once a case was made (the advisor will call: the case stands)."""
    if tracker.get_slot("case_reference") or tracker.get_slot("distress"):
        return None
    kind = conversation_outside(user_messages(tracker.events))
    if kind is None:
        return None
    text = outside_text(kind, services.chamber())
    if said_before(tracker.events, text):
        text = _SAID_AGAIN.get(kind, _SAID_AGAIN_EMPLOYEE)
    dispatcher.utter_message(text=text)
    if tracker.active_loop_name == "handoff_form" and kind != CONSUMER:
        return []  # a callback under way was asked for: it goes on (a customer's complaint is no artisan's callback)
    events: list[EventType] = []
    if tracker.active_loop_name:
        events += [ActiveLoop(None), SlotSet("requested_slot", None)]
    return [*events, FollowupAction("action_listen")]


def then_the_intake(events: list[EventType], tracker: Tracker) -> list[EventType]:
    """The acknowledgement's events, then the intake form, unless the writer is outside the service (the redirect
    above listens: a second FollowupAction would replace its own)."""
    if tracker.get_slot("distress") is not True and conversation_outside(user_messages(tracker.events)) is not None:
        return events
    return [*events, FollowupAction("situation_form")]
