"""Round 22 (r22a-13): a daughter writing for her father answered the direct question "non je crois pas. mais vous
pouvez l'appeler lui ? 06 11 22 33 44" and her question got no answer (the 3114 line, then the offer again). Asked to
call the person ("vous pouvez l'appeler lui ?", "un conseiller pourrait la contacter ?", "c'est lui qu'il faut
appeler"), the reply says the person is called only with their agreement and the writer can be called back, before
the offer. The numbers, the case and "laissez-moi": test_round22_relative_numbers.py.

Real trackers and the real action; sentences written for these tests."""

from __future__ import annotations

import pytest

from actions.crisis_actions import ActionAfterClearNo, asks_to_call_them
from guidance.crisis import call_them_reply, clear_no_reply
from tests.support.trackers import bot, run, texts, tracker, user

FIRST = "bonsoir, j'ecris pour mon pere qui est boulanger, il a des dettes partout et il dit plus rien"
DIRECT_QUESTION = "Je vous pose la question simplement : craignez-vous que votre père pense au suicide ?"
OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"
SENDER = "round22-relative"
ASKED_FOR_HIM = [
    "non je pense pas. mais vous pourriez l'appeler lui ? 06 47 21 38 95",
    "non. vs pouvez l apeler? 0647213895",
    "je crois pas non... un conseiller pourrait le contacter ? son portable c'est le 06 47 21 38 95",
    "non pas a ce point. appelez le directement, 06.47.21.38.95",
    "Non, je ne pense pas. Est-ce que vous pouvez le rappeler au 06 47 21 38 95 ?",
    "non. c'est lui qu'il faut appeler",
]


@pytest.mark.parametrize(
    "words, asked",
    [
        ("mais vous pouvez l'appeler lui ?", True),
        ("vs pouvez l apeler?", True),
        ("un conseiller pourrait la contacter ?", True),
        ("c'est lui qu'il faut appeler", True),
        ("appelez-le plutot", True),
        ("appelez le 3114", False),
        ("je vais l'appeler ce soir", False),
        ("vous pouvez me rappeler ?", False),
        ("appelez la chambre", False),
        ("non je crois pas", False),
    ],
)
def test_asked_to_call_the_person(words, asked):
    assert asks_to_call_them(words) is asked


# ------------------------------------------------------------------- the question answered after the clear no


def _after_the_clear_no(words: str, person: str | None = "mon père", paused: str = "handoff_form"):
    events = [
        user(FIRST if person else "je suis boulanger, j'ai des dettes partout", "describe_situation"),
        bot(OFFER),
        user("oui mais c'est lui qu'il faut appeler. j'ai peur pour lui" if person else "je suis a bout", "affirm"),
        {"event": "action", "name": "action_check_in"},
        bot(DIRECT_QUESTION),
        user(words, "inform"),
    ]
    slots = {"paused_form": paused, "suicide_thoughts": "clear_no", "person_at_risk": person, "distress": False}
    return tracker(events, slots=slots, sender_id=SENDER)


@pytest.mark.parametrize("words", ASKED_FOR_HIM)
def test_the_relatives_question_is_answered_after_the_no(words):
    dispatcher, _ = run(ActionAfterClearNo(), _after_the_clear_no(words))
    said = texts(dispatcher)
    assert said == [f"Merci pour votre réponse. {call_them_reply('mon père')}"]
    assert "votre père qu'avec son accord" in said[0] and "vous rappeler, vous" in said[0]


@pytest.mark.parametrize("words", ["non je crois pas", "non, il dit juste qu'il est fatigue"])
def test_a_plain_no_keeps_its_reply(words):
    dispatcher, _ = run(ActionAfterClearNo(), _after_the_clear_no(words))
    assert texts(dispatcher) == [clear_no_reply("mon père")]
