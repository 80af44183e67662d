"""The Rasa server skips `action_ask_<slot>` when the form's validation already asked that slot in this run
(bot/form_asks.py), over real Rasa trackers."""

from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from actions.asking import ASKED_SLOT_KEY as WRITTEN_BY_THE_ACTIONS
from bot.form_asks import ASKED_SLOT_KEY, asked_in_this_run


def tracker_of(*events) -> DialogueStateTracker:
    return DialogueStateTracker.from_events("conversation", list(events))


QUESTION = BotUttered("Quel est votre métier ?", metadata={ASKED_SLOT_KEY: "trade"})


@pytest.mark.parametrize(
    "events, slot, expected",
    [
        # The validation's events follow the form's ActionExecuted in Rasa's temporary tracker.
        (
            (UserUttered("urssaf"), ActionExecuted("situation_form"), SlotSet("requested_slot", "trade"), QUESTION),
            "trade",
            True,
        ),
        # Another slot's question, or an unmarked message, is no question for this slot.
        ((UserUttered("urssaf"), ActionExecuted("situation_form"), QUESTION), "employees", False),
        (
            (UserUttered("urssaf"), ActionExecuted("situation_form"), BotUttered("Quel est votre métier ?")),
            "trade",
            False,
        ),
        # A question of an earlier run (before the latest action or user message) does not count.
        (
            (ActionExecuted("situation_form"), QUESTION, UserUttered("boulanger"), ActionExecuted("situation_form")),
            "trade",
            False,
        ),
        ((QUESTION, UserUttered("boulanger")), "trade", False),
    ],
)
def test_a_question_counts_only_when_the_current_run_asked_that_slot(events, slot, expected):
    assert asked_in_this_run(tracker_of(*events), slot) is expected


def test_both_sides_use_the_same_key():
    assert ASKED_SLOT_KEY == WRITTEN_BY_THE_ACTIONS
