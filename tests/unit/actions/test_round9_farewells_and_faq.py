"""Round 9 (r9a A2, C; r9b-07): a question about how long the data is kept, asked at the consent question, is
answered with the case's retention and never offered an erasure (the "ok oui" after the offer erased a callback
request); indirect farewells at a pending question end the conversation instead of asking again; questions beside
the stored answers (the call's length, the number it comes from, two terms compared) get an answer of their own.
Over real trackers (Tracker.from_dict)."""

from __future__ import annotations

import pytest

from actions import services
from actions.erasure_actions import ERASE_OFFER, ERASE_OFFER_WITH_CASE
from actions.faq_actions import CALL_LENGTH, ActionAnswerFaq
from actions.intake_actions import ActionStopConversation, ActionThanksDuringIntake
from guidance.glossary import DEFINITION_KEY
from intake.answers import TAKE_YOUR_TIME
from tests.support.trackers import bot, consented, run, texts, tracker, user

CONSENT_ASKED = "Pour qu'un conseiller vous rappelle, je dois garder votre prénom ... Êtes-vous d'accord ?"
HISTORY = [user("le commissaire de justice a saisi mon compte"), bot("Voulez-vous qu'un conseiller vous rappelle ?")]


def faq(words, key, **parse):
    message = user(words, "faq")
    message["parse_data"]["response_selector"] = {"default": {"response": {"intent_response_key": key}}}
    message["parse_data"].update(parse)
    return message


def at(events, slots=None, loop=None):
    current = tracker(events, slots=slots, active_loop=loop)
    parse = events[-1].get("parse_data") or {}
    current.latest_message["response_selector"] = parse.get("response_selector")
    if DEFINITION_KEY in parse:
        current.latest_message[DEFINITION_KEY] = parse[DEFINITION_KEY]
    return current


def said(dispatcher):
    return " ".join(texts(dispatcher) + [m.get("response") or "" for m in dispatcher.messages])


AT_CONSENT = {"wants_advisor": True, "requested_slot": "consent_given"}


@pytest.mark.parametrize(
    "words, key",
    [
        ("vous gardez mes infos combien de temps ?", "faq/delete_data"),  # r9a-20: got the offer to erase
        ("combien de temps vous gardez mes données ?", "faq/who_reads"),  # r9a-21: got the conversation's 7 days
        ("mes données restent jusqu'à quand chez vous ?", "faq/confidential"),
    ],
)
def test_how_long_data_is_kept_at_the_consent_question_gets_the_cases_retention_and_no_offer(words, key):
    chamber = services.chamber()
    current = at([*HISTORY, bot(CONSENT_ASKED), faq(words, key)], AT_CONSENT, "handoff_form")
    dispatcher, events = run(ActionAnswerFaq(), current)
    reply = said(dispatcher)
    assert ERASE_OFFER not in reply and ERASE_OFFER_WITH_CASE not in reply
    assert f"{chamber.retention_days} jours après la fin de votre suivi" in reply
    assert f"{chamber.max_case_age_days} jours après votre demande" in reply
    assert not any(e.get("event") in ("followup", "active_loop") for e in events)  # the form asks again


def test_once_the_case_exists_the_retention_is_the_cases():
    chamber = services.chamber()
    slots = consented(case_reference="RL-ABC123", phone="+33612345678")
    dispatcher, _ = run(
        ActionAnswerFaq(), at([*HISTORY, faq("vous gardez mes infos combien de temps ?", "faq/delete_data")], slots)
    )
    reply = said(dispatcher)
    assert reply.startswith(f"Vos données sont effacées {chamber.retention_days} jours")
    assert "annulez ma demande" in reply


def test_without_a_callback_the_conversations_retention_comes_first():
    dispatcher, _ = run(
        ActionAnswerFaq(), at([*HISTORY, faq("vous gardez mes infos combien de temps ?", "faq/delete_data")])
    )
    assert said(dispatcher).startswith(
        f"Cette conversation est effacée de nos serveurs au bout de {services.tracker_retention_days()} jours."
    )


