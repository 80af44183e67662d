"""Round 26 (talker B, H7): an answer to another question replaced the trade on the case. r26b-13: "L'électricité et le
loyer, environ 2500 euros." at the debts question made "Métier : électricité" (the confirmed "boucher-charcutier" lost);
r26b-08: "Un mécanicien." at the employees question made "Métier : mécanicien" (a garage) and the employee was lost
("D'accord, passons cette question."). The trade known stays unless put right; one person of a trade is an employee.
Real trackers, several voices."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.intake_actions import ValidateSituationForm
from actions.triage_actions import ValidateTriageSlots
from intake.facts import extract_facts
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

_QUESTIONS = {
    "creditors": "Devez-vous de l'argent à quelqu'un aujourd'hui (URSSAF, impôts, banque, fournisseurs) ?",
    "employees": "Avez-vous des salariés ? Si oui, combien ?",
}


def _at(question: str, words: str, trade: str, extracted: dict | None = None):
    events = [
        user(f"je suis {trade}, je m'en sors plus avec les factures"),
        {"event": "slot", "name": "trade", "value": trade},
        {"event": "slot", "name": "requested_slot", "value": question},
        bot(_QUESTIONS[question]),
        user(words, "inform"),
        *({"event": "slot", "name": name, "value": value} for name, value in (extracted or {}).items()),
    ]
    slots = {"trade": trade, "requested_slot": question, **(extracted or {})}
    return tracker(events, slots=slots, active_loop="situation_form")


@pytest.mark.parametrize(
    "question, words, trade, extracted",
    [
        ("creditors", "L'électricité et le loyer, environ 2500 euros.", "boucher-charcutier", None),
        ("creditors", "lelectricite et le loyer 2500e", "boucher-charcutier", None),
        ("creditors", "le fournisseur de carrelage 4000 euros", "maçon", None),
        ("employees", "Un mécanicien.", "garage", None),
        ("employees", "oui un seul, le mécanicien", "garage", {"trade": "mécanicien"}),
        ("employees", "ouais une coiffeuse", "salon de coiffure", None),
    ],
)
def test_an_answer_to_another_question_leaves_the_trade(question, words, trade, extracted):
    _, produced = run(ValidateTriageSlots(), _at(question, words, trade, extracted))
    assert slot_events(produced).get("trade", trade) == trade


@pytest.mark.parametrize(
    "words",
    [
        "non pardon je suis pas boucher, je suis traiteur",
        "en fait je suis traiteur",
        "je me suis trompé, je suis traiteur",
    ],
)
def test_near_miss_a_trade_put_right_at_another_question_replaces_it(words):
    _, produced = run(ValidateTriageSlots(), _at("creditors", words, "boucher"))
    assert slot_events(produced).get("trade") == "traiteur"


@pytest.mark.parametrize(
    "words, employees",
    [
        ("Un mécanicien.", "Un mécanicien"),
        ("oui un seul, le mécanicien", "un seul, le mécanicien"),
        ("ouais un mecano", "un mecano"),
        ("une coiffeuse", "une coiffeuse"),
    ],
)
def test_one_person_of_a_trade_answers_the_employees_question(words, employees):
    assert extract_facts(words, asked="employees").get("employees") == employees
    current = _at("employees", words, "garage", {"employees": words})
    dispatcher = CollectingDispatcher()
    answer = ValidateSituationForm().validate_employees(words, dispatcher, current, {})
    assert answer.get("employees") not in (None, "non précisé"), texts(dispatcher)


@pytest.mark.parametrize("words", ["je suis mécanicien", "je cherche un mécanicien", "un client qui paye pas"])
def test_near_miss_no_employee_read_from_a_trade_said_otherwise(words):
    assert "employees" not in extract_facts(words, asked="employees")
    assert "employees" not in extract_facts("Un mécanicien.")  # outside the question: no count read
