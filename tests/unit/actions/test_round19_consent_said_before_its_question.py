"""Round 19 (r19c-03, c.H1): the keeping of the data agreed to in so many words with the yes to the call, before the
consent question, is the consent: the question is not asked, the person is told what is kept, and the case is made as
soon as the number is given. New sentences and voices; near misses that stay a question, a refusal or nothing."""

from __future__ import annotations

import pytest

from actions import services
from actions.handoff_actions import ValidateHandoffForm, consent_said_before_text, read_yes_no
from intake.answers import accepts_in_words, agrees_to_keeping
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

STORY = [user("Carreleur à Vannes, les impôts me réclament 6 500 euros et je dors plus"), bot("Depuis quand ?")]
INTAKE = {"difficulty_categories": ["impots"], "urgency": "normale", "distress": False, "departement": "56"}


def turn(slots, words, intent="inform", candidates=None, history=()):
    """The form's validation on one message: the slots Rasa extracted from it are candidates."""
    events = [*STORY, *history, user(words, intent)]
    events += [{"event": "slot", "name": k, "value": v} for k, v in (candidates or {}).items()]
    current = tracker(events, {**slots, **(candidates or {})}, "handoff_form")
    dispatcher, out = run(ValidateHandoffForm(), current, DOMAIN)
    return dispatcher, out, {**slots, **(candidates or {}), **slot_events(out)}


@pytest.mark.parametrize(
    "words",
    [
        "oui rappelez-moi, et ok pour que vous gardiez mes coordonnées",
        "je veux bien être rappelée, vous pouvez garder mes infos",
        "oui qu'on m'appelle, je suis d'accord que vous conserviez mes données",
        "ok pour le rappel, c'est bon pour noter mes coordonnées",
    ],
)
def test_the_consent_said_with_the_request_is_taken_and_the_case_follows_the_number(words):
    assert agrees_to_keeping(words)
    dispatcher, _, slots = turn({**INTAKE, "requested_slot": None}, words, "request_human", {"wants_advisor": True})
    assert slots["wants_advisor"] is True and slots["consent_given"] is True and slots["consent_at"]
    assert consent_said_before_text(services.chamber()) in texts(dispatcher)
    assert slots["requested_slot"] == "contact_name"  # never "Êtes-vous d'accord ?" again
    _, _, slots = turn(slots, "Gaëtan", "inform", {"contact_name": "Gaëtan"})
    assert slots["contact_name"] == "Gaëtan" and slots["requested_slot"] == "phone"
    _, _, slots = turn(slots, "06 71 22 48 90", "inform", {"phone": "06 71 22 48 90"})
    assert slots["case_reference"]
    [case] = stored_cases()
    assert case.phone == "+33671224890" and case.contact_name == "Gaëtan"


def test_the_consent_said_at_the_offer_is_taken_too():
    words = "oui volontiers, gardez mon numéro et ce que je vous ai dit"
    _, _, slots = turn({**INTAKE, "requested_slot": "wants_advisor"}, words, "affirm", {"wants_advisor": True})
    assert slots["consent_given"] is True and slots["requested_slot"] == "contact_name"


@pytest.mark.parametrize(
    "words",
    [
        "je suis pas d'accord pour garder mes infos",
        "vous gardez mes infos ?",
        "vous pouvez noter mes coordonnées ?",
        "d'accord pour garder mon numéro mais pas ce que j'ai dit sur ma santé",
        "si vous gardez mes données, qui les lit",
        "ne gardez pas mes infos",
        "ok pour garder mes infos, ah non en fait non",
        "d'accord pour qu'on me rappelle",
        "ok pour l'échéancier",
    ],
)
def test_near_misses_are_no_consent(words):
    assert not agrees_to_keeping(words)
    assert not accepts_in_words(words)


def test_a_request_without_the_data_words_still_asks_the_consent():
    _, _, slots = turn(
        {**INTAKE, "requested_slot": None},
        "oui je veux bien qu'on me rappelle",
        "request_human",
        {"wants_advisor": True},
    )
    assert slots.get("consent_given") is None and slots["requested_slot"] == "consent_given"


@pytest.mark.parametrize(
    "words", ["ok pour que vous notiez mes infos", "oui vous pouvez conserver mes coordonnées, pas de souci"]
)
def test_at_the_consent_question_the_same_words_are_a_yes(words):
    current = tracker([*STORY, user(words, "inform")], {"requested_slot": "consent_given", "wants_advisor": True})
    assert read_yes_no(None, current, "consent_given") is True