def test_words_that_ask_to_erase_still_get_the_offer():
    current = at(
        [*HISTORY, bot(CONSENT_ASKED), faq("effacez mes données", "faq/delete_data")], AT_CONSENT, "handoff_form"
    )
    dispatcher, _ = run(ActionAnswerFaq(), current)
    assert texts(dispatcher) == [ERASE_OFFER]


# Round 9: indirect farewells at an intake question were taken for a pause ("Prenez votre temps. Je vous repose la
# question") or answered "Je vous en prie" with the question again.
DEADLINE = "Avez-vous une date limite proche ? Si oui, laquelle ?"


@pytest.mark.parametrize(
    "words",
    [
        "bon je vais réfléchir à tout ça, je dois aller chercher les petits à l'école",
        "je repasserai plus tard, là j'ai une cliente",
        "JE VAIS VOIR, JE VOUS REMERCIE",
    ],
)
def test_an_indirect_farewell_at_an_intake_question_ends_the_conversation(words):
    current = tracker(
        [*HISTORY, bot(DEADLINE), user(words, "goodbye")], {"requested_slot": "deadline"}, "situation_form"
    )
    dispatcher, _events = run(ActionStopConversation(), current)
    reply = said(dispatcher)
    assert TAKE_YOUR_TIME not in reply and DEADLINE not in reply
    assert "Prenez soin de vous" in reply


@pytest.mark.parametrize(
    "words",
    [
        "merci beaucoup, je ne vous embête pas plus",
        "Je vous remercie infiniment Madame, je ne vais pas abuser de votre temps",
        "merci, je vais aller m'allonger un peu",
    ],
)
def test_a_thanks_that_takes_leave_indirectly_ends_the_intake(words):
    current = tracker([*HISTORY, bot(DEADLINE), user(words, "thank")], {"requested_slot": "deadline"}, "situation_form")
    dispatcher, events = run(ActionThanksDuringIntake(), current)
    assert "Prenez soin de vous" in said(dispatcher)
    assert not any(e.get("event") == "followup" for e in events)  # never the question again


def test_a_real_hesitation_still_waits_for_the_answer():
    current = tracker(
        [*HISTORY, bot(DEADLINE), user("attendez je réfléchis", "goodbye")],
        {"requested_slot": "deadline"},
        "situation_form",
    )
    dispatcher, _ = run(ActionStopConversation(), current)
    assert texts(dispatcher) == [TAKE_YOUR_TIME]


# Questions beside the stored answers (r9a-12, r9a-20).
SLOT_ASKED = "À quel moment préférez-vous qu'un conseiller vous appelle ?"


def test_the_calls_length_is_not_answered_with_its_price():
    current = at([*HISTORY, bot(SLOT_ASKED), faq("ça dépend, ça dure combien de temps l'appel ?", "faq/is_free")])
    dispatcher, _ = run(ActionAnswerFaq(), current)
    assert texts(dispatcher) == [CALL_LENGTH]


def test_the_number_the_advisor_calls_from_is_not_the_chambers_number_to_call():
    words = "il appellera avec quel numéro ? je ne réponds pas aux numéros masqués"
    dispatcher, _ = run(ActionAnswerFaq(), at([*HISTORY, faq(words, "faq/phone_number")]))
    reply = said(dispatcher)
    assert reply.startswith("Je ne sais pas de quel numéro le conseiller vous appellera.")
    assert services.chamber().phone in reply and "utter_faq/phone_number" not in reply


def test_two_terms_compared_get_both_definitions():
    words = "c'est quoi la différence entre redressement et liquidation ?"
    dispatcher, _ = run(
        ActionAnswerFaq(), at([*HISTORY, faq(words, "faq/what_can_you_do", **{DEFINITION_KEY: "redressement"})])
    )
    [reply] = texts(dispatcher)
    assert reply.startswith("Le redressement judiciaire est") and "La liquidation judiciaire est" in reply
    assert reply.count(". ") + 1 <= 3  # three sentences at most
