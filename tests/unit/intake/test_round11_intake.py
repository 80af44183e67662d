"""Round 11 (r11a F8, r11b F6 and F9): intake facts in the wrong field, and a closing read where none was taken.

- "3 semaines" at the deadline question was stored as the deadline and as the number of employees (an entity);
  an answer to the question asked goes to that question only, and a first name alone ("Lucas") at the employees
  question is no number of employees.
- Digits of a phone number ("0033 6 98 76 54 32") became "Échéance : 76 54 32".
- "jsuis mort de fatigue mais bon ca va" read as a goodbye closed the intake; "je suis pas parti" was ignored.
Over real trackers (Tracker.from_dict) and the real form validation."""

from __future__ import annotations

from datetime import date

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.intake_actions import (
    HOW_YOU_ARE_HEARD,
    ActionAnswerOutsideQuestion,
    ActionStopConversation,
    ValidateSituationForm,
    phone_parts_undone,
)
from intake.answers import asks_for_callback, says_how_one_is, says_still_here
from intake.facts import extract_facts, names_people_at_work
from tests.support.action_services import fresh_action_services
from tests.support.trackers import bot, run, slot_events, texts, tracker, user


@pytest.fixture(autouse=True)
def fresh_services(tmp_path, monkeypatch):
    yield from fresh_action_services(tmp_path, monkeypatch)


OPENING = "je suis serrurier a Nantes, mes fournisseurs ne me livrent plus car jai des impayés"


def at_question(asked: str, words: str, known: dict | None = None, set_now: dict | None = None, intent="inform"):
    """The tracker at ``asked``'s question when ``words`` come; ``set_now``: the slots this message set (entities)."""
    events = [user(OPENING)]
    events += [{"event": "slot", "name": name, "value": value} for name, value in (known or {}).items()]
    events += [
        {"event": "slot", "name": "requested_slot", "value": asked},
        bot(f"question {asked}"),
        user(words, intent),
    ]
    events += [{"event": "slot", "name": name, "value": value} for name, value in (set_now or {}).items()]
    slots = {"requested_slot": asked, "difficulty_categories": ["fournisseurs"], **(known or {}), **(set_now or {})}
    return tracker(events, slots=slots, active_loop="situation_form")


def validate(slot: str, value, current):
    dispatcher = CollectingDispatcher()
    return dispatcher, getattr(ValidateSituationForm(), f"validate_{slot}")(value, dispatcher, current, {})


# ------------------------------------------------------------------ F8: "3 semaines" never goes to the employees


@pytest.mark.parametrize("words", ["3 semaines", "deux mois", "15 jours", "une semaine"])
def test_a_delay_at_the_deadline_question_is_the_deadline_only(words):
    current = at_question("deadline", words, set_now={"employees": words, "deadline": words})
    _, employees = validate("employees", words, current)
    assert employees == {"employees": None}  # never "Salariés : 3 semaines"
    _, deadline = validate("deadline", words, current)
    assert deadline["deadline"].startswith(f"dans {words}")  # a delay ahead, with the date it comes to


def test_what_was_known_of_the_employees_stays_when_a_delay_is_tagged_as_them():
    current = at_question("deadline", "3 semaines", known={"employees": "2 ouvriers"}, set_now={"employees": "3"})
    _, result = validate("employees", "3", current)
    assert result == {"employees": "2 ouvriers"}


@pytest.mark.parametrize("words", ["2 salariés", "j'ai une apprentie", "je bosse seul"])
def test_employees_said_at_another_question_are_still_kept(words):  # must not change
    current = at_question("deadline", words, set_now={"employees": words})
    _, result = validate("employees", words, current)
    assert result["employees"] not in (None, "")


def test_the_delay_read_is_only_at_the_deadline_question():
    today = date(2026, 12, 4)
    assert "deadline" not in extract_facts("3 semaines", today)
    assert extract_facts("depuis 3 mois", today, asked="deadline") == {"since_when": "depuis 3 mois"}
    assert extract_facts("sous 8 jours", today, asked="deadline")["deadline"].startswith("sous 8 jours")
    assert not names_people_at_work("3 semaines") and names_people_at_work("mes 2 ouvriers")


# ------------------------------------------------------------------ a first name alone at the employees question


@pytest.mark.parametrize("words", ["Lucas", "Martine", "Jean-Pierre"])
def test_a_first_name_alone_at_the_employees_question_is_no_number_of_employees(words):
    dispatcher, result = validate("employees", words, at_question("employees", words, set_now={"employees": words}))
    assert result.get("employees") in (None,)
    assert result.get("contact_name") == words
    assert f"Merci {words}" in " ".join(texts(dispatcher))


@pytest.mark.parametrize("words", ["Deux", "2", "3 salariés", "Personne", "Récemment"])
def test_a_count_capitalised_is_no_name(words):  # must not change: never a contact name
    _, result = validate("employees", words, at_question("employees", words, set_now={"employees": words}))
    assert "contact_name" not in result


# ------------------------------------------------------------------ F9: phone digits are never the deadline

CALLBACK = "je voudrais qu'un conseiller me rappelle, Julie Dupuis, 0033 6 98 76 54 32, jeudi apres midi"
SALARIES = "fin du mois (d'ici le jeudi 31 décembre)"


@pytest.mark.parametrize(
    "words, part",
    [
        (CALLBACK, "76 54 32"),
        ("mon numéro c'est le 06 12 34 56 78", "56 78"),
        ("Julie, 05.53.08.12.44", "12.44"),
    ],
)
def test_digits_of_a_phone_number_never_replace_the_deadline(words, part):
    current = at_question("legal_form", words, known={"deadline": SALARIES}, set_now={"deadline": part})
    _, result = validate("deadline", part, current)
    assert result == {"deadline": SALARIES}
    assert slot_events(phone_parts_undone(current)) == {"deadline": SALARIES}


