"""Round 29 (r29-b-36, blocker): someone not safe, at the callback offer at night, wrote "personne répondra à cette heure
ci" and was told "Je n'ai pas bien compris". The doubt that anyone answers now is met: the 3114 answers now, every hour.
Sentences written for these tests, the way people type."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.crisis_actions import crisis_in_form_reply, long_wait_reply
from guidance.crisis import LONG_WAIT_AGAIN, long_wait_text, nobody_answers_now_text
from tests.support.trackers import bot, texts
from tests.unit.actions.test_round15_crisis_safety import _after_the_case, _at_the_offer
from triage.answers import doubts_anyone_answers_now

DOUBTS = [
    "personne répondra à cette heure ci",
    "y a personne la nuit de toute facon",
    "qui va decrocher a 3h du matin",
    "a cette heure la tout le monde dort",
    "personne ne va répondre un dimanche soir",
]


@pytest.mark.parametrize("typed", DOUBTS)
def test_the_doubt_at_the_offer_is_met_with_the_line_that_answers_now(typed):
    dispatcher = CollectingDispatcher()
    crisis_in_form_reply(dispatcher, _at_the_offer(typed, "inform", mapped=False))
    said = texts(dispatcher)
    assert said[0] == nobody_answers_now_text()
    assert "3114" in said[0] and "maintenant" in said[0] and "compris" not in " ".join(said)


@pytest.mark.parametrize("typed", DOUBTS[:2])
def test_the_doubt_after_the_case_is_met_too(typed):
    dispatcher = CollectingDispatcher()
    events = long_wait_reply(dispatcher, _after_the_case(typed))
    assert texts(dispatcher) == [nobody_answers_now_text()]
    assert events == [{"event": "followup", "timestamp": None, "name": "action_listen"}]


def test_a_relative_is_told_the_line_answers_relatives_now():
    current = _after_the_case("personne répondra à cette heure ci")
    current.slots["person_at_risk"] = "mon père"
    dispatcher = CollectingDispatcher()
    long_wait_reply(dispatcher, current)
    [said] = texts(dispatcher)
    assert "aux proches" in said and "votre père" in said and "maintenant" in said


def test_said_again_it_is_shorter():
    dispatcher = CollectingDispatcher()
    typed = "y a personne la nuit"
    long_wait_reply(dispatcher, _after_the_case(typed, extra=[bot(nobody_answers_now_text())]))
    assert texts(dispatcher) == [LONG_WAIT_AGAIN]


def test_the_long_wait_keeps_its_own_answer():
    dispatcher = CollectingDispatcher()
    long_wait_reply(dispatcher, _after_the_case("lundi c'est loin..."))
    assert texts(dispatcher) == [long_wait_text()]


@pytest.mark.parametrize(
    "typed",
    [
        "personne ne répond à la banque depuis lundi",  # no hour said: a business matter
        "je suis seul ce soir",  # no doubt about the line
        "le salon est fermé le dimanche",
        "personne m'a rappelé",
    ],
)
def test_near_misses_are_not_the_doubt(typed):
    assert not doubts_anyone_answers_now(typed)


def test_when_safe_the_doubt_gets_no_crisis_reply():
    dispatcher = CollectingDispatcher()
    assert long_wait_reply(dispatcher, _after_the_case("y a personne la nuit", safe_now="safe")) is None
    assert texts(dispatcher) == []
