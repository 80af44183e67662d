"""Round 19 (r19c-01, r19c-04, r19c-09, r19c-10, r19c-12, r19c-16, r19c-02): questions about the service and
leave-takings in the middle of a conversation, over real trackers, whatever the classifier read them as."""

from __future__ import annotations

import pytest

from actions.ask_actions import ActionOutOfScope
from actions.faq_actions import ActionAnswerFaq
from actions.intake_actions import (
    ActionAnswerOutsideQuestion,
    ActionExplainQuestion,
    ActionHandleMisunderstanding,
)
from tests.support.trackers import bot, run, texts, tracker, user

FIRST = "je suis plombier à Fort-de-France, un client me doit 9 000 € et l'URSSAF me relance pour 3 100 €"
SLOTS = {"difficulty_categories": ["impayes_clients", "cotisations_sociales"], "trade": "plombier"}


def _at_the_offer(words: str, intent: str, *, selected: str | None = None):
    message = user(words, intent)
    if selected:
        message["parse_data"]["response_selector"] = {"default": {"response": {"intent_response_key": selected}}}
    events = [user(FIRST), bot("Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"), message]
    return tracker(events, {**SLOTS, "requested_slot": "wants_advisor"}, active_loop="handoff_form")


@pytest.mark.parametrize(
    "words, intent, selected, named",
    [
        ("mais enfin vous êtes la CGSS, oui ou non ?", "ask_why_question", None, "la CGSS"),
        ("vous bossez pour l'urssaf vous ?", "ask_why_question", None, "l'URSSAF"),
        ("vous êtes les impôts ou la chambre ?", "faq", "faq/who_are_you", "les impôts"),
    ],
)
def test_a_body_asked_about_gets_a_plain_no(words, intent, selected, named):
    action = ActionExplainQuestion() if intent == "ask_why_question" else ActionAnswerFaq()
    dispatcher, _events = run(action, _at_the_offer(words, intent, selected=selected))
    said = " ".join(texts(dispatcher))
    assert said.startswith("Non, ici c'est la ") and f"pas {named}" in said
    assert "ce que je ne peux pas" not in said and "assistant automatique" not in said


def test_a_request_to_call_the_bank_is_answered_as_a_request():
    dispatcher, _ = run(
        ActionAnswerFaq(),
        _at_the_offer("vous pourriez joindre mon banquier pour moi ?", "faq", selected="faq/other_bodies"),
    )
    said = " ".join(texts(dispatcher))
    assert "votre banquier" in said and "ni la police" not in said


def test_a_fear_of_being_reported_keeps_its_answer():
    dispatcher, _ = run(
        ActionAnswerFaq(), _at_the_offer("vous allez prévenir les impôts ?", "faq", selected="faq/confidential")
    )
    said = " ".join(texts(dispatcher))
    # Round 23: the body asked about is named in the answer ("la chambre ne prévient pas les impôts").
    assert "ne prévient pas les impôts" in said or "ni la police" in said or "confidentiel" in said


def test_a_missed_call_after_the_case_is_answered_with_the_reference():
    events = [
        user(FIRST),
        bot("C'est noté, votre référence est RL-TEST01."),
        user("et si je loupe son coup de fil ?", "nlu_fallback"),
    ]
    dispatcher, _ = run(ActionHandleMisunderstanding(), tracker(events, {**SLOTS, "case_reference": "RL-TEST01"}))
    said = " ".join(texts(dispatcher))
    assert "RL-TEST01" in said and "pas bien compris" not in said


@pytest.mark.parametrize("words", ["mèsi, mwen ka ay", "bon faut que je file, merci hein"])
def test_a_farewell_not_understood_is_a_farewell(words):
    events = [user(FIRST), bot("C'est noté, votre référence est RL-TEST02."), user(words, "nlu_fallback")]
    dispatcher, _ = run(ActionHandleMisunderstanding(), tracker(events, {**SLOTS, "case_reference": "RL-TEST02"}))
    said = " ".join(texts(dispatcher))
    assert "pas bien compris" not in said and ("Prenez soin de vous" in said or "Au revoir" in said)


def test_a_thanks_and_a_farewell_read_as_a_yes_is_a_farewell():
    words = "d'accord merci, je vais d'abord relancer le client, bonne soirée"
    events = [user(FIRST), bot("C'est noté, votre référence est RL-TEST03."), user(words, "affirm")]
    dispatcher, _ = run(ActionAnswerOutsideQuestion(), tracker(events, {**SLOTS, "case_reference": "RL-TEST03"}))
    said = " ".join(texts(dispatcher))
    assert "dites-moi ce qui vous amène" not in said and "Prenez soin de vous" in said


def test_a_plain_yes_outside_a_question_is_unchanged():
    events = [user(FIRST), bot("C'est noté, votre référence est RL-TEST04."), user("oui", "affirm")]
    dispatcher, _ = run(ActionAnswerOutsideQuestion(), tracker(events, {**SLOTS, "case_reference": "RL-TEST04"}))
    assert "Prenez soin de vous" not in " ".join(texts(dispatcher))


def test_where_we_were_says_back_what_was_understood():
    dispatcher, _ = run(ActionOutOfScope(), _at_the_offer("pardon, où on en était ?", "out_of_scope"))
    said = " ".join(texts(dispatcher))
    assert "Si je comprends bien" in said and "Je ne peux pas vous aider sur ce sujet" not in said


def test_a_question_out_of_scope_keeps_its_answer():
    dispatcher, _ = run(ActionOutOfScope(), _at_the_offer("vous connaissez un bon garagiste ?", "out_of_scope"))
    assert "Je ne peux pas vous aider sur ce sujet" in " ".join(texts(dispatcher))


@pytest.mark.parametrize(
    "words", ["ok je vois avec ma femme et je vous redis", "désolé y a un livreur, faut que je file"]
)
def test_leaving_at_an_intake_question_is_no_time_to_think(words):
    from actions.intake_actions import ActionStopConversation

    events = [user(FIRST), bot("Avez-vous une échéance proche ?"), user(words, "goodbye")]
    at_question = tracker(events, {**SLOTS, "requested_slot": "deadline"}, active_loop="situation_form")
    dispatcher, _ = run(ActionStopConversation(), at_question)
    assert "Prenez votre temps" not in " ".join(texts(dispatcher))
