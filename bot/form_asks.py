"""A form question already asked by the form's validation is not asked again by `action_ask_<slot>` (issue 18).

Rasa's FormAction runs `validate_<form>`, then `action_ask_<next slot>`: two calls to the action server for
each answer. The intake and handoff validations ask the next question themselves (actions/asking.py) and mark
its message with the slot (metadata `asked_slot`); `_ask_for_slot` then returns no event for that slot, since
the question is already among the turn's events, and calls the action server otherwise, as Rasa does.
"""

from __future__ import annotations

from typing import Any

from rasa.core.actions.forms import FormAction
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

# The key actions/asking.py writes (the action server does not import bot/, nor the Rasa server actions/).
ASKED_SLOT_KEY = "asked_slot"

_rasas_ask_for_slot = FormAction._ask_for_slot


def asked_in_this_run(tracker: DialogueStateTracker, slot_name: str) -> bool:
    """Whether a message of the form's current run (the events since the last action or user message: the
    validation's) already asks for `slot_name`."""
    for event in reversed(tracker.events):
        if isinstance(event, (ActionExecuted, UserUttered)):
            return False
        if isinstance(event, BotUttered) and (event.metadata or {}).get(ASKED_SLOT_KEY) == slot_name:
            return True
    return False


async def ask_for_slot_unless_asked(
    self: FormAction, domain: Any, nlg: Any, output_channel: Any, slot_name: str, tracker: DialogueStateTracker
) -> list[Any]:
    if asked_in_this_run(tracker, slot_name):
        return []
    events: list[Any] = await _rasas_ask_for_slot(self, domain, nlg, output_channel, slot_name, tracker)
    return events


def install() -> None:
    FormAction._ask_for_slot = ask_for_slot_unless_asked


def uninstall() -> None:
    FormAction._ask_for_slot = _rasas_ask_for_slot
