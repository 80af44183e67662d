"""Round 26 (issue 13): "oui" to "Êtes-vous en sécurité en ce moment ?", then "en fait non" as the very next message, at
the callback offer that followed the yes. It was read as the offer refused and the person stayed "en sécurité"; it is
the yes taken back: not safe, a short crisis answer (the numbers, not the whole crisis reply again), then a human. Over
real trackers and the real handoff validation. Sentences written for these tests, the way people type."""

from __future__ import annotations

import re

import pytest

from actions.crisis_actions import SAFE_TAKEN_BACK_HUMAN, ActionCrisisResponse, safe_taken_back_reply
from actions.handoff_actions import ValidateHandoffForm
from guidance.crisis import SAFETY_QUESTION
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

MONDAY_10H = "2026-12-07T10:00:00+01:00"
OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle ?"
FIRST = "je suis à bout, ce serait plus simple si je me réveillais pas"


def _crisis_reply_lines() -> list[str]:
    """What the crisis reply says to the first message, as the real action says it."""
    dispatcher, _ = run(ActionCrisisResponse(), tracker([user(FIRST, "express_distress")]))
    return [text for text in texts(dispatcher) if text]


def _after_a_yes_to_safety(yes: str, typed: str, intent: str = "deny", person: str | None = None, later: bool = False):
    events = [
        user(FIRST, "express_distress"),
        {"event": "action", "name": "action_crisis_response"},
        bot("Merci de me l'avoir confié. Vous pouvez appeler le 3114 dès maintenant."),
        bot("Êtes-vous en sécurité en ce moment ?"),
        user(yes, "affirm"),
        {"event": "action", "name": "safety_form"},
        {"event": "slot", "name": "safe_now", "value": "safe"},
        {"event": "action", "name": "action_after_safety_answer"},
        bot("Je suis soulagé de le lire."),
        bot(OFFER),
    ]
    if later:  # another message came between the yes and these words
        events += [user("c'est gratuit ?", "ask_cost"), bot("Oui, c'est gratuit."), bot(OFFER)]
    events += [user(typed, intent), {"event": "slot", "name": "wants_advisor", "value": False}]
    slots = {
        "distress": True,
        "urgency": "critique",
        "safe_now": "safe",
        "requested_slot": "wants_advisor",
        "wants_advisor": False,
        "person_at_risk": person,
    }
    return tracker(events, slots=slots, active_loop="handoff_form")


TAKEN_BACK = [
    ("oui", "en fait non"),
    ("oui ça va", "enfin non pas vraiment"),
    ("oui", "Non en fait."),
    ("ouais", "bah finalement non"),
    ("oui oui", "enfait non"),  # SMS, glued
    ("oui", "euh en vrai non pas du tout"),
    ("oui je crois", "pas vraiment en fait"),
    ("oui", "en fait non je sais pas"),
    ("Oui, en sécurité", "à vrai dire non"),  # the button's words, then dictated
]


@pytest.mark.parametrize("yes, typed", TAKEN_BACK)
def test_a_yes_to_safety_taken_back_is_not_safe_with_a_short_crisis_answer(yes, typed, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", MONDAY_10H)
    dispatcher, events = run(ValidateHandoffForm(), _after_a_yes_to_safety(yes, typed), DOMAIN)
    said = texts(dispatcher)
    assert said == [safe_taken_back_reply()]
    assert all(number in said[0] for number in ("15", "112", "3114", "114 par SMS"))
    assert len(re.findall(r"[.!?](?:\s|$)", said[0])) <= 3
    # Not the crisis reply restarted: none of its lines, and no safety question again.
    assert not set(said) & set(_crisis_reply_lines())
    assert SAFETY_QUESTION not in said
    produced = slot_events(events)
    assert produced["safe_now"] == "not_safe"
    # A human: the callback offer stays open, emptied so that the form asks it again (the "non" refused no call).
    assert "wants_advisor" in produced and produced["wants_advisor"] is None


def test_someone_close_taking_back_a_yes_gets_the_relatives_words(monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", MONDAY_10H)
    dispatcher, events = run(
        ValidateHandoffForm(),
        _after_a_yes_to_safety("oui il est là", "enfin non pas vraiment", person="mon mari"),
        DOMAIN,
    )
    [said] = texts(dispatcher)
    assert "votre mari" in said and "15" in said
    assert slot_events(events)["safe_now"] == "not_safe"


@pytest.mark.parametrize(
    "typed",
    [
        "non",  # a no to the callback offer it answers
        "non merci",
        "pas vraiment",
        "non pas vraiment",
        "en fait non merci pas besoin de conseiller",
        "en fait non je préfère pas qu'on m'appelle",
    ],
)
def test_a_no_to_the_offer_stays_a_refusal_of_the_call(typed, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", MONDAY_10H)
    dispatcher, events = run(ValidateHandoffForm(), _after_a_yes_to_safety("oui", typed), DOMAIN)
    assert safe_taken_back_reply() not in texts(dispatcher)
    assert slot_events(events).get("safe_now") != "not_safe"


def test_only_the_next_message_takes_the_yes_back(monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", MONDAY_10H)
    dispatcher, events = run(ValidateHandoffForm(), _after_a_yes_to_safety("oui", "en fait non", later=True), DOMAIN)
    assert safe_taken_back_reply() not in texts(dispatcher)
    assert SAFE_TAKEN_BACK_HUMAN not in " ".join(texts(dispatcher))
    assert slot_events(events).get("safe_now") != "not_safe"
