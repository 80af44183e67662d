"""Round 28 (talker a): reaching a person without the bot's call. r28-a-13 ("bah alors comment je fais pour parler à
quelqu'un ?" after the consent refused: "un conseiller de la chambre pourra vous le dire"), r28-a-20 ("en fait non je
ne veux pas donner mon numéro, je préfère appeler moi-même" at the phone question: answered as a question, then the
number asked again). The chamber's number and hours come from its configuration. Real trackers."""

from __future__ import annotations

import pytest

from actions import services
from actions.ask_actions import ActionOutOfScope
from actions.handoff_actions import ValidateHandoffForm
from intake.service_questions import asks_how_to_reach_someone
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

REFUSED = "C'est entendu. Je ne transmets rien."


@pytest.mark.parametrize(
    "words",
    [
        "ben comment on fait pour joindre un conseiller alors ?",
        "et je fais comment pour avoir quelqu'un au bout du fil ?",
        "y a moyen de parler à une vraie personne ?",
    ],
)
def test_how_to_reach_someone_after_a_refusal_gets_both_ways(words):
    slots = {"difficulty_categories": ["banque"], "wants_advisor": True, "consent_given": False}
    current = tracker([user("non", "deny"), bot(REFUSED), user(words, "out_of_scope")], slots=slots)
    dispatcher, _ = run(ActionOutOfScope(), current, DOMAIN)
    said = " ".join(texts(dispatcher))
    assert services.chamber().phone in said
    assert "« conseiller »" in said
    assert "pourra vous le dire" not in said


@pytest.mark.parametrize(
    "words, asked",
    [
        ("comment je fais pour parler à quelqu'un ?", True),
        ("je veux parler à quelqu'un", False),  # the call asked for: the handoff's
        ("comment je fais pour parler à mon banquier ?", False),
        ("comment contacter l'urssaf ?", False),
    ],
)
def test_how_to_reach_someone_is_asked_in_so_many_words(words, asked):
    assert asks_how_to_reach_someone(words) is asked


def _at_the_phone(words: str, intent: str):
    slots = {**consented(), "requested_slot": "phone"}
    events = [
        {"event": "slot", "name": "requested_slot", "value": "phone"},
        bot("À quel numéro de téléphone peut-il vous joindre ?"),
        user(words, intent),
    ]
    dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    return texts(dispatcher), slot_events(produced)


@pytest.mark.parametrize(
    "words, intent",
    [
        ("non finalement je garde mon numéro, je préfère appeler moi-même", "deny"),
        ("bon finalement je vous appellerai moi-même", "inform"),
    ],
)
def test_calling_oneself_instead_at_the_phone_question_withdraws_the_request(words, intent):
    _, slots = _at_the_phone(words, intent)
    assert slots["consent_given"] is False
    assert slots["requested_slot"] is None


def test_asking_whether_one_may_call_oneself_is_answered_and_the_number_still_asked():
    said, slots = _at_the_phone("je peux appeler moi-même ?", "faq")
    assert services.chamber().phone in said[0]
    assert slots.get("consent_given") is None and slots["requested_slot"] == "phone"
