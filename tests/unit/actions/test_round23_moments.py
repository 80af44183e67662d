"""Round 23 (make run, 2026-12-06): the moments offered for the call refused in words.

"aucune de celles-ci" at "À quel moment préférez-vous qu'un conseiller vous appelle ?" was stored as the time of the
call while the case promised "dès que possible"; the person's own moment is asked for instead.
"""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.asking import ASKED_SLOT_KEY
from actions.handoff_actions import OWN_MOMENT_ASKED, ValidateHandoffForm
from tests.support.trackers import bot, consented, tracker, user


def at_moment_question(words: str) -> tuple[CollectingDispatcher, dict]:
    events = [
        user("la banque me relance"),
        bot("À quel numéro ?"),
        user("06 78 45 12 90", "inform"),
        bot("À quel moment préférez-vous qu'un conseiller vous appelle ?"),
        user(words, "inform"),
    ]
    slots = {**consented(), "phone": "+33678451290", "requested_slot": "callback_slot"}
    dispatcher = CollectingDispatcher()
    result = ValidateHandoffForm().validate_callback_slot(words, dispatcher, tracker(events, slots, "handoff_form"), {})
    return dispatcher, result


@pytest.mark.parametrize(
    "words", ["aucune de celles-ci", "Aucun de ces moments", "ni l'un ni l'autre", "non aucun ne me va", "aucun"]
)
def test_none_of_the_moments_offered_asks_for_the_persons_own(words):
    dispatcher, result = at_moment_question(words)
    assert result == {"callback_slot": None}
    assert [message["text"] for message in dispatcher.messages] == [OWN_MOMENT_ASKED]
    assert dispatcher.messages[-1][ASKED_SLOT_KEY] == "callback_slot"  # the form does not ask its question again


def test_a_bare_no_to_the_moment_is_no_preference():
    _, result = at_moment_question("non")
    assert result == {"callback_slot": "dès que possible"}


@pytest.mark.parametrize("words", ["mardi 10h", "plutôt le matin"])
def test_a_moment_said_is_still_the_moment(words):
    _, result = at_moment_question(words)
    assert result["callback_slot"] not in (None, "dès que possible")


def test_a_moment_after_refusing_the_offered_ones_is_read():
    dispatcher, result = at_moment_question("aucun ne me convient, plutot le soir")
    assert result == {"callback_slot": None}
    assert "8 h à 17 h" in dispatcher.messages[0]["text"]  # the evening is outside the hours: said, not stored
