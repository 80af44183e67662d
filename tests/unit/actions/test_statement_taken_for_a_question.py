"""A statement at an intake question that the classifier took, unsure, for a question about the service ("c'est
moi qui gère tout maintenant" at the legal-form question, read as "qui êtes-vous ?") is that question's answer,
never the assistant's identity; a real question still gets the service's answer, the question then asked again.
Over real trackers and the real action."""

from __future__ import annotations

import pytest

from actions.faq_actions import FAQ_SURE, ActionAnswerFaq
from actions.intake_actions import YES_IS_NO_ANSWER
from tests.support.trackers import bot, run, slot_events, texts, tracker, user


def faq_at(slot, words, confidence, key="faq/who_are_you"):
    message = user(words, "faq")
    message["parse_data"]["intent"]["confidence"] = confidence
    message["parse_data"]["response_selector"] = {"default": {"response": {"intent_response_key": key}}}
    events = [
        user("l'urssaf me réclame 8000 euros"),
        {"event": "slot", "name": "requested_slot", "value": slot},
        bot("Sous quelle forme votre entreprise est-elle enregistrée ?"),
        message,
    ]
    current = tracker(events, slots={"requested_slot": slot}, active_loop="situation_form")
    current.latest_message["response_selector"] = message["parse_data"]["response_selector"]
    return run(ActionAnswerFaq(), current)


@pytest.mark.parametrize(
    "slot, words, stored",
    [
        # Round 14: read as the answer (no FAQ reply), but words that name no legal form are not stored as one.
        ("legal_form", "c'est moi qui gère tout maintenant", None),
        ("legal_form", "c'est ma femme qui s'occupe des papiers", None),
        ("legal_form", "c'est moi qui gère tout, en nom propre", "en nom propre"),
        ("trade", "je fais de la plomberie chez les particuliers", "plomberie"),
        ("employees", "personne à part moi", "personne à part moi"),
    ],
)
def test_an_unsure_faq_that_asks_nothing_is_the_answer(slot, words, stored):
    dispatcher, events = faq_at(slot, words, 0.82)
    assert not [m for m in dispatcher.messages if m.get("response")]  # no FAQ answer
    assert slot_events(events)[slot] == stored


def test_the_answer_is_read_as_the_form_reads_one():
    # A bare yes is still no answer at the legal-form question, whatever the classifier took it for.
    dispatcher, events = faq_at("legal_form", "si si", 0.6)
    assert slot_events(events) == {"legal_form": None}
    assert texts(dispatcher) == [YES_IS_NO_ANSWER]


@pytest.mark.parametrize(
    "words, confidence",
    [
        ("vous êtes qui", 0.82),  # asks, without a question mark
        ("qui êtes-vous", 0.6),
        ("c'est vous qui gérez mon dossier ?", 0.5),
        ("je voudrais savoir si c'est gratuit", 0.7),
        ("c'est gratuit", FAQ_SURE),  # sure enough: the service's answer
    ],
)
def test_a_question_about_the_service_still_gets_its_answer(words, confidence):
    dispatcher, events = faq_at("legal_form", words, confidence)
    assert [m.get("response") for m in dispatcher.messages] == ["utter_faq/who_are_you"]
    assert events == []


def test_at_a_contact_question_a_faq_is_answered_as_before():
    message = user("c'est moi qui gère tout maintenant", "faq")
    message["parse_data"]["intent"]["confidence"] = 0.5
    current = tracker([message], slots={"requested_slot": "contact_name"}, active_loop="handoff_form")
    current.latest_message["response_selector"] = {"default": {"response": {"intent_response_key": "faq/who_are_you"}}}
    dispatcher, _ = run(ActionAnswerFaq(), current)
    assert [m.get("response") for m in dispatcher.messages] == ["utter_faq/who_are_you"]


@pytest.mark.parametrize("question", ["wants_advisor", "consent_given"])
def test_at_a_handoff_yes_no_question_it_is_neither_a_yes_nor_a_no(question):
    message = user("c'est moi qui gère tout maintenant", "faq")
    message["parse_data"]["intent"]["confidence"] = 0.82
    selected = {"default": {"response": {"intent_response_key": "faq/who_are_you"}}}
    message["parse_data"]["response_selector"] = selected
    slots = {"requested_slot": question, "wants_advisor": True if question == "consent_given" else None}
    current = tracker(
        [bot("Voulez-vous qu'un conseiller vous rappelle ?"), message], slots=slots, active_loop="handoff_form"
    )
    current.latest_message["response_selector"] = selected
    dispatcher, events = run(ActionAnswerFaq(), current)
    assert not [m for m in dispatcher.messages if m.get("response")]  # not "Je suis l'assistant automatique"
    assert slot_events(events) == {question: None}  # the question stays, asked again by the form
    assert texts(dispatcher) == ["Je n'ai pas bien compris votre réponse, pardon."]
