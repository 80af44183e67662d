"""Round 22 (farewell): leaving, taking time, and a moment or a number the bot cannot take.

r22b-05, r22b-18: a goodbye said with the phone number was ignored (the e-mail asked of someone gone, no reference;
"pardon , merci bonne soirée" stored as the moment of the call). r22b-06: "bon jv y aller la, merci" got "Je suis
toujours là ... je vous repose la question". r22b-10, r22b-03: "je vais réfléchir" got "Prenez votre temps. Je vous
repose la question" and the question at once. r22b-01, r22b-05, r22a-04: the question asked twice after a moment out of
hours or a number refused; a number with digits missing or in excess asked again without a word on it; a moment out of
hours said noted, refused only once the case was saved."""

from __future__ import annotations

import pytest

from actions.handoff import moment_said_with
from actions.handoff_actions import (
    GOODBYE_WITH_CASE,
    TIME_TO_THINK,
    ValidateHandoffForm,
    number_problem_text,
)
from actions.intake_actions import ActionStopConversation
from intake.answers import is_closing
from tests.support.action_services import stored_cases
from tests.support.trackers import bot, consented, run, slot_events, tracker, user

PHONE_QUESTION = "À quel numéro de téléphone peut-il vous joindre ?"
EMAIL_QUESTION = "Voulez-vous aussi laisser une adresse e-mail ? C'est facultatif."
TIME_QUESTION = (
    "À quel moment préférez-vous qu'un conseiller vous appelle ? Les conseillers appellent du lundi au vendredi, "
    "de 8 h à 17 h."
)
CONSENT_QUESTION = "Êtes-vous d'accord pour que je garde votre prénom, votre numéro et ce que vous m'avez dit ?"


def _answer(words: str, asked: str, question: str, extracted: dict | None = None, intent: str = "inform", **slots):
    """The form's validation over the artisan's words, with what Rasa's mappings extracted from them."""
    extracted = extracted or {}
    events = [user("la banque m'a coupé le découvert"), bot(question), user(words, intent)]
    events += [{"event": "slot", "name": name, "value": value} for name, value in extracted.items()]
    values = {**consented(**{"contact_name": "Karim", **slots}), **extracted, "requested_slot": asked}
    values.pop("departement", None)
    return run(ValidateHandoffForm(), tracker(events, slots=values, active_loop="handoff_form"))


def _said(dispatcher) -> list[str]:
    return [message.get("text") or "" for message in dispatcher.messages]


# --- 1. A farewell with the number: the case made, its reference, a goodbye; never a moment -----------------------


@pytest.mark.parametrize(
    "words",
    [
        "07 52 12 12 12 merci au revoir",
        "pardon 06 45 78 12 34, merci bonne soirée",
        "0645781234 bonne soiree a vous",
        "06.45.78.12.34 bon jv y aller la, merci",
        "c le 06 45 78 12 34, je vous laisse bonne journee",
        "06 45 78 12 34 allez jy vais, merci pour tout",
        "zero six quarante cinq 78 12 34 ok merci a+",
    ],
)
def test_a_farewell_with_the_number_ends_with_the_reference(words: str) -> None:
    dispatcher, events = _answer(words, "phone", PHONE_QUESTION)
    slots = slot_events(events)
    said = _said(dispatcher)
    assert slots["requested_slot"] is None
    assert slots.get("callback_slot") in (None, "dès que possible")
    assert not any("e-mail" in text for text in said)
    assert any(slots["case_reference"] in text for text in said)
    assert said[-1] == GOODBYE_WITH_CASE
    assert [case.phone for case in stored_cases()] == ["+33645781234"] or "07 52" in words


@pytest.mark.parametrize(
    "words",
    [
        "06 45 78 12 34",
        "06 45 78 12 34 merci",
        "06 45 78 12 34 c'est mon portable",
        "06 45 78 12 34 vous m'appelez quand ?",
    ],
)
def test_the_number_alone_or_with_a_thanks_goes_on_to_the_next_question(words: str) -> None:
    dispatcher, events = _answer(words, "phone", PHONE_QUESTION)
    slots = slot_events(events)
    assert slots["phone"] == "+33645781234"
    assert slots["requested_slot"] == "email"
    assert GOODBYE_WITH_CASE not in _said(dispatcher)


@pytest.mark.parametrize(
    "words",
    ["pardon 06 45 78 12 34, merci bonne soirée", "merci bonne soirée", "passez une bonne soirée", "bon aprem a vous"],
)
def test_a_good_wish_is_never_a_moment(words: str) -> None:
    assert moment_said_with(words) is None


@pytest.mark.parametrize(
    "words, moment",
    [
        ("bonne soirée, rappelez moi le soir", "rappelez moi le soir"),
        ("06 45 78 12 34 plutot le matin", "plutot le matin"),
        ("plutot en soirée", "plutot en soirée"),
    ],
)
def test_a_moment_said_with_a_good_wish_is_kept(words: str, moment: str) -> None:
    assert moment_said_with(words) == moment


# --- 2. Farewells in SMS spelling and with slips of the keyboard ------------------------------------------------------


@pytest.mark.parametrize(
    "words",
    [
        "bon jv y aller la, merci",
        "jv y aller",
        "j vais y aller",
        "jy vais",
        "g y vais",
        "bon g y vais merci",
        "ja vais y aller",
        "bon ben j'y vais",
        "bon ben jy vé",
        "jy go",
        "je vous laisse",
        "jvous laisse",
        "j vous laisse merci",
        "je vs laisse",
        "je te laisse",
        "bon jv vous laisser",
        "jdoi y aller",
        "jv y allé",
        "a+",
        "@+",
        "bonne soiree",
        "MERCI BONNE SOIREE",
    ],
)
def test_farewells_as_typed_on_a_phone_take_leave(words: str) -> None:
    assert is_closing(words)


