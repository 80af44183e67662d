"""Round 25 (s25c-04, s25c-18, s25c-14): questions about the artisan's own matter answered as questions about the service.

"et si je prends un avocat ça coute combien a peu pres ?" got "C'est entièrement gratuit, ici comme au téléphone avec nos
conseillers."; "je suis obligée de la rembourser ?" got "Non, rien ne vous engage : c'est gratuit et sans engagement…".
A price or an obligation asked of a lawyer, a refund, a debt, a procedure is the artisan's matter: the honest reply that
the advisor can look at it, never "c'est gratuit" nor a "Non". Questions about the service keep their answer.

Real trackers, the real actions; new sentences in several voices (SMS, no accents, dictation), with near misses.
"""

from __future__ import annotations

import pytest

from actions.faq_actions import ActionAnswerFaq
from actions.intake import asks_about_commitment, explain
from intake.service_questions import asks_about_own_matter, asks_if_free, fits_stored_answer
from tests.support.trackers import run, texts, tracker, user

HONEST = (
    "Je ne peux pas vous répondre avec certitude là-dessus : cela dépend de votre situation, et un "
    "conseiller de la chambre pourra vous le dire."
)
FOR_THE_ADVISOR = (
    "Sur ce point précis, je ne peux pas vous répondre avec certitude ici : un conseiller de la chambre pourra vous "
    "le dire."
)

OWN_PRICES = [
    "combien ça coûte un avocat ?",
    "et si je prends un avocat ça coute combien a peu pres",
    "pour contester devant le juge faut un avocat ? ca coute combien ?",
    "un avocat c payant ?",
    "l'huissier il va me couter cher en plus ?",
    "une injonction de payer c'est gratuit ou pas",
    "les honoraires d'un avocat c'est quel prix en gros",
    "ça coûte combien de faire une procédure au tribunal",
]
OWN_OBLIGATIONS = [
    "je suis obligée de la rembourser ?",
    "je suis obligé de le rembourser en entier ?",
    "je suis oblige de payer la totalite de la dette ?",
    "et je suis obligé de prendre un avocat ?",
    "je suis obligée de lui rendre l'acompte ?",
]
SERVICE_PRICES = [
    "c'est payant ?",
    "ça coûte combien votre truc ?",
    "c'est payant l'appel ?",
    "slt c gratuit ?",
    "le rappel du conseiller c'est payant ?",
]
SERVICE_OBLIGATIONS = [
    "je suis obligé de répondre ?",
    "ça m'engage à quoi ?",
    "je suis obligée d'accepter le rappel ?",
]


def _faq(words: str, key: str) -> dict:
    message = user(words, "faq")
    message["parse_data"]["response_selector"] = {"default": {"response": {"intent_response_key": key}}}
    return message


@pytest.mark.parametrize("words", OWN_PRICES + OWN_OBLIGATIONS)
def test_a_price_or_obligation_of_ones_own_matter_is_not_the_service(words):
    assert asks_about_own_matter(words)
    assert not fits_stored_answer("faq/is_free", words)
    assert not asks_if_free(words)
    assert not asks_about_commitment(words)


@pytest.mark.parametrize("words", SERVICE_PRICES + SERVICE_OBLIGATIONS)
def test_a_question_about_the_service_keeps_its_answer(words):
    assert not asks_about_own_matter(words)


@pytest.mark.parametrize("words", SERVICE_PRICES)
def test_the_service_price_still_fits_the_stored_answer(words):
    assert fits_stored_answer("faq/is_free", words)


@pytest.mark.parametrize("words", OWN_PRICES)
@pytest.mark.parametrize("slots", [{}, {"difficulty_categories": ["client_impaye"], "case_reference": "RL-ABC123"}])
def test_a_lawyers_price_never_gets_it_is_free(words, slots):
    dispatcher, _ = run(ActionAnswerFaq(), tracker([_faq(words, "faq/is_free")], slots=slots))
    said = texts(dispatcher)
    assert said == [HONEST]
    assert [m.get("response") for m in dispatcher.messages] == [None]
    assert not any("gratuit" in text for text in said)


@pytest.mark.parametrize("words", ["c'est payant ?", "ca coute combien votre service"])
def test_the_service_price_is_still_answered_by_the_stored_answer(words):
    dispatcher, _ = run(
        ActionAnswerFaq(), tracker([_faq(words, "faq/is_free")], slots={"difficulty_categories": ["impots"]})
    )
    assert dispatcher.messages[0].get("response") == "utter_faq/is_free"


@pytest.mark.parametrize("words", OWN_OBLIGATIONS)
@pytest.mark.parametrize("slot", ["wants_advisor", "consent_given", "deadline"])
def test_an_obligation_of_ones_own_matter_is_never_a_no(words, slot):
    said = explain(slot, words)
    assert said == FOR_THE_ADVISOR
    assert not said.startswith("Non")


@pytest.mark.parametrize(
    "words, expected",
    [
        ("je suis obligé de répondre ?", "Non, rien ne vous engage"),
        ("ça m'engage à quoi ?", "À rien"),
        ("je suis obligée d'accepter le rappel ?", "Non, rien ne vous engage"),
    ],
)
def test_the_calls_commitment_is_still_answered(words, expected):
    assert explain("wants_advisor", words).startswith(expected)


@pytest.mark.parametrize(
    "words", ["y a des frais si j'etale ma dette avec les impots ?", "un échéancier pour la dette ça coûte ?"]
)
def test_a_payment_plans_cost_keeps_its_own_reply(words):
    dispatcher, _ = run(ActionAnswerFaq(), tracker([_faq(words, "faq/is_free")], slots={}))
    assert texts(dispatcher)[0].startswith("Notre aide, elle, est gratuite. Ce que coûte un échéancier")
