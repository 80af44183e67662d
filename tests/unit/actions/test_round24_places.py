"""Round 24 (talker A, places): an amount read as a place, places said in other words dropped.

- r24a-01: "je suis a Rezé a coté de nantes. et non pardon c'est 16000 pas 14000, j'avais oublié les majorations" stored
  the Charente (16: 16000 is Angoulême's postcode) for a case in Rezé (44).
- r24a-15: "non pardon c'est 13000 qu'il me doit, pas 12000. pas d'échéance" was noted as the Bouches-du-Rhône.
- r24a-04: "celle du 9-3" at the Saint-Denis choice was dropped (read as 09 where read at all).
- r24a-16: "vous êtes la chambre de quel département ? moi c'est Tours": Tours not kept.

A number said as money is never a place; "le 9-3" is the 93; a known town said as "moi c'est X" is the place. Real
trackers for the validations. (A département put right after the case: test_round24_places_after_case.py.)"""

from __future__ import annotations

import pytest

import places
from actions.handoff_actions import ValidateHandoffForm
from actions.triage_actions import ValidateTriageSlots
from intake.facts import extract_facts, is_place_mention
from places.resolve import number_said_as_money, resolve
from tests.support.trackers import at_the_deadline_question, bot, consented, run, slot_events, texts, tracker, user

SUMS = [
    # (words, the number said as money)
    ("et non pardon c'est 16000 pas 14000, j'avais oublié les majorations", "16000"),
    ("non pardon c'est 13000 qu'il me doit, pas 12000. pas d'échéance", "13000"),
    ("c'est 16000 pas 14000 avec les pénalités", "16000"),
    ("non c'est 31000 que je devais, pas 30000", "31000"),
    ("pardon c'est 13000 € pas 12000", "13000"),
    ("en fait c'est 16 000 euros", "16000"),
    ("il me réclame 59000", "59000"),
    ("non c'est 13000 balles pas 12000", "13000"),
    ("c'est 16000€ au total", "16000"),
    ("oups c'est 33000 pas 35000 le montant", "33000"),
]


@pytest.mark.parametrize("words, number", SUMS)
def test_a_number_said_as_money_is_never_a_place(words, number):
    assert number_said_as_money(words, number)
    assert places.find_in_text(words).departement is None
    assert "departement" not in extract_facts(words)
    assert not is_place_mention(number, words)


def test_the_town_said_before_the_sum_put_right_is_the_place():
    words = "je suis a Rezé a coté de nantes. et non pardon c'est 16000 pas 14000, j'avais oublié les majorations"
    found = places.find_in_text(words)
    assert (found.departement, found.said) == ("44", "Rezé")
    assert extract_facts(words)["departement"] == "44"


@pytest.mark.parametrize(
    "words, code",
    [
        ("non pardon c'est 63000 pas 63100", "63"),
        ("non pas 62000 c'est 59000", "59"),
        ("Aurillac 15000", "15"),
        ("non c'est le 15", "15"),
        ("code postal 16000", "16"),
    ],
)
def test_postcodes_put_right_without_money_stay_places(words, code):
    assert resolve(words).departement == code or places.find_in_text(words).departement == code


@pytest.mark.parametrize(
    "first, words, known",
    [
        (
            "je suis plaquiste a Rezé, l'urssaf me réclame 14000",
            "et non pardon c'est 16000 pas 14000, les majorations",
            "44",
        ),
        ("un client ne me paie pas, je suis à Rodez", "non pardon c'est 13000 qu'il me doit, pas 12000", "12"),
        ("un client me doit de l'argent", "non pardon c'est 13000 qu'il me doit, pas 12000. pas d'échéance", None),
    ],
)
def test_a_sum_put_right_at_the_deadline_question_leaves_the_place(first, words, known):
    slots = {"requested_slot": "deadline"}
    if known:
        slots["departement"] = known
    current = tracker(at_the_deadline_question(first, words, known), slots=slots, active_loop="situation_form")
    dispatcher, result = run(ValidateTriageSlots(), current)
    assert slot_events(result).get("departement", known) == known
    assert not any("Bouches-du-Rhône" in said or "Charente" in said for said in texts(dispatcher))


@pytest.mark.parametrize(
    "words, number",
    [
        ("et non pardon c'est 16000 pas 14000, j'avais oublié les majorations", "16000"),
        ("non pardon c'est 13000 qu'il me doit, pas 12000. pas d'échéance", "13000"),
        ("c'est 16000 € en fait", "16000"),
    ],
)
def test_a_sum_tagged_as_a_place_by_the_extractor_leaves_the_place_known(words, number):
    from rasa_sdk.executor import CollectingDispatcher

    from actions.intake_actions import ValidateSituationForm

    events = [
        user("plaquiste à Rezé"),
        {"event": "slot", "name": "departement", "value": "44"},
        {"event": "slot", "name": "requested_slot", "value": "deadline"},
        bot("Avez-vous une date limite proche ?"),
        user(words, "inform", entities=[{"entity": "departement", "value": number}]),
        {"event": "slot", "name": "departement", "value": number},
    ]
    current = tracker(events, {"departement": number, "requested_slot": "deadline"}, "situation_form")
    dispatcher = CollectingDispatcher()
    answer = ValidateSituationForm().validate_departement(number, dispatcher, current, {})
    assert answer.get("departement") == "44"
    assert not any("Charente" in said or "Bouches" in said for said in texts(dispatcher))


# ------------------------------------------------------------------ places dropped without a word (finding 3)

SAINT_DENIS = ["Saint-Denis (974)", "Saint-Denis (93)", "Saint-Denis (11)"]


@pytest.mark.parametrize("words", ["celle du 9-3", "le 9-3", "celle du 9 3", "dans le 9-3", "9-3"])
def test_the_neuf_trois_picks_seine_saint_denis_at_the_choice(words):
    from actions.conversation import SKIPPED

    filled = consented(
        departement=None,
        phone="+33612345678",
        case_reference="RL-TEST01",
        email=SKIPPED,
        callback_slot="le matin",
        place_choices=SAINT_DENIS,
        place_unread="carreleur à Saint-Denis",
    )
    events = [
        user("carreleur à Saint-Denis, plus de commandes"),
        bot("Plusieurs communes portent ce nom. Laquelle est la vôtre ?"),
        user(words, "inform"),
        {"event": "slot", "name": "departement", "value": words},
    ]
    current = tracker(events, {**filled, "departement": words, "requested_slot": "departement"}, "handoff_form")
    _, result = run(ValidateHandoffForm(), current, {})
    assert slot_events(result).get("departement") == "93"


@pytest.mark.parametrize(
    "words, code",
    [
        ("celle du 9-3", "93"),
        ("je suis dans le 9-3", "93"),
        ("dans le 9-4 a Créteil", "94"),
        ("vous êtes la chambre de quel département ? moi c'est Tours", "37"),
        ("moi c'est Tours", "37"),
        ("moi c'est à Limoges", "87"),
        ("moi, c'est Saint-Quentin", "02"),
    ],
)
def test_places_said_in_other_words_are_read(words, code):
    assert places.find_in_text(words).departement == code


@pytest.mark.parametrize(
    "words",
    ["moi c'est Nancy", "moi c'est Paul", "moi c'est Marie", "les 2-3 jours", "du 1-5 janvier", "moi c'est tout"],
)
def test_names_and_ranges_are_no_places(words):
    assert places.find_in_text(words).departement is None
