"""An answer that fits another handoff question is kept for that question, never lost, never stored as this
one's ("demain matin" to the e-mail question was refused as a bad address), over real trackers and the real
form validation action."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import callback_time, contact_answers
from actions.handoff_actions import ValidateHandoffForm
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, slot_events, texts, tracker, user

CONSENTED = {
    "wants_advisor": True,
    "consent_given": True,
    "consent_at": "2026-12-01T10:00:00+00:00",
    "difficulty_categories": ["banque"],
    "urgency": "normale",
    "distress": False,
    "departement": "62",
}


def at_question(requested: str, words: str, filled: dict, **slots) -> tuple[CollectingDispatcher, dict]:
    """The form's validation of ``words`` said at ``requested`` (``filled``: what Rasa's mappings put in)."""
    events = [user("la banque m'a coupé le découvert"), bot("?"), user(words, "inform")]
    events += [{"event": "slot", "name": name, "value": value} for name, value in filled.items()]
    current = tracker(events, slots={**CONSENTED, **slots, **filled, "requested_slot": requested})
    current.active_loop = {"name": "handoff_form"}
    dispatcher = CollectingDispatcher()
    with ThreadPoolExecutor(max_workers=1) as pool:
        produced = pool.submit(asyncio.run, ValidateHandoffForm().run(dispatcher, current, DOMAIN)).result()
    return dispatcher, slot_events(produced)


@pytest.mark.parametrize(
    "requested, words, slots, kept, asked_next",
    [
        # The reported case: a callback time at the e-mail question.
        (
            "email",
            "demain matin",
            {"contact_name": "Karim", "phone": "+33612345678"},
            {"callback_slot": "demain matin"},
            "email",
        ),
        # An address at the phone question: kept, and the number asked again.
        ("phone", "karim@gmail.com", {"contact_name": "Karim"}, {"email": "karim@gmail.com"}, "phone"),
        # A time at the phone question.
        ("phone", "plutôt l'après-midi", {"contact_name": "Karim"}, {"callback_slot": "plutôt l'après-midi"}, "phone"),
        # A number at the callback question (a correction of the number): never stored as the time.
        (
            "callback_slot",
            "06 98 76 54 32",
            {"contact_name": "Karim", "phone": "+33612345678", "email": "non précisé"},
            {"phone": "+33698765432"},
            "callback_slot",
        ),
        # A name and a number together at the name question: both kept.
        ("contact_name", "Sophie 06 11 22 33 44", {}, {"phone": "+33611223344", "contact_name": "Sophie"}, "email"),
        # A time at the name question.
        ("contact_name", "dès que possible", {}, {"callback_slot": "dès que possible"}, "contact_name"),
    ],
)
def test_an_answer_to_another_question_is_kept_for_it_and_this_one_asked_again(
    requested, words, slots, kept, asked_next
):
    dispatcher, produced = at_question(requested, words, {requested: words}, **slots)
    for name, value in kept.items():
        assert produced[name] == value
    assert produced.get(requested) in (None, kept.get(requested))  # never the words of another question
    assert produced["requested_slot"] == asked_next
    said = " ".join(texts(dispatcher))
    assert said.startswith("Merci, j'ai noté")
    assert "ne semble pas" not in said and "pas reconnu" not in said


def test_a_number_and_a_time_together_fill_both_questions():
    _dispatcher, produced = at_question(
        "phone", "06 12 34 56 78, demain matin", {"phone": "06 12 34 56 78, demain matin"}, contact_name="Karim"
    )
    assert produced["phone"] == "+33612345678"
    assert produced["callback_slot"] == "demain matin"
    assert produced["requested_slot"] == "email"


@pytest.mark.parametrize(
    "requested, words, slot_value",
    [
        ("email", "karim@gmail.com", "karim@gmail.com"),
        ("callback_slot", "demain matin", "demain matin"),
        ("contact_name", "Karim", "Karim"),
    ],
)
def test_an_answer_to_this_question_is_read_as_before(requested, words, slot_value):
    slots = {"contact_name": "Karim", "phone": "+33612345678"} if requested != "contact_name" else {}
    if requested == "callback_slot":
        slots["email"] = "non précisé"
    dispatcher, produced = at_question(requested, words, {requested: words}, **slots)
    assert produced[requested] == slot_value
    assert not any(text.startswith("Merci, j'ai noté") for text in texts(dispatcher))


@pytest.mark.parametrize(
    "words, moment",
    [
        ("demain matin", "demain matin"),
        ("plutôt le soir après 18h", "plutôt le soir après 18h"),
        ("lundi vers 9h30", "lundi vers 9h30"),
        ("n'importe quand", "n'importe quand"),
        ("Karim", None),
        ("je ne sais pas", None),
        ("non merci", None),
        ("karim@gmail.com", None),
        ("le 12", None),
    ],
)
def test_a_moment_for_the_call_is_read_only_when_the_words_say_nothing_else(words, moment):
    assert callback_time(words) == moment


def test_contact_answers_read_each_part_of_the_words():
    assert contact_answers("06 12 34 56 78 demain matin") == {"phone": "+33612345678", "callback_slot": "demain matin"}
    assert contact_answers("karim arobase gmail point com") == {"email": "karim@gmail.com"}
    assert contact_answers("je préfère pas") == {}


@pytest.mark.parametrize(
    "requested, slots, says",
    [
        # At "Voulez-vous qu'un conseiller vous rappelle ?" a number is a yes (test_handoff_answers_off_script.py).
        ("consent_given", {"wants_advisor": True, "consent_given": None}, "Merci. Avant de noter vos coordonnées"),
        ("health_consent", {"difficulty_categories": ["sante"], "contact_name": None}, "Merci, c'est noté."),
    ],
)
def test_a_number_at_a_yes_no_question_is_acknowledged_not_misunderstood(requested, slots, says):
    words = "06 12 34 56 78"
    dispatcher, produced = at_question(requested, words, {requested: words, "phone": words}, **slots)
    assert produced.get(requested) is None
    assert texts(dispatcher)[0].startswith(says)
    assert "pas bien compris" not in " ".join(texts(dispatcher))


def test_a_time_for_the_call_to_the_callback_offer_is_a_yes_that_says_when(monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", "2026-12-08T10:00:00+01:00")  # a Tuesday: "demain" is a day the advisors call
    words = "demain matin"
    dispatcher, produced = at_question(
        "wants_advisor", words, {"wants_advisor": words}, wants_advisor=None, consent_given=None
    )
    assert produced["wants_advisor"] is True
    assert produced["callback_slot"] == "demain matin"
    assert produced["requested_slot"] == "consent_given"  # nothing is kept for the call without consent
    assert texts(dispatcher)[0] == "Merci, j'ai noté le moment de l'appel (demain matin)."
