"""Round 20 (c M1-M3, M8, M9; b 8, 9, 11; a M3): questions asked in the middle of the conversation get an answer, over
real trackers, whatever the classifier read them as; questions about the service get the service's answer."""

from __future__ import annotations

from datetime import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.ask_actions import ActionOutOfScope
from actions.faq_actions import ActionAnswerFaq
from actions.handoff_actions import ValidateHandoffForm
from actions.intake_actions import (
    ActionAcknowledgeSituation,
    ActionExplainQuestion,
    ActionGreet,
    ActionHandleMisunderstanding,
)
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

OPENING = "je suis fleuriste à Angers, l'URSSAF me réclame 4 200 € et ma banque a coupé le découvert"
SLOTS = {"difficulty_categories": ["cotisations_sociales", "trésorerie"], "trade": "fleuriste", "departement": "49"}
OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"


def _said(dispatcher) -> str:
    return " ".join(texts(dispatcher))


def _in_form(words: str, intent: str, slot: str = "deadline", *, selected: str | None = None, **slots):
    message = user(words, intent)
    if selected:
        message["parse_data"]["response_selector"] = {"default": {"response": {"intent_response_key": selected}}}
    loop = "handoff_form" if slot in ("wants_advisor", "consent_given") else "situation_form"
    events = [user(OPENING), bot("Avez-vous une échéance proche ?"), message]
    return tracker(events, {**SLOTS, "requested_slot": slot, **slots}, active_loop=loop)


# c M3: the service's questions.
@pytest.mark.parametrize(
    "words, intent, selected",
    [
        ("dites, vous transmettez ce que je dis à l'urssaf ?", "faq", "faq/confidential"),
        ("vous allez transmettre tout ça aux impôts ?", "ask_why_question", None),
        ("ce que je vous écris va à l'urssaf ?", "nlu_fallback", None),
    ],
)
def test_whether_a_body_is_told_gets_the_confidentiality(words, intent, selected):
    action = {"faq": ActionAnswerFaq, "ask_why_question": ActionExplainQuestion}.get(
        intent, ActionHandleMisunderstanding
    )
    dispatcher, _ = run(action(), _in_form(words, intent, selected=selected))
    said = _said(dispatcher)
    assert "cela dépend de votre situation" not in said and "pas bien compris" not in said
    # Round 23: the body asked about is named in the answer ("la chambre ne prévient pas les impôts").
    named = "ne prévient pas l" in said or "ne prévient pas les impôts" in said
    assert named or "URSSAF" in said or "confidentiel" in said or "utter_faq/confidential" in str(dispatcher.messages)


@pytest.mark.parametrize(
    "words, intent, selected",
    [
        ("la chambre pourrait m'avancer 3000 euros ?", "faq", "faq/what_can_you_do"),
        ("vous prêtez de l'argent oui ou non", "nlu_fallback", None),
        ("vous pouvez me donner 2000 € pour payer le grossiste ?", "out_of_scope", None),
    ],
)
def test_a_loan_asked_gets_a_plain_no_and_what_the_chamber_does(words, intent, selected):
    action = {"faq": ActionAnswerFaq, "out_of_scope": ActionOutOfScope}.get(intent, ActionHandleMisunderstanding)
    dispatcher, _ = run(action(), _in_form(words, intent, selected=selected))
    said = _said(dispatcher)
    assert said.startswith("Non, la chambre ne prête pas d'argent") and "conseiller" in said
    assert "cela dépend de votre situation" not in said


def test_asking_the_number_of_a_body_is_no_loan_nor_a_fear():
    dispatcher, _ = run(
        ActionAnswerFaq(),
        _in_form("vous pouvez me transmettre le numéro de l'urssaf ?", "faq", selected="faq/phone_number"),
    )
    said = _said(dispatcher)
    assert "ne prête pas" not in said and "je ne préviens personne" not in said


# b 8: data questions at the consent question, then the consent asked again (the form asks its question).
@pytest.mark.parametrize(
    "words, intent",
    [("et mes infos, vous en faites quoi ensuite ?", "faq"), ("vous les vendez pas au moins ?", "deny")],
)
def test_a_data_question_at_the_consent_is_answered(words, intent):
    action = ActionAnswerFaq() if intent == "faq" else ActionHandleMisunderstanding()
    dispatcher, events = run(action, _in_form(words, intent, "consent_given", wants_advisor=True))
    said = _said(dispatcher)
    assert "rien n'est vendu" in said and "Vous pourrez poser cette question" not in said
    assert "consent_given" not in slot_events(events)


# c M8: the glossary holds the eviction compensation, with its source.
def test_the_eviction_compensation_is_defined():
    message = user("c'est quoi une indemnité d'éviction ?", "faq")
    message["parse_data"]["definition"] = "indemnite_eviction"
    events = [user(OPENING), bot("Avez-vous une échéance proche ?"), message]
    dispatcher, _ = run(ActionAnswerFaq(), tracker(events, {**SLOTS, "requested_slot": "deadline"}, "situation_form"))
    said = _said(dispatcher)
    assert "bail commercial" in said and "renouveler" in said


