"""Round 27 (talk-a D1, r27-a-01, r27-a-22): an acknowledgement in front of a question asks the question.

"ok. et ca coute combien votre truc" at "Avez-vous une date limite proche ?" got "D'accord. Pouvez-vous préciser un peu ?
Une estimation suffit.": the "ok." was read as a yes to the question pending and the question after it dropped (the
same words without "ok." were answered). And the service's price asked in other words than "c'est payant ?" got "je ne
sais pas répondre" at an intake question. Now the acknowledgement opens a question (actions.intake.is_question), and the
price of the service is answered (intake.service_questions.asks_price_of_the_service), the pending question after it.
"""

from __future__ import annotations

import pytest
import yaml

from actions.intake import is_question
from actions.intake_actions import ValidateSituationForm
from intake.service_questions import FREE, asks_price_of_the_service
from ops.settings import REPO_ROOT
from tests.support.trackers import bot, run, slot_events, tracker, user

DOMAIN = {"forms": yaml.safe_load((REPO_ROOT / "bot/domain/intake.yml").read_text(encoding="utf-8"))["forms"]}
KNOWN = {"difficulty_categories": ["cotisations_sociales"], "trade": "plombier"}

PRICE_ASKED = [
    "ok. et ca coute combien votre truc",
    "ok et c'est payant votre service",
    "d'accord. combien ca coute",
    "bon ok mais c gratuit",
    "D'accord. Combien coûte votre accompagnement, s'il vous plaît ?",
    "oui oui... et c'est gratuit ou payant",
]
# The artisan's own matter, a payment plan's cost, a moment said after "ok": no question about the service's price.
NOT_THE_PRICE = [
    "combien ca coute de reparer le four",
    "ca coute combien un avocat",
    "ça coûte combien un échéancier urssaf",
    "c'est combien les penalites ?",
    "euh... et faut payer ?",
]
ANSWERS = ["ok quand vous voulez", "oui le 15 decembre", "ok, la semaine prochaine"]


def _at_deadline(words: str, intent: str = "affirm") -> tuple[list[str], dict]:
    events = [
        user("je suis plombier, j'ai 3 mois de retard urssaf"),
        *({"event": "slot", "name": k, "value": v} for k, v in KNOWN.items()),
        {"event": "slot", "name": "requested_slot", "value": "deadline"},
        bot("Avez-vous une date limite proche ?"),
        user(words, intent),
        {"event": "slot", "name": "deadline", "value": words},
    ]
    slots = {**KNOWN, "requested_slot": "deadline", "deadline": words}
    dispatcher, produced = run(ValidateSituationForm(), tracker(events, slots, "situation_form"), DOMAIN)
    return [m.get("text") or "" for m in dispatcher.messages], slot_events(produced)


@pytest.mark.parametrize("words", PRICE_ASKED)
def test_the_price_asked_after_an_ok_is_answered_and_the_question_waits(words):
    assert asks_price_of_the_service(words)
    said, slots = _at_deadline(words)
    assert said[0] == FREE, said
    assert "estimation" not in " ".join(said)
    assert slots["deadline"] is None
    assert "échéance" in said[-1]


@pytest.mark.parametrize("words", NOT_THE_PRICE)
def test_other_prices_are_not_the_service_s(words):
    assert not asks_price_of_the_service(words)


@pytest.mark.parametrize(
    "words", ["ok. et c'est quoi une mediation", "d'accord, pourquoi vous demandez ça", "bon. est-ce que c'est grave"]
)
def test_an_acknowledgement_then_a_question_is_a_question(words):
    assert is_question(words)


@pytest.mark.parametrize("words", ANSWERS)
def test_an_acknowledgement_then_an_answer_stays_an_answer(words):
    assert not is_question(words)
