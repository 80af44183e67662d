""" "effacez mes données", "supprimez tout" outside the handoff: asked to confirm once, then done for this
conversation (the callback request withdrawn and its case erased, the conversation restarted so that the
tracker store deletes what came before); a no keeps everything and the pending question comes back. Over real
trackers (Tracker.from_dict) and a real case database."""

from __future__ import annotations

import pytest

from actions import services
from actions.erasure_actions import (
    ERASE_ACTION,
    ERASE_OFFER,
    ERASE_OFFER_WITH_CASE,
    ERASED,
    ERASED_WITH_CASE,
    KEPT,
    ActionEraseConversation,
)
from actions.faq_actions import ActionAnswerFaq
from actions.handoff_actions import ValidateHandoffForm
from actions.intake_actions import ActionAnswerOutsideQuestion
from bot import tracker_store
from tests.support.action_services import stored_cases
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SENDER = "erasure-1"


def faq(words, key):
    message = user(words, "faq")
    message["parse_data"]["response_selector"] = {"default": {"response": {"intent_response_key": key}}}
    return message


def followup(events):
    return next((e["name"] for e in events if e.get("event") == "followup"), None)


def at(events, slots=None, loop=None):
    current = tracker(events, slots=slots, active_loop=loop, sender_id=SENDER)
    current.latest_message["response_selector"] = (events[-1].get("parse_data") or {}).get("response_selector")
    return current


HISTORY = [user("l'urssaf me réclame 8000 euros"), bot("Avez-vous une échéance proche ?")]


def test_the_erasing_action_is_the_one_the_tracker_store_erases_before():
    assert ERASE_ACTION == tracker_store.ERASE_ACTION


def test_other_questions_about_the_service_get_their_answer_as_before():
    told = {"difficulty_categories": ["cotisations_sociales"]}  # as the history's first message set it
    dispatcher, events = run(ActionAnswerFaq(), at([*HISTORY, faq("c'est gratuit ?", "faq/is_free")], told))
    assert [m.get("response") for m in dispatcher.messages] == ["utter_faq/is_free"]
    assert events == []


@pytest.mark.parametrize("words", ["effacez mes données", "supprimez tout"])
def test_a_request_to_erase_is_offered_with_a_confirmation_and_the_question_waits(words):
    current = at([*HISTORY, faq(words, "faq/delete_data")], {"requested_slot": "deadline"}, "situation_form")
    dispatcher, events = run(ActionAnswerFaq(), current)
    assert texts(dispatcher) == [ERASE_OFFER]
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == ["/affirm", "/deny"]
    assert slot_events(events)["erasure_offered"] == "situation_form"
    assert any(e["event"] == "active_loop" and e["name"] is None for e in events)
    assert followup(events) == "action_listen"  # the yes or no first, not the form's question


@pytest.mark.parametrize(
    "slots, offer",
    [
        ({"requested_slot": "consent_given", "wants_advisor": True}, ERASE_OFFER),  # nothing given yet
        ({**consented(), "requested_slot": "email", "case_reference": "RL-ABC123"}, ERASE_OFFER_WITH_CASE),
    ],
)
def test_in_the_handoff_the_request_is_offered_with_a_confirmation_too(slots, offer):
    # It was read as a refused call ("cette conversation est effacée au bout de 7 jours"): nothing erased.
    current = at([*HISTORY, faq("effacez mes données", "faq/delete_data")], slots, "handoff_form")
    dispatcher, events = run(ActionAnswerFaq(), current)
    assert texts(dispatcher) == [offer]
    assert slot_events(events)["erasure_offered"] == "handoff_form"
    assert followup(events) == "action_listen"
    # A no takes the handoff's question up again, nothing erased.
    answered = [*HISTORY, faq("effacez mes données", "faq/delete_data"), bot(offer), user("non", "deny")]
    dispatcher, events = run(ActionAnswerOutsideQuestion(), at(answered, {**slots, "erasure_offered": "handoff_form"}))
    assert texts(dispatcher) == [KEPT] and followup(events) == "handoff_form"


