"""Round 25 (talker A): questions asked again after they were answered. s25a-03: "non je suis tout seul. il y
a des lettres de l'urssaf ..." at "Avez-vous des salariés ?", read as a new difficulty (no slot mapping takes its words),
got the question again; s25a-06: "2 mécaniciens" in the first message, then "Oui, les deux mécaniciens, Rudy et Hakim."
("Merci, c'est noté." and the question again: the count of people named by their trade was not read, and "mécaniciens"
replaced the trade "garage"); s25a-12: "la periode d'observation finit en mars je crois" at the deadline question ("Merci,
c'est noté." and the question again: a month ahead said with "en" was read as since when, never as the deadline). Real
trackers, several voices."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import services
from actions.intake_actions import ValidateSituationForm
from actions.triage_actions import ValidateTriageSlots
from intake.facts import extract_facts
from tests.support.trackers import bot, run, slot_events, texts, tracker, user


@pytest.mark.parametrize(
    "text, employees",
    [
        ("il avait un garage à Lons-le-Saunier (réparation auto, 2 mécaniciens)", "2 mécaniciens"),
        ("Oui, les deux mécaniciens, Rudy et Hakim.", "deux mécaniciens"),
        ("oui ya 3 coiffeuses", "3 coiffeuses"),
        ("on a trois macons qui bossent avec nous", "trois macons"),
        ("jai 2 mecaniciens et un apprenti", "2 mecaniciens et un apprenti"),
        ("oui deux vendeuses virgule plus moi point", "deux vendeuses"),
    ],
)
def test_people_counted_by_their_trade_are_the_employees(text, employees):
    assert extract_facts(text).get("employees") == employees


@pytest.mark.parametrize(
    "text, trade",
    [
        ("Oui, les deux mécaniciens, Rudy et Hakim.", None),
        ("reparation auto, 2 mecaniciens", None),
        ("je suis garagiste, on a 2 mécaniciens", "garagiste"),
        ("boulangerie, mes deux boulangers sont partis", "boulangerie"),
        ("je suis mécanicien", "mécanicien"),
    ],
)
def test_a_count_of_people_is_never_the_trade(text, trade):
    assert extract_facts(text).get("trade") == trade


def _at_the_employees_question(words: str, intent: str, mapped: str | None) -> list[dict]:
    events = [
        user("je suis plombier a Vesoul, ma femme est decedee en juin, j'ouvre plus le courrier"),
        {"event": "slot", "name": "departement", "value": "70"},
        {"event": "slot", "name": "requested_slot", "value": "employees"},
        bot("Avez-vous des salariés ? Si oui, combien ?"),
        user(words, intent),
    ]
    if mapped is not None:
        events.append({"event": "slot", "name": "employees", "value": mapped})
    return events


ALONE = [
    "non je suis tout seul. il y a des lettres de l'urssaf je reconnais le logo et une du tribunal je crois",
    "je suis tout seul, et y a un courrier du tribunal",
    "non non je suis seul. par contre l'urssaf me reclame 3000",
    "je suis toute seule depuis que mon apprentie est partie, et la banque me relance",
    "tout seul. mais j'ai une lettre des impots",
]


@pytest.mark.parametrize("words", ALONE)
def test_alone_said_with_a_new_difficulty_answers_the_employees_question(words):
    current = tracker(
        _at_the_employees_question(words, "describe_situation", None),
        slots={"requested_slot": "employees", "departement": "70"},
        active_loop="situation_form",
    )
    _, events = run(ValidateTriageSlots(), current)
    assert slot_events(events).get("employees")


@pytest.mark.parametrize(
    "words",
    [
        "Oui, les deux mécaniciens, Rudy et Hakim.",
        "oui les 2 mecanos",
        "oui mes deux mécaniciens",
        "ouais 2 mecaniciens rudy et hakim",
    ],
)
def test_people_named_by_their_trade_answer_the_employees_question(words):
    current = tracker(
        _at_the_employees_question(words, "affirm", words),
        slots={"requested_slot": "employees", "departement": "70", "employees": words},
        active_loop="situation_form",
    )
    dispatcher = CollectingDispatcher()
    answer = ValidateSituationForm().validate_employees(words, dispatcher, current, {})
    assert answer.get("employees"), texts(dispatcher)
    assert "c'est noté" not in " ".join(texts(dispatcher))


LENS = "bonsoir jsuis couvreur dans le 62 a Lens. le juge a mis la boite en redressement judiciaire en septembre"
ENDS_IN_MARCH = [
    "la periode d'observation finit en mars je crois",
    "la période d'observation se termine en mars",
    "ca s'arrete en mars normalement",
    "l'observation elle finit en mars",
    "la période d'observation finit en mars virgule je crois point",
]
DEADLINE_ASKED = (
    "Avez-vous une échéance proche, comme une audience, une saisie ou des salaires à payer ? Si oui, à quelle date ?"
)


@pytest.mark.parametrize("words", ENDS_IN_MARCH)
def test_a_month_ahead_at_the_deadline_question_is_the_deadline(words):
    facts = extract_facts(words, services.chamber_today(), asked="deadline")
    assert "mars" in (facts.get("deadline") or "")
    assert "since_when" not in facts


@pytest.mark.parametrize("words", ENDS_IN_MARCH)
def test_the_deadline_question_is_answered_by_a_month_ahead(words):
    known = {"since_when": "en septembre", "departement": "62"}
    current = tracker(
        [
            user(LENS),
            *({"event": "slot", "name": name, "value": value} for name, value in known.items()),
            {"event": "slot", "name": "requested_slot", "value": "deadline"},
            bot(DEADLINE_ASKED),
            user(words, "inform"),
            {"event": "slot", "name": "deadline", "value": words},
        ],
        slots={**known, "requested_slot": "deadline", "deadline": words},
        active_loop="situation_form",
    )
    dispatcher = CollectingDispatcher()
    answer = ValidateSituationForm().validate_deadline(words, dispatcher, current, {})
    assert "mars" in (answer.get("deadline") or ""), texts(dispatcher)