def test_the_eviction_term_is_recognised_and_sourced():
    import yaml

    from guidance.glossary import GLOSSARY, term_asked

    assert term_asked("l indemnite d eviction ca veut dire quoi").id == "indemnite_eviction"
    entry = next(e for e in yaml.safe_load(GLOSSARY.read_text())["entries"] if e["id"] == "indemnite_eviction")
    assert entry["source"]["url"].startswith("https://") and "L145-14" in entry["source"]["title"]


# c M9: English.
def test_english_with_a_callback_request_starts_the_callback():
    events = [
        user(OPENING),
        bot("Avez-vous une échéance proche ?"),
        user("sorry, can you call me back please", "greet"),
    ]
    current = tracker(events, {**SLOTS, "requested_slot": "deadline"}, "situation_form")
    dispatcher, result = run(ActionGreet(), current)
    said = _said(dispatcher)
    assert "uniquement en français" in said and "I can only answer in French" in said
    assert slot_events(result).get("wants_advisor") is True
    assert any(e.get("event") == "followup" and e.get("name") == "handoff_form" for e in result)


def test_english_without_a_request_is_told_in_both_languages():
    events = [user("hello, I need help with my business, the taxes are too high", "nlu_fallback")]
    dispatcher, result = run(ActionHandleMisunderstanding(), tracker(events))
    said = _said(dispatcher)
    assert "uniquement en français" in said and "(I can only answer in French" in said
    assert "pas bien compris" not in said and "wants_advisor" not in slot_events(result)


def test_french_with_an_english_word_is_not_english():
    events = [user(OPENING), bot("…"), user("ok merci, c'est cool", "nlu_fallback")]
    dispatcher, _ = run(ActionHandleMisunderstanding(), tracker(events, SLOTS))
    assert "uniquement en français" not in _said(dispatcher)


# c M2: "et donc je fais quoi ?" gets the first step.
@pytest.mark.parametrize(
    "words, intent, slot, action",
    [
        ("bon. et donc je fais quoi en premier ?", "ask_why_question", "wants_advisor", ActionExplainQuestion),
        ("non pas trop. et donc je fais quoi ?", "nlu_fallback", "deadline", ActionHandleMisunderstanding),
        ("concrètement je commence par quoi demain ?", "out_of_scope", "wants_advisor", ActionOutOfScope),
    ],
)
def test_what_to_do_first_gets_one_step(words, intent, slot, action):
    dispatcher, events = run(action(), _in_form(words, intent, slot))
    said = _said(dispatcher)
    assert said.startswith("Pour commencer"), said
    assert "ce que je ne peux pas" not in said and "pas bien compris" not in said
    assert slot_events(events).get("guidance_given")


def test_what_to_do_after_guidance_restates_the_first_step_given():
    from actions import services

    first = next(entry for entry in services.knowledge_base() if entry.id != "chamber_advisors")
    given = [{"id": first.id, "name": first.name, "link": first.link}]
    dispatcher, _ = run(
        ActionExplainQuestion(),
        _in_form("et donc je fais quoi ?", "ask_why_question", "wants_advisor", guidance_given=given),
    )
    assert _said(dispatcher).startswith("Pour commencer, comme je vous l'indiquais")


# c M1: a question asked while telling the situation.
@pytest.mark.parametrize(
    "words",
    [
        "je pourrais céder mon magasin plutôt que fermer ? je vais sur mes 62 ans",
        "et pour être dédommagée des travaux de la rue par la mairie ?",
        "moi j'ai le droit de m'en occuper à la place de mon mari ?",
    ],
)
def test_a_question_while_telling_is_answered(words):
    events = [user(OPENING), bot("Merci de m'en parler, ce n'est pas toujours facile."), user(words)]
    current = tracker(events, {**SLOTS, "requested_slot": "since_when"}, "situation_form")
    dispatcher, _ = run(ActionAcknowledgeSituation(), current)
    said = _said(dispatcher)
    assert "D'accord, c'est noté." not in said
    assert "Pour votre question" in said or "un conseiller de la chambre pourra" in said, said


def test_a_statement_while_telling_is_still_acknowledged():
    events = [user(OPENING), bot("Merci de m'en parler, ce n'est pas toujours facile."), user("et le loyer a augmenté")]
    current = tracker(events, {**SLOTS, "requested_slot": "since_when"}, "situation_form")
    dispatcher, _ = run(ActionAcknowledgeSituation(), current)
    assert "un conseiller de la chambre pourra vous le dire" not in _said(dispatcher)


