"""A number said at another handoff question once the case is stored (make run, 2026-12-04): a correction replaces the
case's number and is said back, whatever question was pending; a number that does not exist leaves the case's number,
said so, and is never asked again. Real trackers, the real form validation and a real SQLite case store."""

from __future__ import annotations

import pytest

from actions.handoff_actions import ValidateHandoffForm
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SENDER = "number-after-case"
STORED = "+33651234567"


def stored_case() -> str:
    phone = "06 51 23 45 67"
    events = [user("la banque a coupé mon découvert"), bot("Une question ?"), user(phone, "inform")]
    events.append({"event": "slot", "name": "phone", "value": phone})
    current = tracker(events, slots={**consented(), "phone": phone, "requested_slot": "phone"}, sender_id=SENDER)
    current.active_loop = {"name": "handoff_form"}
    _, result = run(ValidateHandoffForm(), current, DOMAIN)
    return slot_events(result)["case_reference"]


def at_question(requested: str, words: str, extracted: str | None, reference: str):
    """The form at ``requested`` after the case was stored; ``extracted``: what the mappings put in `phone`."""
    events = [
        {"event": "slot", "name": "phone", "value": STORED},
        {"event": "slot", "name": "case_reference", "value": reference},
        bot("Dans quel département ou quelle ville se trouve votre entreprise ?"),
        user(words, "faq"),
    ]
    slots = consented(phone=STORED, case_reference=reference, callback_slot="demain matin", email="non précisé")
    if extracted is not None:
        events.append({"event": "slot", "name": "phone", "value": extracted})
        slots["phone"] = extracted
    current = tracker(events, slots={**slots, "requested_slot": requested}, sender_id=SENDER)
    current.active_loop = {"name": "handoff_form"}
    return current


@pytest.mark.parametrize("requested", ["departement", "callback_slot", "email"])
@pytest.mark.parametrize(
    "words, extracted, new",
    [
        ("ah zut le bon c'est le 06 12 34 56 99", "06 12 34 56 99", "+33612345699"),
        # No mapping took it: the form reads it from the words.
        ("erreur de ma part, c'est le 06.12.34.56.99", None, "+33612345699"),
    ],
)
def test_a_correction_at_another_question_replaces_the_number_and_is_said_back(requested, words, extracted, new):
    reference = stored_case()
    dispatcher, events = run(ValidateHandoffForm(), at_question(requested, words, extracted, reference), DOMAIN)
    assert slot_events(events).get("phone") == new
    assert "06" not in str(slot_events(events).get(requested) or "")  # the number is no answer to the question
    said = " ".join(texts(dispatcher))
    assert "C'est corrigé" in said and "06 12 34 56 99" in said and "06 51 23 45 67" in said, said
    assert stored_cases()[0].phone == new and stored_cases()[0].reference == reference


@pytest.mark.parametrize("words", ["au fait mon portable c'est 07 11 22 33 44", "mon numéro c'est le 06 12 34"])
def test_a_number_that_is_none_after_the_case_keeps_the_cases_and_asks_nothing_again(words):
    reference = stored_case()
    extracted = words.split("c'est ")[-1].replace("le ", "")
    dispatcher, events = run(ValidateHandoffForm(), at_question("departement", words, extracted, reference), DOMAIN)
    assert slot_events(events).get("phone", STORED) == STORED
    said = " ".join(texts(dispatcher))
    assert "06 51 23 45 67" in said and "À quel numéro" not in said, said
    assert stored_cases()[0].phone == STORED


def test_someone_elses_number_after_the_case_changes_nothing():
    reference = stored_case()
    words = "vous pouvez aussi appeler ma femme au 06 77 88 99 00"
    dispatcher, events = run(
        ValidateHandoffForm(), at_question("departement", words, "06 77 88 99 00", reference), DOMAIN
    )
    assert slot_events(events).get("phone", STORED) == STORED
    assert "C'est corrigé" not in " ".join(texts(dispatcher))
    assert stored_cases()[0].phone == STORED
