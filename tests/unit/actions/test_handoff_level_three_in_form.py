"""Round 9: exhaustion said with an answer to a handoff question gets the kind word and the direct question, after the
case is saved (a consented handoff always becomes a case). Real trackers, the real form validation, a real SQLite
case store."""

from __future__ import annotations

import pytest

from actions.handoff_actions import ValidateHandoffForm
from guidance.crisis import SUICIDE_QUESTION
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user


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


@pytest.mark.parametrize(
    "question, expected",
    [
        ("je peux avoir un délai urssaf ou pas ?", "délai pour payer vos cotisations"),
        ("je peux payer la TVA en plusieurs fois ?", "plan de règlement"),
        ("est-ce que l'huissier peut prendre ma camionnette ?", "commissaire de justice"),
        ("c'est gratuit ?", None),
        ("vous êtes qui ?", None),
    ],
)
def test_a_business_question_after_the_crisis_part_gets_a_sourced_step(question, expected):
    """Rounds 9 and 10 (r9b-04, r9b-24, r10b): after the crisis numbers, "je peux avoir un délai urssaf ou pas ?" at the
    callback offer got "je ne sais pas répondre"; guidance had waited behind the crisis reply."""
    from actions.business_questions import answer_to_business_question

    current = tracker(
        [bot("Voulez-vous qu'un conseiller de la chambre vous rappelle ?"), user(question)],
        slots={"distress": True, "urgency": "critique", "requested_slot": "wants_advisor"},
        active_loop="handoff_form",
    )
    answer = answer_to_business_question(current, question)
    if expected is None:
        assert answer is None
    else:
        assert answer is not None and answer.startswith("Pour votre question : ") and expected in answer


def test_a_business_question_after_the_crisis_part_outside_a_form_gets_a_sourced_step():
    """make run (2026-12-04, 20:05): after the safety answer, "je peux avoir un délai urssaf ou pas ?", read as not
    understood, got "Pardon, je ne suis qu'un assistant automatique et je n'ai pas bien compris"."""
    from actions.intake_actions import ActionHandleMisunderstanding

    question = "je peux avoir un délai urssaf ou pas ?"
    current = tracker(
        [bot("Êtes-vous en sécurité en ce moment ?"), user("oui"), bot("Je reste là."), user(question, "nlu_fallback")],
        slots={"distress": True, "urgency": "critique", "safe_now": "safe"},
    )
    dispatcher, events = run(ActionHandleMisunderstanding(), current)
    [said] = texts(dispatcher)
    assert said.startswith("Pour votre question : ") and "délai pour payer vos cotisations" in said
    assert events == []
