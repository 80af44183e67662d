"""Answers to the handoff's yes/no questions that are something else, over real trackers and the real form
validation action: a phone number at "Voulez-vous qu'un conseiller vous rappelle ?" is a yes to the call (the
consent is asked next, the number kept), a place ("Lille") is kept as the place and the question stays."""

from __future__ import annotations

import pytest

from actions.handoff import wrong_number
from actions.handoff_actions import NUMBER_ASKED_LATER, NUMBER_IS_A_YES, ValidateHandoffForm
from tests.support.handoff_form import DOMAIN, SITUATION, validate
from tests.support.trackers import bot, run, texts, tracker, user


@pytest.mark.parametrize(
    "words",
    ["06 12 34 56 78", "0612345678", "mon numéro c'est le 06 12 34 56 78", "+33 6 12 34 56 78", "06.12.34.56.78"],
)
def test_a_number_at_the_callback_question_is_a_yes_and_the_consent_comes_next(words):
    said, produced = validate("wants_advisor", words, {"wants_advisor": words, "phone": words})
    assert produced["wants_advisor"] is True
    assert produced["requested_slot"] == "consent_given"
    assert produced.get("phone", words) == words  # kept as typed, read once the consent is given
    assert said == [NUMBER_IS_A_YES]


def test_a_number_with_a_no_at_the_callback_question_is_still_a_no():
    words = "non merci, 06 12 34 56 78 c'est pour rien"
    _said, produced = validate("wants_advisor", words, {"wants_advisor": False}, intent="deny")
    assert produced["wants_advisor"] is False


def test_a_number_at_the_consent_question_is_still_no_consent():
    words = "06 12 34 56 78"
    said, produced = validate("consent_given", words, {"consent_given": words, "phone": words})
    assert produced.get("consent_given") is None and produced["requested_slot"] == "consent_given"
    assert said == ["Merci. Avant de noter vos coordonnées, j'ai besoin de votre accord."]


@pytest.mark.parametrize(
    "words, attempt",
    [
        # Found by talking to the running bot: a digit missing got "Je n'ai pas bien compris votre réponse".
        ("0320 45 67 8", True),
        ("06 12 34 56", True),
        ("06.12.34.56.7", True),
        ("+33 6 12 34 56", True),
        ("appelez le 06 12 34 56 78 9", True),
        # Numbers that are no attempt at a phone number, or a valid one.
        ("06 12 34 56 78", False),
        ("le 03.12.2026", False),
        ("01/12/2026", False),
        ("l'urssaf me réclame 12 000", False),
        ("8000 euros", False),
        ("siret 123 456 789 00012", False),
    ],
)
def test_a_wrong_number_is_told_apart_from_a_number_and_from_other_figures(words, attempt):
    assert wrong_number(words) is attempt


@pytest.mark.parametrize("words", ["0320 45 67 8", "mon numéro 06 12 34 56"])
def test_a_wrong_number_at_the_callback_question_is_a_yes_and_said_incomplete(words):
    said, produced = validate("wants_advisor", words, {"wants_advisor": words})
    assert produced["wants_advisor"] is True and produced["requested_slot"] == "consent_given"
    assert said == [f"{NUMBER_IS_A_YES} {NUMBER_ASKED_LATER}"]


def test_a_wrong_number_at_the_consent_question_is_said_incomplete_and_no_consent():
    said, produced = validate("consent_given", "0320 45 67 8", {"consent_given": "0320 45 67 8"})
    assert produced.get("consent_given") is None and produced["requested_slot"] == "consent_given"
    assert said == [f"{NUMBER_ASKED_LATER} Avant de noter vos coordonnées, j'ai besoin de votre accord."]


TOWN = [{"entity": "town", "value": "Lille"}]


@pytest.mark.parametrize("question", ["wants_advisor", "consent_given"])
@pytest.mark.parametrize(
    "words, entities, departement, commune, named",
    [
        ("Lille", TOWN, "59", "Lille", "Lille"),
        ("à Lille", TOWN, "59", "Lille", "Lille"),
        ("Arras", [{"entity": "town", "value": "Arras"}], "62", "Arras", "Arras"),
        ("dans le 62", [{"entity": "departement", "value": "62"}], "62", None, "Pas-de-Calais"),
    ],
)
def test_a_place_at_a_yes_no_question_is_kept_and_the_question_stays(
    question, words, entities, departement, commune, named
):
    said, produced = validate(question, words, {question: words}, entities=entities)
    assert produced.get(question) is None and produced["requested_slot"] == question
    assert produced["departement"] == departement and produced.get("commune") == commune
    assert said == [f"Merci, j'ai noté le lieu ({named})."]


@pytest.mark.parametrize(
    "question, before",
    [
        ("wants_advisor", {}),
        ("consent_given", {"wants_advisor": True}),
        ("email", {"wants_advisor": True, "consent_given": True, "contact_name": "Paul", "phone": "+33612345678"}),
    ],
)
def test_a_request_to_erase_is_left_to_the_offer_not_read_as_a_refused_call(question, before):
    message = user("effacez mes données", "faq")
    selected = {"default": {"response": {"intent_response_key": "faq/delete_data"}}}
    message["parse_data"]["response_selector"] = selected
    slots = {**SITUATION, **before, "requested_slot": question}
    current = tracker(
        [user("la banque m'a coupé le découvert"), bot("?"), message], slots=slots, active_loop="handoff_form"
    )
    current.latest_message["response_selector"] = selected
    dispatcher, produced = run(ValidateHandoffForm(), current, DOMAIN)
    assert produced == [] and texts(dispatcher) == []  # nothing withdrawn nor refused before the artisan confirms