OFFERED = [*HISTORY, faq("effacez mes données", "faq/delete_data"), bot(ERASE_OFFER)]


@pytest.mark.parametrize(
    "action, answer",
    [
        (ActionAnswerOutsideQuestion(), user("oui", "affirm")),
        (ActionAnswerFaq(), faq("oui effacez tout", "faq/delete_data")),
    ],
)
def test_a_yes_right_after_the_offer_erases(action, answer):
    _dispatcher, events = run(action, at([*OFFERED, answer], {"erasure_offered": "situation_form"}))
    assert followup(events) == ERASE_ACTION


def test_a_no_keeps_everything_and_takes_the_question_up_again():
    dispatcher, events = run(
        ActionAnswerOutsideQuestion(), at([*OFFERED, user("non", "deny")], {"erasure_offered": "situation_form"})
    )
    assert texts(dispatcher) == [KEPT]
    assert followup(events) == "situation_form"


def test_a_yes_later_in_the_conversation_erases_nothing():
    later = [*OFFERED, user("non", "deny"), bot(KEPT), bot("Avez-vous une échéance proche ?"), user("oui", "affirm")]
    _dispatcher, events = run(ActionAnswerOutsideQuestion(), at(later, {"erasure_offered": None}))
    assert followup(events) != ERASE_ACTION


def test_the_erasure_restarts_the_conversation_and_keeps_the_chambers_words():
    dispatcher, events = run(ActionEraseConversation(), at([*OFFERED, user("oui", "affirm")]))
    assert texts(dispatcher) == [ERASED]
    assert events[0]["event"] == "restart"
    assert slot_events(events)["chamber_phone"] == services.chamber().phone


def test_with_a_callback_request_the_case_is_withdrawn_and_erased():
    consent = consented()
    asking = tracker(
        [
            *HISTORY,
            bot("À quel numéro ?"),
            user("06 12 34 56 78", "inform"),
            {"event": "slot", "name": "phone", "value": "06 12 34 56 78"},
        ],
        slots={**consent, "phone": "06 12 34 56 78", "requested_slot": "phone"},
        active_loop="handoff_form",
        sender_id=SENDER,
    )
    _d, saved = run(ValidateHandoffForm(), asking)
    reference = slot_events(saved)["case_reference"]
    slots = {**consent, "phone": "+33612345678", "case_reference": reference}

    dispatcher, _events = run(ActionAnswerFaq(), at([*HISTORY, faq("supprimez tout", "faq/delete_data")], slots))
    assert texts(dispatcher) == [ERASE_OFFER_WITH_CASE]
    dispatcher, _ = run(
        ActionEraseConversation(), at([*HISTORY, bot(ERASE_OFFER_WITH_CASE), user("oui", "affirm")], slots)
    )
    assert texts(dispatcher) == [ERASED_WITH_CASE]
    case = stored_cases()[0]
    assert case.erased_at is not None and case.contact_name is None and case.transcript == []


def test_the_session_after_an_erasure_starts_without_a_second_welcome():
    from actions.erasure_actions import ERASED_SLOT
    from actions.session_actions import ActionSessionStart

    _dispatcher, events = run(ActionEraseConversation(), at([*OFFERED, user("oui", "affirm")]))
    restarted = slot_events(events)
    assert restarted[ERASED_SLOT] is True
    # The session that starts next, on the slots the restart left: "C'est fait" was the last word, no "Bonjour".
    dispatcher, events = run(ActionSessionStart(), tracker(slots=restarted, sender_id=SENDER))
    assert texts(dispatcher) == []
    assert slot_events(events)[ERASED_SLOT] is None
    # A session that starts later (the next day) welcomes again.
    dispatcher, _events = run(ActionSessionStart(), tracker(slots=slot_events(events), sender_id=SENDER))
    assert texts(dispatcher)[0].startswith("Bonjour")
