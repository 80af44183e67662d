"""Round 15 (make run s15-z3, r15b-03): after the crisis path for someone close, the news that the person was reached
("c'est bon il a rappelé, il est chez sa soeur"), read as request_human, started the consent for the chamber's call.
It is news: relief and the line for later, and the offer stays open. Real trackers and the real form validation."""

from __future__ import annotations

import pytest

from actions.handoff_actions import ValidateHandoffForm
from actions.intake_actions import ActionGreet, ActionStopConversation
from guidance.crisis import reached_reply
from tests.support.handoff_form import DOMAIN, SITUATION
from tests.support.trackers import bot, run, slot_events, texts, tracker, user
from triage.answers import person_reached

OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle ?"


def _at_the_offer(typed: str, intent: str = "request_human", **slots):
    events = [
        user("mon mari dit qu'on serait mieux sans lui", "express_distress"),
        bot(OFFER),
        {"event": "slot", "name": "requested_slot", "value": "wants_advisor"},
        user(typed, intent),
        {"event": "slot", "name": "wants_advisor", "value": True},
    ]
    current = {
        **SITUATION,
        "distress": True,
        "person_at_risk": "mon mari",
        "wants_advisor": True,
        "requested_slot": "wants_advisor",
        **slots,
    }
    return tracker(events, slots=current, active_loop="handoff_form")


@pytest.mark.parametrize(
    "typed",
    ["c'est bon il a rappelé, il est chez sa soeur", "il est rentré, il dort", "ouf je l'ai eu au téléphone, ça va"],
)
def test_news_that_the_person_was_reached_is_no_request_for_the_call(typed):
    dispatcher, produced = run(ValidateHandoffForm(), _at_the_offer(typed), DOMAIN)
    assert texts(dispatcher) == [reached_reply()]
    assert slot_events(produced)["wants_advisor"] is None


@pytest.mark.parametrize(
    "typed",
    ["il est rentré, vous pouvez me rappeler ?", "je veux bien qu'on me rappelle, il est rentré"],
)
def test_a_call_asked_with_the_news_is_still_a_yes(typed):
    dispatcher, produced = run(ValidateHandoffForm(), _at_the_offer(typed), DOMAIN)
    assert reached_reply() not in texts(dispatcher)
    assert slot_events(produced).get("wants_advisor") is True


@pytest.mark.parametrize(
    "typed", ["il est là mais il va pas bien", "elle est rentrée, elle pleure", "il rappelle jamais", "elle est partie"]
)
def test_worry_or_absence_is_no_news_of_relief(typed):
    assert not person_reached(typed)


def test_without_anyone_at_risk_the_words_are_read_as_before():
    dispatcher, _ = run(ValidateHandoffForm(), _at_the_offer("il a rappelé hier", person_at_risk=None), DOMAIN)
    assert reached_reply() not in texts(dispatcher)


def test_the_news_after_the_promise_to_call_the_line_is_no_request_either():
    """make run s15-z4: after "ok j'appelle" no question was pending; request_human started the form at the consent."""
    current = _at_the_offer("c'est bon il a rappelé, il est chez sa soeur", requested_slot=None)
    dispatcher, produced = run(ValidateHandoffForm(), current, DOMAIN)
    assert texts(dispatcher) == [reached_reply()]
    assert slot_events(produced)["wants_advisor"] is None


def test_the_news_makes_a_not_safe_answer_unsure_for_the_case():
    """make run s15-z5: the case still said "pas en sécurité selon ce proche" after the news that he was reached."""
    current = _at_the_offer("c'est bon il a rappelé, il est chez sa soeur", safe_now="not_safe")
    _, produced = run(ValidateHandoffForm(), current, DOMAIN)
    assert slot_events(produced)["safe_now"] == "unsure"


def test_the_news_leaves_a_safe_answer_as_it_was():
    current = _at_the_offer("il est rentré, il dort", safe_now="safe")
    _, produced = run(ValidateHandoffForm(), current, DOMAIN)
    assert "safe_now" not in slot_events(produced)


def test_the_news_read_as_a_goodbye_whose_c_est_bon_is_a_yes_is_no_request_either():
    """make run s15-z6: "c'est bon je l'ai eu au téléphone, il est chez nos parents" at the offer, read as goodbye; its
    "c'est bon" was the yes to the call (action_stop_conversation), and the consent came."""
    current = _at_the_offer(
        "c'est bon je l'ai eu au téléphone, il est chez nos parents", "goodbye", safe_now="not_safe"
    )
    current.slots.pop("wants_advisor", None)
    dispatcher, produced = run(ActionStopConversation(), current)
    assert texts(dispatcher) == [reached_reply()]
    slots = slot_events(produced)
    assert slots.get("wants_advisor") is None and slots["safe_now"] == "unsure"
    assert produced[-1] == {"event": "followup", "timestamp": None, "name": "handoff_form"}


def _greeted_after_the_crisis_path(typed: str, **slots):
    events = [
        user("mon mari dit qu'on serait mieux sans lui", "express_distress"),
        *({"event": "slot", "name": name, "value": value} for name, value in SITUATION.items()),
        bot("Appelez le 3114."),
        user(typed, "greet"),
    ]
    return tracker(events, slots={**SITUATION, "distress": True, "person_at_risk": "mon mari", **slots})


def test_the_news_read_as_a_greeting_gets_relief_not_a_welcome_back():
    """r15b-03: "c'est bon il est rentré" with no question pending, read as greet, got "Bonjour, je suis toujours là"."""
    dispatcher, produced = run(
        ActionGreet(), _greeted_after_the_crisis_path("c'est bon il est rentré", safe_now="not_safe")
    )
    assert texts(dispatcher) == [reached_reply()]
    slots = slot_events(produced)
    assert slots["safe_now"] == "unsure" and "wants_advisor" not in slots


def test_a_greeting_without_news_is_still_a_welcome_back():
    dispatcher, _ = run(ActionGreet(), _greeted_after_the_crisis_path("rebonjour"))
    assert texts(dispatcher) and reached_reply() not in texts(dispatcher)


@pytest.mark.parametrize(
    "typed",
    [
        "je sais pas s'il est en securite il repond pas au tel depuis ce matin",  # r16b-13: got "Quel soulagement"
        "j'espère qu'elle est chez sa soeur, elle répond plus",
        "on sait pas s'il est rentré",
    ],
)
def test_a_doubt_or_no_answer_is_no_news_of_relief(typed):
    assert not person_reached(typed)
