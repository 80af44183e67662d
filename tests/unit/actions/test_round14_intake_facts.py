"""Round 14 (testers talking to the bot), over real trackers and the real actions: an answer that names no legal form
is never stored as one; a past date is never the deadline to come; "mi janvier", "fin janvier", "début février",
"courant mars" are deadlines; an amount said before the amount question is not asked again."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest
import yaml
from rasa_sdk.executor import CollectingDispatcher

from actions import services
from actions.conversation import SKIPPED
from actions.intake import OFFER_SKIP, QUESTION_EXAMPLES, SKIPPED_ACK
from actions.intake_actions import PAST_DATE_SAID, ValidateSituationForm
from actions.triage_actions import ValidateTriageSlots
from ops.settings import REPO_ROOT
from tests.support.trackers import asked, bot, run, slot_events, texts, tracker, user

DOMAIN = {"forms": yaml.safe_load((REPO_ROOT / "bot/domain/intake.yml").read_text(encoding="utf-8"))["forms"]}
TODAY = date(2026, 12, 5)  # a Saturday
FIRST = "l'urssaf me réclame 5200 euros"


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch):
    monkeypatch.setattr(services, "chamber_today", lambda: TODAY)


def at_question(slot: str, answers: list[str], value=None, entities=None, first: str = FIRST, intent="inform"):
    """The validation of the last of ``answers`` at ``slot``'s question (each earlier one followed by the question
    again); ``value``: what the slot mapping gave (the words, or an entity's value)."""
    events = [user(first)]
    for words in answers:
        events += [{"event": "slot", "name": "requested_slot", "value": slot}, bot(f"question {slot}")]
        events.append(user(words, intent, entities=entities))
    current = tracker(events, slots={"requested_slot": slot}, active_loop="situation_form")
    dispatcher = CollectingDispatcher()
    result = getattr(ValidateSituationForm(), f"validate_{slot}")(
        answers[-1] if value is None else value, dispatcher, current, {}
    )
    return dispatcher, result


# --- 1. the legal form -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "words",
    [
        "c'est ma femme qui gère ça",
        "c ma femme ki soccupe de tt ca",
        "le comptable doit savoir ca",
        "euh je sais plus trop",
        "c'est au nom de ma femme",
        "j'ai peur de tout perdre vous savez",
    ],
)
def test_words_that_name_no_legal_form_are_not_stored_and_the_question_goes_on(words):
    dispatcher, result = at_question("legal_form", [words])
    assert result == {"legal_form": None}
    assert texts(dispatcher) == [QUESTION_EXAMPLES["legal_form"]]  # what the question asks, with examples
    dispatcher, result = at_question("legal_form", [words, words])
    assert result == {"legal_form": SKIPPED}  # the second time: passed, never a loop
    assert texts(dispatcher) == [SKIPPED_ACK]


@pytest.mark.parametrize(
    "words",
    ["j'ai surtout peur pour mes salariés", "vous êtes de la chambre ?", "pourquoi vous demandez ca"],
)
def test_another_subject_or_a_question_back_at_the_legal_form_is_never_stored(words):
    dispatcher, result = at_question("legal_form", [words])
    assert not result.get("legal_form")
    assert texts(dispatcher)  # answered, the conversation goes on


@pytest.mark.parametrize(
    "words, stored",
    [
        ("sarl", "sarl"),
        ("une petite sarl avec mon frere", "sarl"),
        ("en nom propre", "en nom propre"),
        ("je suis à mon compte", "je suis à mon compte"),
        ("auto entrepreneur", "auto entrepreneur"),
        ("c'est une société", "société"),
        ("euh en individuel", "en individuel"),
        ("je suis gérant majoritaire", "je suis gérant majoritaire"),
    ],
)
def test_words_that_name_or_describe_a_legal_form_are_stored(words, stored):
    dispatcher, result = at_question("legal_form", [words])
    assert result == {"legal_form": stored}
    assert texts(dispatcher) == []


def test_a_legal_form_entity_misread_by_the_extractor_is_not_stored():
    words = "c'est ma femme qui gère ça"
    _, result = at_question("legal_form", [words], value="femme")
    assert result == {"legal_form": None}


def test_a_legal_form_entity_said_at_another_question_is_kept_only_when_it_names_a_form():
    events = [
        user(FIRST),
        {"event": "slot", "name": "requested_slot", "value": "since_when"},
        bot("Depuis quand cette situation dure-t-elle ?"),
        user("depuis 3 mois, ma femme gère les papiers"),
    ]
    current = tracker(events, slots={"requested_slot": "since_when"}, active_loop="situation_form")
    validate = ValidateSituationForm().validate_legal_form
    assert validate("ma femme", CollectingDispatcher(), current, {}) == {"legal_form": None}
    assert validate("sarl", CollectingDispatcher(), current, {}) == {"legal_form": "sarl"}


# --- 2. a past date at the deadline question -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "words, when",
    [
        ("c'était le 15 novembre", "dimanche 15 novembre"),
        ("l'échéance était lundi dernier", "lundi 30 novembre"),
        ("ct le 15 novembre je crois", "dimanche 15 novembre"),
        ("euh c etait le 15 septembre", "mardi 15 septembre"),  # never next year's 15 September
        ("le prelevement est passé le 30/11", "lundi 30 novembre"),  # never "le 30" of next month
        ("le 15 novembre", "dimanche 15 novembre"),
    ],
)
def test_a_past_date_is_said_back_and_never_stored_as_the_deadline(words, when):
    dispatcher, result = at_question("deadline", [words])
    assert result == {"deadline": None}
    assert texts(dispatcher) == [PAST_DATE_SAID.format(when)]


