"""The callback asked for out of turn: in the middle of the intake ("oui je veux bien être rappelé" at "Depuis
quand ?") and, once the case is stored, "quand est-ce qu'il va m'appeler ?" (round 7 of off-script conversations)."""

from __future__ import annotations

import asyncio

import pytest
import yaml
from rasa_sdk.executor import CollectingDispatcher

from actions.faq_actions import ActionAnswerFaq
from actions.intake_actions import ValidateSituationForm
from ops.settings import REPO_ROOT
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

DOMAIN = {"forms": yaml.safe_load((REPO_ROOT / "bot/domain/intake.yml").read_text(encoding="utf-8"))["forms"]}


@pytest.mark.parametrize("words", ["oui je veux bien être rappelé", "rappelez-moi plutôt"])
def test_a_callback_asked_at_an_intake_question_is_no_answer_to_it(words):
    events = [
        user("je suis plombier, j'ai 6000 euros de dettes urssaf"),
        {"event": "slot", "name": "requested_slot", "value": "since_when"},
        bot("Depuis quand cette situation dure-t-elle ?"),
        user(words, "affirm"),
        {"event": "slot", "name": "since_when", "value": words},
    ]
    slots = {"difficulty_categories": ["cotisations_sociales"], "requested_slot": "since_when", "since_when": words}
    current = tracker(events, slots=slots, active_loop="situation_form")
    dispatcher = CollectingDispatcher()
    produced = asyncio.run(ValidateSituationForm().run(dispatcher, current, DOMAIN))
    slots_set = slot_events(produced)
    assert slots_set["since_when"] is None
    assert slots_set["wants_advisor"] is True
    assert any(event.get("name") == "handoff_form" for event in produced)


def _faq(words: str, key: str, **slots):
    message = user(words, "faq")
    message["parse_data"]["response_selector"] = {"default": {"response": {"intent_response_key": key}}}
    current = tracker([message], slots=slots)
    current.latest_message["response_selector"] = message["parse_data"]["response_selector"]
    return current


CASE = {"case_reference": "RL-T6VD7H", "phone": "+33612345678", "callback_slot": "demain matin", "urgency": "normale"}


@pytest.mark.parametrize(
    "words, key",
    [
        ("quand est-ce qu'il va m'appeler ?", "faq/opening_hours"),
        ("il me rappelle quand le conseiller", "faq/opening_hours"),
        ("vous allez me contacter à quelle heure ?", "faq/phone_number"),
    ],
)
def test_when_the_call_comes_is_answered_for_the_case(words, key):
    dispatcher, _ = run(ActionAnswerFaq(), _faq(words, key, **CASE))
    said = texts(dispatcher)
    assert len(said) == 1
    assert said[0].startswith("Votre demande RL-T6VD7H est enregistrée : un conseiller vous rappellera ")


def test_before_any_case_the_question_gets_the_opening_hours():
    dispatcher, _ = run(
        ActionAnswerFaq(),
        _faq("quand est-ce qu'il va m'appeler ?", "faq/opening_hours", difficulty_categories=["banque"]),
    )
    assert [message.get("response") for message in dispatcher.messages] == ["utter_faq/opening_hours"]


def test_the_opening_hours_asked_with_a_case_are_the_opening_hours():
    dispatcher, _ = run(ActionAnswerFaq(), _faq("vous êtes ouverts le samedi ?", "faq/opening_hours", **CASE))
    assert [message.get("response") for message in dispatcher.messages] == ["utter_faq/opening_hours"]


# Round 15 (r15a-04): "when will I be called?" taken for another question about the service (the price above all) is
# still answered with when; a question about the price of a call stays one.
@pytest.mark.parametrize(
    "words, key",
    [
        ("c'est combien de temps avant qu'on me rappelle ?", "faq/is_free"),
        ("le delai pour etre rappele c'est combien", "faq/who_reads"),
        ("bientôt le coup de téléphone ?", "faq/what_can_you_do"),
    ],
)
def test_when_the_call_comes_taken_for_another_question_is_answered_for_the_case(words, key):
    dispatcher, _ = run(ActionAnswerFaq(), _faq(words, key, **CASE))
    said = texts(dispatcher)
    assert len(said) == 1
    assert said[0].startswith("Votre demande RL-T6VD7H est enregistrée : un conseiller vous rappellera ")


def test_when_the_call_comes_before_any_case_gets_the_opening_hours_whatever_the_sub_intent():
    current = _faq("c'est combien de temps avant qu'on me rappelle ?", "faq/is_free", difficulty_categories=["banque"])
    dispatcher, _ = run(ActionAnswerFaq(), current)
    assert [message.get("response") for message in dispatcher.messages] == ["utter_faq/opening_hours"]


@pytest.mark.parametrize("words", ["l'appel est gratuit ?", "combien de temps ça coûte un appel chez vous ?"])
def test_the_price_of_a_call_stays_a_question_about_the_price(words):
    dispatcher, _ = run(ActionAnswerFaq(), _faq(words, "faq/is_free", **CASE))
    assert [message.get("response") for message in dispatcher.messages] == ["utter_faq/is_free"]


@pytest.mark.parametrize(
    "words, key",
    [
        ("vous pouvez me redonner ma référence ?", "faq/what_can_you_do"),  # round 23, r23c-07
        ("c'est quoi déjà mon numéro de dossier ?", "faq/who_reads"),
        ("j'ai perdu la ref, vous l'avez ?", "faq/phone_number"),
    ],
)
def test_the_reference_asked_again_is_given_with_its_promise(words, key):
    dispatcher, _ = run(ActionAnswerFaq(), _faq(words, key, **CASE))
    said = " ".join(texts(dispatcher))
    assert said.startswith("Votre référence est RL-T6VD7H : un conseiller vous rappellera")


def test_no_reference_is_made_up_before_the_case():
    dispatcher, _ = run(ActionAnswerFaq(), _faq("vous pouvez me redonner ma référence ?", "faq/what_can_you_do"))
    assert "Votre référence est" not in " ".join(texts(dispatcher))
