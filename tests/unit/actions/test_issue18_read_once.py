"""Issue 18: what the action server reads of a message again at every action call is kept per text (and per day, or
per kind of question pending, where the reading depends on them), never per conversation. These check the kept
readings are the caller's own copies and that what the reading depends on is part of what it is kept by."""

from __future__ import annotations

from datetime import date

import pytest

from actions.handoff import _creditors_said, creditors_in_full
from actions.triage_actions import messages_for_triage
from guidance import facts as guidance_facts
from intake.facts import extract_facts
from tests.support.trackers import user
from triage import assess

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    "text",
    [
        "l'urssaf me réclame 8000 euros et l'huissier passe demain",
        "jsuis epuisé g plus la force, la banque ma coupé le decouvert",
        "ma femme a un cancer et je n'arrive plus a payer le loyer",
    ],
)
def test_a_message_assessed_alone_gives_the_caller_its_own_reasons(text: str) -> None:
    first = assess([text], today=TODAY)
    assert first.reasons
    for values in first.reasons.values():
        values.append("ajouté par l'appelant")
    first.reasons["autre"] = ["ajouté par l'appelant"]
    again = assess([text], today=TODAY)
    assert "ajouté par l'appelant" not in str(again.reasons)
    assert again == assess([text], today=TODAY)


@pytest.mark.parametrize(
    "text",
    ["je dois payer l urssaf avant le 4 décembre sinon majoration", "loyer impayé, le proprio veut etre payé le 4/12"],
)
def test_a_message_assessed_alone_is_read_for_its_day(text: str) -> None:
    assert assess([text], today=date(2026, 12, 2)).urgency == "haute"
    assert assess([text], today=date(2026, 11, 1)).urgency == "normale"


def test_the_facts_of_a_message_are_the_callers_own_dict() -> None:
    facts = extract_facts("je suis plombier a Lens, l'urssaf me doit... non je dois 5000 a l'urssaf", TODAY)
    assert facts.get("trade")
    facts.clear()
    assert extract_facts("je suis plombier a Lens, l'urssaf me doit... non je dois 5000 a l'urssaf", TODAY)


def test_the_facts_of_a_message_follow_the_day_and_the_question() -> None:
    assert extract_facts("le 15", TODAY, asked="deadline") == {"deadline": "le mardi 15 décembre"}
    assert extract_facts("le 15", TODAY) == {}
    assert extract_facts("le 15", date(2027, 1, 5), asked="deadline") == {"deadline": "le vendredi 15 janvier"}


def test_the_creditors_said_are_the_callers_own() -> None:
    said, denied, _, _ = _creditors_said("non pas la banque, c'est le fournisseur 3000 euros")
    said.clear()
    denied.add("URSSAF")
    again, denied_again, _, _ = _creditors_said("non pas la banque, c'est le fournisseur 3000 euros")
    assert again
    assert "URSSAF" not in denied_again
    messages = ["je dois 8000 à l'urssaf", "ah et aussi la banque 2000", "non pas la banque, c'est le fournisseur"]
    assert creditors_in_full(None, messages) == creditors_in_full(None, messages)


def _asked(slot: str | None) -> dict:
    return {"event": "slot", "name": "requested_slot", "value": slot}


@pytest.mark.parametrize("words", ["samedi matin", "Marc", "06 12 34 56 78"])
def test_the_same_words_are_read_by_the_question_they_answer(words: str) -> None:
    at_contact = messages_for_triage([user("la banque me lâche"), _asked("callback_slot"), user(words)])
    elsewhere = messages_for_triage([user("la banque me lâche"), _asked("steps_taken"), user(words)])
    assert at_contact == ["la banque me lâche"]
    assert elsewhere == ["la banque me lâche", words]
    assert messages_for_triage([user("la banque me lâche"), _asked("callback_slot"), user(words)]) == at_contact


def test_a_moment_at_the_place_question_is_dropped_there_only() -> None:
    events = [user("jsuis macon, lurssaf me reclame 6000"), _asked("departement"), user("samedi matin")]
    assert messages_for_triage(events) == ["jsuis macon, lurssaf me reclame 6000"]
    events[1] = _asked("trade")
    assert messages_for_triage(events)[-1] == "samedi matin"


def test_the_removal_tables_are_read_from_their_file_once(monkeypatch) -> None:
    names = ("own_debts", "death_denied", "not_a_procedure")
    tables = {name: guidance_facts._removal_table(name) for name in names}

    def no_reading(*args, **kwargs):
        raise AssertionError("causes.yml read again")

    monkeypatch.setattr(type(guidance_facts.CAUSES_FILE), "read_text", no_reading)
    for _ in range(2):
        for name in names:
            assert guidance_facts._removal_table(name) == tables[name]
