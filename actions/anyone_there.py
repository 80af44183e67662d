"""Whether anyone is there, asked at the offer or the consent question (round 29, talker b: r29-b-08, r29-b-23,
r29-b-43). The readings are intake.anyone_there's; the hours the chamber's configuration (chamber/)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import services
from actions.conversation import user_messages
from chamber.emergency import EMERGENCY_NUMBERS
from intake.anyone_there import asks_if_anyone_is_there, calls_left_unanswered, opens_with_a_yes, says_it_is_urgent

CALLS_UNANSWERED = "Je suis désolé que vos appels soient restés sans réponse."
URGENT_HEARD = (
    f"Je comprends que c'est urgent. En cas de danger immédiat, appelez le {EMERGENCY_NUMBERS[0]} ou le "
    f"{EMERGENCY_NUMBERS[1]}."
)
BACK_THEN = "Un conseiller peut vous rappeler dès leur retour."


def when_advisors_are_there(tracker: Tracker, words: str | None) -> str:
    """Nobody now and when they are back, while the chamber is closed; the hours they call, while it is open. Said
    first: sorry for calls left unanswered, or the urgency heard."""
    from ops import clock

    chamber = services.chamber()
    departement = tracker.get_slot("departement")
    closed = chamber.closed_now_text(clock.now(), departement)
    if says_it_is_urgent(words):
        first = URGENT_HEARD
    elif calls_left_unanswered(user_messages(tracker.events)):
        first = CALLS_UNANSWERED
    else:
        first = ""
    if closed:
        said = f"{closed} {BACK_THEN}" if not first.startswith("Je comprends") else closed
    else:
        said = f"Les conseillers appellent {chamber.hours_text_for(departement, clock.now(), calls=True)}."
    return f"{first} {said}".strip()


def anyone_there_at(slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any] | None:
    """ "ya quelqu'un maintenant ou pas", "OUI MAIS QUAND ???", "c urgent" at the question of ``slot`` (the offer or the
    consent): when advisors are there said, never a refusal nor the chamber's number; a yes said before the question
    to the offer is kept. None when the words ask nothing of the kind or another question waits."""
    words = tracker.latest_message.get("text")
    if tracker.get_slot("requested_slot") != slot or not asks_if_anyone_is_there(words):
        return None
    dispatcher.utter_message(text=when_advisors_are_there(tracker, words))
    if slot == "wants_advisor" and opens_with_a_yes(words):
        return {"wants_advisor": True}
    return {slot: None}
