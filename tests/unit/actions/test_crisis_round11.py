"""Round 11 of conversations (r11a-21): after the crisis reply, someone close who says they will call the 3114 and asks
about the business got the whole crisis block again; the decision is welcomed and the question answered."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.crisis_actions import crisis_in_form_reply
from tests.support.trackers import bot, texts, tracker, user


def _at_the_callback_offer(text: str, person: str | None):
    events = [
        bot("Merci de nous alerter, vous avez bien fait d'écrire."),
        {"event": "action", "name": "action_after_safety_answer"},
        bot("Voulez-vous qu'un conseiller de la chambre vous rappelle ?"),
        user(text, "express_distress"),
    ]
    return tracker(
        events,
        slots={"distress": True, "requested_slot": "wants_advisor", "person_at_risk": person},
        active_loop="handoff_form",
    )


def test_the_line_taken_up_is_welcomed_and_the_business_question_answered():
    dispatcher = CollectingDispatcher()
    typed = "ok je vais appeler le 3114. et pour le chantier impayé il peut faire quoi ?"
    events = crisis_in_form_reply(dispatcher, _at_the_callback_offer(typed, "mon frère"))
    first, step = texts(dispatcher)
    assert first.startswith("Vous faites bien") and "votre frère" in first and "15 ou le 112" in first
    assert step.startswith("Pour votre question")
    assert {"event": "slot", "timestamp": None, "name": "wants_advisor", "value": None} in events


def test_a_new_warning_sign_with_the_line_still_takes_the_crisis_path():
    dispatcher = CollectingDispatcher()
    typed = "je vais appeler le 3114 mais tout le monde serait mieux sans moi"
    events = crisis_in_form_reply(dispatcher, _at_the_callback_offer(typed, None))
    said = " ".join(texts(dispatcher))
    assert not said.startswith("Vous faites bien")
    assert {"event": "slot", "timestamp": None, "name": "distress", "value": True} in events
