"""Round 26 (talk-c M8, r26c-16; talk-b r26b-05): "et le conseiller il rappelle dans combien de temps ?" at the consent
question was taken as a yes, the consent text shown with no answer; "ça prend combien de temps avant qu'on me rappelle
?" got the advisor's role, then a mandat ad hoc. The call named beside the time asked is the call's: the chamber's own
promise (chamber.callback_promise, from its configuration) is said, and the consent is left open. Times asked of
another body ("l'urssaf me laisse combien de temps pour payer ?") or said of a past call are not the call's.

Real trackers and the real actions; sentences written for these tests, the way people type."""

from __future__ import annotations

import pytest

from actions.intake_actions import ActionAcknowledgeSituation, ActionHandleMisunderstanding
from intake.asked_back import asks_when_called_back
from tests.support.handoff_form import validate
from tests.support.trackers import bot, run, texts, tracker, user

OPENING = "je suis taxi a lille, j'ai un pret pour la licence et je paye plus les 1100 euros par mois"
SLOTS = {"difficulty_categories": ["banque"], "trade": "taxi", "departement": "59", "urgency": "normale"}
OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"
CONSENT = (
    "Pour qu'un conseiller vous rappelle, je dois garder votre prénom, votre numéro et un résumé de votre situation. "
    "Êtes-vous d'accord ?"
)
ASKED = [
    "et le conseiller il rappelle dans combien de temps ?",  # r26c-16
    "Ça dépend, ça prend combien de temps avant qu'on me rappelle ?",  # r26b-05
    "il rappelle quand ?",  # SMS
    "c'est long avant qu'on m'appelle ?",
    "euh il faut attendre combien de temps pour etre rappele",  # dictation, no question mark
]
NOT_THE_CALL = [
    "l'urssaf me laisse combien de temps pour payer ?",
    "combien de temps dure la mediation ?",
    "le conseiller peut m'aider a negocier combien de temps ?",
    "la banque m'a rappelé il y a combien de jours deja",
]


@pytest.mark.parametrize("words", ASKED)
def test_the_time_of_the_call_asked_is_read(words):
    assert asks_when_called_back(words)


@pytest.mark.parametrize("words", NOT_THE_CALL)
def test_another_time_is_not_the_call(words):
    assert not asks_when_called_back(words)


@pytest.mark.parametrize("words", ASKED[:4])
@pytest.mark.parametrize("intent, filled", [("affirm", True), ("inform", None)])
def test_at_the_consent_question_the_delay_is_said_and_no_yes_taken(words, intent, filled):
    said, slots = validate("consent_given", words, {"consent_given": filled}, intent)
    said_text = " ".join(said)
    assert "un conseiller vous rappelle" in said_text
    assert slots.get("consent_given") is not True


@pytest.mark.parametrize("words", ASKED[:4])
@pytest.mark.parametrize(
    "action, intent",
    [(ActionAcknowledgeSituation, "describe_situation"), (ActionHandleMisunderstanding, "nlu_fallback")],
)
def test_at_the_offer_the_delay_is_said(words, action, intent):
    events = [user(OPENING), bot(OFFER), user(words, intent)]
    dispatcher, _ = run(
        action(), tracker(events, {**SLOTS, "requested_slot": "wants_advisor"}, active_loop="handoff_form")
    )
    said = " ".join(texts(dispatcher))
    assert "Une fois votre demande enregistrée, un conseiller vous rappelle" in said
