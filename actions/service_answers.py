"""Questions about the service asked in the middle of a conversation, whatever the classifier read them as (round 19,
r19c-01, r19c-04, r19c-09, r19c-10, r19c-16): "vous êtes l'URSSAF oui ou non ?" (read as "why do you ask?"), "vous
pouvez appeler ma banque pour moi ?" (read as a fear of being reported), "et si je rate l'appel ?" (not understood).
A thin adapter over intake/service_questions.py: the chamber's name, number and hours come from its configuration."""

from __future__ import annotations

from rasa_sdk import Tracker

from actions import services
from intake.service_questions import (
    act_for_you_text,
    asks_about_a_missed_call,
    asks_us_to_act,
    body_asked_about,
    missed_call_text,
    not_that_body_text,
)


def service_question_text(tracker: Tracker) -> str | None:
    """The answer to the latest words when they ask whether the service is a body, ask it to call someone for the
    artisan, or ask what happens if the call is missed; None otherwise."""
    words = tracker.latest_message.get("text") or ""
    if not words or words.startswith("/"):
        return None
    chamber = services.chamber()
    body = body_asked_about(words)
    if body is not None:
        return not_that_body_text(chamber.name, body)
    whom = asks_us_to_act(words)
    if whom is not None:
        return act_for_you_text(whom)
    if asks_about_a_missed_call(words):
        return missed_call_text(chamber.name, chamber.phone, chamber.hours_text, tracker.get_slot("case_reference"))
    return None
