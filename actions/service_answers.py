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


WHERE_WE_WERE_INTRO = "Nous en étions là :"
WHERE_NOTHING_PENDING = "J'ai gardé ce que vous m'avez dit. Vous pouvez continuer avec vos mots, ou écrire « conseiller » pour être rappelé."


def where_we_were(tracker: Tracker) -> str | None:
    """ "on en était où ?", "vous pouvez me redire ce que vous avez noté ?": what was understood and noted, said back
    (the pending question comes after it, asked by its form); None when the words ask neither."""
    from actions.conversation import user_messages
    from actions.handoff import business_person_concerned
    from actions.intake_actions import _assessment, restated
    from intake.facts import understood
    from intake.service_questions import asks_where_we_were

    words = tracker.latest_message.get("text") or ""
    if not asks_where_we_were(words):
        return None
    concerned = business_person_concerned(user_messages(tracker.events))
    restatement = restated(_assessment(tracker), False, concerned)
    facts = {name: tracker.get_slot(name) for name in ("trade", "since_when", "deadline", "creditors", "departement")}
    noted = understood({name: value for name, value in facts.items() if isinstance(value, str) and value})
    noted = noted.removesuffix(" Dites-moi si je me trompe.") if noted else None
    parts = [part for part in (restatement, noted) if part]
    if not parts:
        return WHERE_NOTHING_PENDING if not tracker.active_loop_name else "Nous commencions tout juste."
    if not tracker.active_loop_name:
        parts.append(WHERE_NOTHING_PENDING.split(". ", 1)[1])
    return " ".join(parts)