@pytest.mark.parametrize(
    "words",
    [
        "je vais y réfléchir",
        "je veux partir",
        "je ve partir",
        "jv vous expliquer",
        "je vous laisse mon numéro",
        "je vs laisse mon 06",
        "je vous laisse juger",
        "jy crois pas",
        "jv pas bien",
        "g vais payer",
        "bon jv voir",
        "merci",
    ],
)
def test_look_alikes_take_no_leave(words: str) -> None:
    assert not is_closing(words)


@pytest.mark.parametrize("words", ["bon jv y aller la, merci", "ok g y vais bonne soiree", "jvous laisse"])
def test_an_sms_farewell_after_the_case_closes_with_its_reference(words: str) -> None:
    slots = consented(contact_name="Dylan", phone="+33766554433", requested_slot="email")
    events = [user("07.66.55.44.33", "inform"), bot(EMAIL_QUESTION), user(words, "goodbye")]
    dispatcher, result = run(ActionStopConversation(), tracker(events, slots=slots, active_loop="handoff_form"))
    said = _said(dispatcher)
    assert not any("toujours là" in text or "repose la question" in text for text in said)
    assert any("RL-" in text for text in said)
    assert slot_events(result)["requested_slot"] is None


# --- 3. Time to think: respected, the way on said, no question again at once ----------------------------------------


@pytest.mark.parametrize(
    "words", ["je sais pas trop, je vais réfléchir", "jsp, faut que jy réfléchisse", "bof je sais pas trop"]
)
def test_time_to_think_at_the_consent_question_is_not_followed_by_the_question(words: str) -> None:
    dispatcher, events = _answer(
        words,
        "consent_given",
        CONSENT_QUESTION,
        {"consent_given": words},
        consent_given=None,
        consent_at=None,
        contact_name=None,
    )
    assert _said(dispatcher) == [TIME_TO_THINK["consent_given"]]
    assert slot_events(events)["consent_given"] is None


@pytest.mark.parametrize(
    "words, extracted",
    [
        ("je vais réfléchir", {"phone": "je vais réfléchir"}),
        ("bon je vais réfléchir", {"phone": "bon je vais réfléchir"}),
    ],
)
def test_time_to_think_at_the_number_question_is_not_followed_by_the_question(words: str, extracted: dict) -> None:
    dispatcher, events = _answer(words, "phone", PHONE_QUESTION, extracted)
    assert _said(dispatcher) == [TIME_TO_THINK["phone"]]
    assert slot_events(events)["phone"] is None


def test_time_to_think_read_as_a_stop_at_the_number_question_waits_without_the_question() -> None:
    slots = consented(contact_name="Dylan", requested_slot="phone")
    events = [user("oui"), bot(PHONE_QUESTION), user("je vais réfléchir", "stop_conversation")]
    dispatcher, result = run(ActionStopConversation(), tracker(events, slots=slots, active_loop="handoff_form"))
    assert _said(dispatcher) == [TIME_TO_THINK["phone"]]
    assert result == []


def test_a_short_pause_still_gets_the_question_again() -> None:
    dispatcher, _ = _answer("attendez", "phone", PHONE_QUESTION, {"phone": "attendez"})
    assert _said(dispatcher) == ["Prenez votre temps. Je vous repose la question :", PHONE_QUESTION]


# --- 4. A moment out of hours, a number refused: said at once, one question --------------------------------------


@pytest.mark.parametrize(
    "words, problem",
    [
        ("06 45 78 12 3", "Je n'ai lu que 9 chiffres, il en faut 10."),
        ("06 45 78 12", "Je n'ai lu que 8 chiffres, il en faut 10."),
        ("06 45 78 12 34 56", "Ce numéro semble avoir des chiffres en trop."),
    ],
)
def test_a_number_refused_is_said_what_is_wrong_once(words: str, problem: str) -> None:
    dispatcher, events = _answer(words, "phone", PHONE_QUESTION, {"phone": words})
    assert _said(dispatcher)[0].startswith(problem)
    assert slot_events(events)["phone"] is None


def test_a_number_too_long_with_an_evening_moment_says_both_at_once() -> None:
    words = "zero six, 78 45 12 09 33 plutot le soir apres 18h"
    dispatcher, events = _answer(words, "phone", PHONE_QUESTION, {"phone": words})
    said = _said(dispatcher)
    assert not any("j'ai noté le moment" in text for text in said)
    assert said[0].startswith("Les conseillers ne peuvent pas vous appeler le soir")
    assert said[-1].startswith("Ce numéro semble avoir des chiffres en trop")
    assert sum("?" in text for text in said) == 1
    assert not slot_events(events).get("callback_slot")


def test_a_moment_in_hours_said_with_a_number_refused_is_still_noted() -> None:
    words = "06 45 78 12 3 plutot le matin"
    dispatcher, events = _answer(words, "phone", PHONE_QUESTION, {"phone": words})
    said = _said(dispatcher)
    assert any("plutot le matin" in text for text in said)
    assert said[-1].startswith("Je n'ai lu que 9 chiffres")
    assert slot_events(events)["callback_slot"] == "plutot le matin"


def test_the_problem_texts() -> None:
    assert number_problem_text("06 45 78 12 3").startswith("Je n'ai lu que 9 chiffres")
    assert number_problem_text("bonjour").startswith("Je n'ai pas reconnu ce numéro")