def test_a_past_date_tagged_by_the_extractor_is_not_the_deadline_either():
    words = "c'était le 15 novembre"
    entities = [{"entity": "date", "value": "15 novembre", "start": 11, "end": 22}]
    _, result = at_question("deadline", [words], value="15 novembre", entities=entities)
    assert result == {"deadline": None}


def test_past_dates_again_and_again_offer_to_pass_then_pass_the_question():
    dispatcher, result = at_question("deadline", ["c'était le 15 novembre", "l'échéance était lundi dernier"])
    assert result == {"deadline": None}
    assert OFFER_SKIP in texts(dispatcher)[0]


@pytest.mark.parametrize(
    "words, stored",
    [
        ("le 15 décembre", "le mardi 15 décembre"),  # to come: stored as before
        ("c'était le 15 novembre mais il faut payer avant le 20", "le dimanche 20 décembre"),
    ],
)
def test_a_date_to_come_is_still_the_deadline(words, stored):
    dispatcher, result = at_question("deadline", [words])
    assert result == {"deadline": stored}
    assert texts(dispatcher) == []


def test_a_no_with_a_past_date_is_no_deadline_known():
    _, result = at_question("deadline", ["non c'était le 15 novembre"], value="aucune échéance connue", intent="deny")
    assert result == {"deadline": "aucune échéance connue"}


def test_a_past_date_said_in_the_first_message_is_not_kept_as_the_deadline():
    # The extractor tags "15 novembre" as a date, which fills the deadline slot from any message.
    words = "l'urssaf m'a relancé le 15 novembre, je dois 5200 euros"
    events = [user(words, entities=[{"entity": "date", "value": "15 novembre"}])]
    current = tracker(events, slots={"deadline": "15 novembre"}, active_loop="situation_form")
    result = ValidateSituationForm().validate_deadline("15 novembre", CollectingDispatcher(), current, {})
    assert result == {"deadline": None}


# --- 3. parts of a month ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "words, stored",
    [
        ("mi janvier", "mi-janvier (vers le vendredi 15 janvier)"),
        ("vers la mi-janvier normalement", "mi-janvier (vers le vendredi 15 janvier)"),
        ("fin janvier", "fin janvier (d'ici le dimanche 31 janvier)"),
        ("pour fin janvier je crois", "fin janvier (d'ici le dimanche 31 janvier)"),
        ("début février", "début février (vers le lundi 1er février)"),
        ("debut fevrier", "début février (vers le lundi 1er février)"),
        ("courant mars", "courant mars (vers le lundi 15 mars)"),
    ],
)
def test_a_part_of_a_month_is_understood_as_the_deadline(words, stored):
    dispatcher, result = at_question("deadline", [words])
    assert result == {"deadline": stored}
    assert texts(dispatcher) == []  # never asked again


# --- 4. an amount said before the amount question --------------------------------------------------------------------


def _triage(first: str):
    events = [user(first)]
    _, produced = run(ValidateTriageSlots(), tracker(events))
    return events + produced, slot_events(produced)


@pytest.mark.parametrize(
    "first, creditors",
    [
        ("bonjour j'ai 8 500 euros de retard à l'urssaf", "URSSAF 8 500 €"),
        ("bjr, l'urssaf, j'ai 8500 euros de retard et je m'en sors plus", "URSSAF 8500 €"),
        ("j'ai 8 500 euros de retard de cotisations, je m'en sors plus", "URSSAF 8 500 €"),
        ("je m'en sors plus, j'ai 8500 euros de dettes", "8500 €"),
        ("on me reclame 8500 euros et je peux pas payer", "8500 €"),
    ],
)
def test_an_amount_said_first_is_noted_and_the_amount_question_is_skipped(first, creditors):
    events, slots = _triage(first)
    assert slots["creditors"] == creditors
    # The form at its first question, the deadline (or the first that applies), answered with a no.
    question = "deadline" if "deadline" in _required(events, slots) else _required(events, slots)[0]
    events += [{"event": "slot", "name": "requested_slot", "value": question}, bot(f"question {question}")]
    events += [user("non", "deny"), {"event": "slot", "name": question, "value": "aucune échéance connue"}]
    current = tracker(
        events,
        slots={**slots, "requested_slot": question, question: "aucune échéance connue"},
        active_loop="situation_form",
    )
    dispatcher = CollectingDispatcher()
    asyncio.run(ValidateSituationForm().run(dispatcher, current, DOMAIN))
    assert asked(dispatcher) != "creditors"
    assert "creditors" not in _required(events, {**slots, question: "aucune échéance connue"})


def _required(events, slots):
    current = tracker(events, slots=slots, active_loop="situation_form")
    return asyncio.run(ValidateSituationForm().required_slots([], CollectingDispatcher(), current, DOMAIN))


def test_without_an_amount_said_the_amount_question_is_asked():
    events, slots = _triage("je m'en sors plus avec l'activité, la tréso est à zéro")
    assert "creditors" not in slots
    assert "creditors" in _required(events, slots)


def test_who_is_owed_said_after_the_amount_keeps_the_amount():
    events = [
        user("j'ai 8 500 euros de retard"),
        {"event": "slot", "name": "creditors", "value": "8 500 €"},
        {"event": "slot", "name": "requested_slot", "value": "since_when"},
        bot("Depuis quand cette situation dure-t-elle ?"),
        user("depuis l'été, c'est l'urssaf qui me relance"),
        {"event": "slot", "name": "creditors", "value": "URSSAF"},
    ]
    current = tracker(
        events, slots={"requested_slot": "since_when", "creditors": "URSSAF"}, active_loop="situation_form"
    )
    result = ValidateSituationForm().validate_creditors("URSSAF", CollectingDispatcher(), current, {})
    assert result == {"creditors": "URSSAF 8 500 €"}