# a M3: a plain question at the callback offer is no yes.
@pytest.mark.parametrize(
    "words",
    [
        "il pourrait prendre un remplaçant deux semaines pour souffler, c possible?",
        "elle veut embaucher, y a des aides?",
    ],
)
def test_a_question_at_the_offer_is_answered_and_the_offer_stays(words):
    current = tracker(
        [user(OPENING), bot(OFFER), user(words, "affirm")], {**SLOTS, "requested_slot": "wants_advisor"}, "handoff_form"
    )
    dispatcher = CollectingDispatcher()
    result = ValidateHandoffForm().validate_wants_advisor(True, dispatcher, current, {})
    assert result["wants_advisor"] is None
    assert texts(dispatcher) and "Êtes-vous d'accord" not in _said(dispatcher)


@pytest.mark.parametrize("words", ["oui, c'est possible demain ?", "oui rappelez-moi, je peux avoir des aides ?"])
def test_a_yes_with_a_question_at_the_offer_stays_a_yes(words):
    current = tracker(
        [user(OPENING), bot(OFFER), user(words, "affirm")], {**SLOTS, "requested_slot": "wants_advisor"}, "handoff_form"
    )
    result = ValidateHandoffForm().validate_wants_advisor(True, CollectingDispatcher(), current, {})
    assert result["wants_advisor"] is True


# b 11: a person asked for while the chamber is closed: the callback offered too.
SUNDAY = datetime(2026, 12, 6, 11, 0, tzinfo=ZoneInfo("Europe/Paris"))
TUESDAY = datetime(2026, 12, 8, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))


@pytest.mark.parametrize("now, offered", [(SUNDAY, True), (TUESDAY, False)])
def test_a_person_asked_for_when_closed_gets_the_callback_offer(now, offered):
    events = [user(OPENING), bot("…"), user("je peux parler à quelqu'un en direct ?", "faq")]
    events[-1]["parse_data"]["response_selector"] = {
        "default": {"response": {"intent_response_key": "faq/phone_number"}}
    }
    with mock.patch("actions.faq_actions.clock.now", return_value=now):
        dispatcher, _ = run(ActionAnswerFaq(), tracker(events, SLOTS))
    said = _said(dispatcher)
    assert ("un conseiller peut vous rappeler" in said) is offered


# c M3 (r20c-20): "Je vous ai répondu plus haut" only when it did.
def test_said_above_only_when_it_was():
    said_before = {
        "event": "bot",
        "timestamp": 1.0,
        "text": "Non…",
        "metadata": {"utter_action": "utter_faq/other_bodies"},
    }
    events = [user(OPENING), said_before, user("je viens de vous le dire, je dois 400000 francs", "faq")]
    events[-1]["parse_data"]["response_selector"] = {
        "default": {"response": {"intent_response_key": "faq/other_bodies"}}
    }
    dispatcher, _ = run(ActionAnswerFaq(), tracker(events, SLOTS))
    assert "Je vous ai répondu plus haut" not in _said(dispatcher)


# b 9: a question on the difficulty just told is no off-topic question.
def test_a_question_on_the_eviction_told_is_not_off_topic():
    told = "mon proprio veut me mettre dehors de l'atelier à la fin du bail"
    events = [
        user(told),
        bot("Merci de m'en parler."),
        user("c'est grave ? il a le droit de faire ça ?", "out_of_scope"),
    ]
    dispatcher, _ = run(ActionOutOfScope(), tracker(events, {"difficulty_categories": ["bail_commercial"]}))
    said = _said(dispatcher)
    assert "Je ne peux pas vous aider sur ce sujet" not in said and "conseiller" in said


def test_an_off_topic_question_without_a_difficulty_keeps_its_answer():
    events = [user("vous avez le droit de me dire la météo demain ?", "out_of_scope")]
    dispatcher, _ = run(ActionOutOfScope(), tracker(events))
    assert "Je ne peux pas vous aider sur ce sujet" in _said(dispatcher)


# a M3 (r20a-04): "je peux lui donner votre numéro ?" at the offer gets the number, not the consent.
def test_our_number_asked_at_the_offer_is_given():
    current = tracker(
        [user(OPENING), bot(OFFER), user("je peux lui donner votre numéro plutôt ?", "affirm")],
        {**SLOTS, "requested_slot": "wants_advisor"},
        "handoff_form",
    )
    dispatcher = CollectingDispatcher()
    result = ValidateHandoffForm().validate_wants_advisor(True, dispatcher, current, {})
    assert result["wants_advisor"] is None and "joignable au" in _said(dispatcher)


def test_the_price_asked_at_the_consent_is_answered():
    dispatcher, events = run(
        ActionHandleMisunderstanding(), _in_form("c est payant ?", "nlu_fallback", "consent_given", wants_advisor=True)
    )
    assert "gratuit" in _said(dispatcher) and "consent_given" not in slot_events(events)


def test_a_yes_then_what_to_do_at_the_consent_keeps_the_yes_path():
    current = _in_form("oui d'accord. et donc je fais quoi ?", "out_of_scope", "consent_given", wants_advisor=True)
    dispatcher, _ = run(ActionOutOfScope(), current)
    assert not _said(dispatcher).startswith("Pour commencer")
