"""Round 21 (z.md H1, r21z-01 and r21z-24): "non c'est pas 5000 c'est 15000 que je dois" and "non pardon c'est 14000 pas
4000" became the Cantal (15) and the Calvados (14), a département already given overwritten, and the sum was lost. A
number said as a sum, or put right against another sum, is never a place; the sum owed is noted. Real trackers."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

import places
from actions.intake_actions import AMOUNT_CORRECTED, ValidateSituationForm
from actions.triage_actions import ValidateTriageSlots
from intake.facts import corrected_creditors
from places.resolve import resolve
from tests.support.trackers import at_the_deadline_question, run, slot_events, texts, tracker

SUMS = [
    "non c'est pas 5000 c'est 15000 que je dois",
    "non pardon c'est 14000 pas 4000",
    "non c'est pas 8000 c'est 18000 le client",
    "pardon c'est 25000 et pas 5000",
    "en fait c'est 13000 pas 3000 que je leur dois",
    "le client me doit 14000",
    "je dois 15000",
    "non c'est 15000 que je dois",
]


@pytest.mark.parametrize("words", SUMS)
def test_a_sum_is_no_place(words):
    assert places.find_in_text(words).departement is None
    assert resolve(words).departement is None


@pytest.mark.parametrize(
    "words, code",
    [
        ("non c'est pas 62 c'est 59", "59"),
        ("non pas 62000 c'est 59000", "59"),
        ("pardon c'est 63000 pas 63100", "63"),
        ("non c'est le 15", "15"),
        ("15000", "15"),
        ("Aurillac 15000", "15"),
        ("dans le 15 pas 150 km", "15"),
    ],
)
def test_places_put_right_keep_their_reading(words, code):
    assert resolve(words).departement == code


@pytest.mark.parametrize(
    "known, words, expected",
    [
        ("URSSAF", "non c'est pas 5000 c'est 15000 que je dois", "URSSAF 15000 €"),
        (None, "non c'est pas 5000 c'est 15000 que je dois", "15000 €"),
        ("URSSAF 5000 €", "non c'est pas 5000 c'est 25000", "URSSAF 25000 €"),
        ("banque", "c'est 12000 et pas 2000 pardon", "banque 12000 €"),
        # What a client owes the artisan is no debt: nothing noted from it.
        (None, "non pardon c'est 14000 pas 4000", None),
        (None, "non c'est pas 8000 c'est 18000 le client", None),
        (None, "non pas 62 c'est 59", None),
    ],
)
def test_the_sum_put_right_is_noted(known, words, expected):
    assert corrected_creditors(known, words) == expected


def test_the_tester_conversation_notes_the_sum_and_no_place():
    words = "non c'est pas 5000 c'est 15000 que je dois"
    first = "j'ai un echeancier urssaf que j'ai pas pu tenir, j'ai raté 2 mensualités"
    current = tracker(
        at_the_deadline_question(first, words), slots={"requested_slot": "deadline"}, active_loop="situation_form"
    )
    _, result = run(ValidateTriageSlots(), current)
    slots = slot_events(result)
    assert slots.get("departement") is None
    assert slots["creditors"] == "15000 €"
    current = tracker(
        at_the_deadline_question(first, words),
        slots={"requested_slot": "deadline", "creditors": "15000 €"},
        active_loop="situation_form",
    )
    dispatcher = CollectingDispatcher()
    answer = ValidateSituationForm().validate_deadline("aucune échéance connue", dispatcher, current, {})
    assert answer.get("deadline") is None
    assert AMOUNT_CORRECTED.format("15000 €") in texts(dispatcher)
    assert not any("Cantal" in said for said in texts(dispatcher))


def test_a_departement_given_stays_when_a_sum_is_put_right():
    words = "non pardon c'est 14000 pas 4000"
    current = tracker(
        at_the_deadline_question("menuisier, 63", words, place_slot="63"),
        slots={"requested_slot": "deadline", "departement": "63"},
        active_loop="situation_form",
    )
    _, result = run(ValidateTriageSlots(), current)
    assert slot_events(result).get("departement", "63") == "63"