def test_a_callback_asked_with_the_number_at_an_intake_question_undoes_the_digits_taken_for_a_date():
    current = at_question("legal_form", CALLBACK, known={"deadline": SALARIES}, set_now={"deadline": "76 54 32"})
    _, events = run(ValidateSituationForm(), current)
    slots = slot_events(events)
    assert slots["deadline"] == SALARIES
    assert slots["wants_advisor"] is True


def test_a_date_said_beside_no_phone_number_is_kept():  # must not change
    current = at_question("legal_form", "l'audience est le 15 décembre", set_now={"deadline": "le 15 décembre"})
    assert phone_parts_undone(current) == []
    _, result = validate("deadline", "le 15 décembre", current)
    assert result == {"deadline": "le 15 décembre"}


# ------------------------------------------------------------------ F6: how one is is no goodbye

TULLE = "salut, je suis menuisier a Tulle. le client paye pas la facture de 12000 depuis 3 mois"


def told(words: str, intent: str, loop: str | None = "situation_form", **slots):
    events = [
        user(TULLE),
        {"event": "slot", "name": "difficulty_categories", "value": ["impayes_clients"]},
        {"event": "slot", "name": "requested_slot", "value": "since_when" if loop else None},
        bot("Depuis quand cette situation dure-t-elle ?"),
        user(words, intent),
    ]
    known = {"difficulty_categories": ["impayes_clients"], "urgency": "normale", **slots}
    if loop:
        known["requested_slot"] = "since_when"
    return tracker(events, slots=known, active_loop=loop)


@pytest.mark.parametrize(
    "words",
    [
        "jsuis mort de fatigue mais bon ca va, c surtout la trésorerie",  # r11b-03
        "je suis crevé mais ça va, c'est surtout le client qui paye pas",
        "ça va, c'est surtout la banque qui me lâche",
        "chuis naze mais bon",
    ],
)
@pytest.mark.parametrize("intent", ["goodbye", "stop_conversation"])
def test_saying_how_one_is_never_ends_the_intake(words, intent):
    dispatcher, events = run(ActionStopConversation(), told(words, intent))
    said = " ".join(texts(dispatcher))
    assert "Prenez soin de vous" not in said and "on s'arrête" not in said
    assert HOW_YOU_ARE_HEARD in said
    assert {"event": "followup", "name": "situation_form"} in [
        {"event": e.get("event"), "name": e.get("name")} for e in events
    ]
    assert not any(e.get("event") == "active_loop" for e in events)


@pytest.mark.parametrize(
    "words, intent",
    [
        ("bon je suis crevé, je vais me coucher", "goodbye"),
        ("au revoir", "goodbye"),
        ("je suis épuisé, j'arrête là", "stop_conversation"),
        ("ça va aller merci", "goodbye"),
    ],
)
def test_a_leave_taking_is_still_one(words, intent):  # must not change
    dispatcher, events = run(ActionStopConversation(), told(words, intent))
    assert any(e.get("event") == "active_loop" and e.get("name") is None for e in events)
    said = " ".join(texts(dispatcher))
    assert HOW_YOU_ARE_HEARD not in said


@pytest.mark.parametrize(
    "words",
    [
        "euh non je suis pas parti, c'est le client qui paye pas, pas des travaux de voirie",  # r11b-03
        "non non je suis toujours là",
        "attendez j'ai pas fini",
    ],
)
def test_the_correction_after_a_misread_goodbye_takes_the_intake_up_again(words):
    dispatcher, events = run(ActionAnswerOutsideQuestion(), told(words, "deny", loop=None))
    assert any(e.get("event") == "followup" and e.get("name") == "situation_form" for e in events)
    assert "Je reste là" not in " ".join(texts(dispatcher))


def test_a_plain_no_outside_a_question_is_unchanged():  # must not change
    dispatcher, events = run(ActionAnswerOutsideQuestion(), told("non", "deny", loop=None))
    assert not any(e.get("event") == "followup" for e in events)
    assert "Je reste là" in " ".join(texts(dispatcher))


def test_the_words_read():
    assert says_how_one_is("jsuis mort de fatigue mais bon ca va, c surtout la trésorerie")
    assert not says_how_one_is("ça va aller, merci")
    assert not says_how_one_is("ça va ?")
    assert says_still_here("euh non je suis pas parti")
    assert not says_still_here("il est parti sans payer")


def test_not_gone_read_as_a_goodbye_in_the_intake_asks_the_question_again():
    dispatcher, events = run(ActionStopConversation(), told("non non je suis pas parti", "goodbye"))
    assert any(e.get("event") == "followup" and e.get("name") == "situation_form" for e in events)
    assert "Prenez soin de vous" not in " ".join(texts(dispatcher))


def test_in_the_handoff_form_a_withdrawal_said_with_how_one_is_is_still_heard():  # must not change
    current = told("je suis crevé mais ça va, annulez ma demande", "stop_conversation", loop="handoff_form")
    dispatcher, _ = run(ActionStopConversation(), current)
    assert HOW_YOU_ARE_HEARD not in " ".join(texts(dispatcher))


@pytest.mark.parametrize(
    "typed, asked",
    [
        # The yes said around the word (round 11, r11a-12: "rappel oui" read as a skip mid-intake).
        ("rappel oui", True),
        ("oui un rappel", True),
        ("un rappel oui svp", True),
        # A reminder letter is no request for our call.
        ("j'ai reçu un rappel des impôts", False),
        ("rappel de cotisations oui", False),
    ],
)
def test_a_callback_asked_with_a_yes_around_the_word(typed, asked):
    assert asks_for_callback(typed) is asked
