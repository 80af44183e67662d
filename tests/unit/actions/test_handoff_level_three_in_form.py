"""Round 9: exhaustion said with an answer to a handoff question gets the kind word and the direct question, after the
case is saved (a consented handoff always becomes a case). Real trackers, the real form validation, a real SQLite
case store."""

from __future__ import annotations

from pathlib import Path

import yaml

from actions.handoff_actions import ValidateHandoffForm
from guidance.crisis import SUICIDE_QUESTION
from tests.support.action_services import stored_cases
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

DOMAIN = {"forms": yaml.safe_load(Path("bot/domain/handoff.yml").read_text(encoding="utf-8"))["forms"]}


def test_exhaustion_said_with_the_phone_number_saves_the_case_then_asks_the_direct_question():
    words = "06 51 23 45 67, mais franchement je suis épuisé, je dors plus"
    events = [
        user("la banque a coupé mon découvert"),
        bot("À quel numéro de téléphone peut-il vous joindre ?"),
        user(words, "inform"),
        {"event": "slot", "name": "distress_level", "value": 3},
        {"event": "slot", "name": "phone", "value": "06 51 23 45 67"},
    ]
    slots = {**consented(), "phone": "06 51 23 45 67", "requested_slot": "phone", "distress_level": 3}
    current = tracker(events, slots=slots, active_loop="handoff_form", sender_id="level-three-phone")
    dispatcher, result = run(ValidateHandoffForm(), current, DOMAIN)
    assert stored_cases() and stored_cases()[0].phone == "+33651234567"
    assert slot_events(result).get("case_reference")
    assert {"event": "followup", "name": "direct_question_form"} in [
        {"event": e.get("event"), "name": e.get("name")} for e in result
    ]
    assert slot_events(result)["paused_form"] == "handoff_form"
    assert SUICIDE_QUESTION not in texts(dispatcher)  # asked by the direct question form, once


def test_words_with_a_warning_sign_are_never_the_time_of_the_call():
    """Round 10 (r10b-03): "... je me demande si ça vaut encore la peine de se lever le matin" was stored as the time
    of the call, and the summary never said the distress."""
    words = "franchement je me demande si ça vaut encore la peine de se lever le matin"
    events = [
        bot("À quel moment préférez-vous qu'un conseiller vous appelle ?"),
        user(words, "inform"),
        {"event": "slot", "name": "callback_slot", "value": words},
    ]
    slots = {**consented(phone="+33651234567"), "callback_slot": words, "requested_slot": "callback_slot"}
    current = tracker(events, slots=slots, active_loop="handoff_form", sender_id="sign-not-a-moment")
    validated = ValidateHandoffForm().validate_callback_slot(words, *_form_call(current))
    assert validated == {"callback_slot": None}


def _form_call(current):
    from rasa_sdk.executor import CollectingDispatcher

    return CollectingDispatcher(), current, DOMAIN
