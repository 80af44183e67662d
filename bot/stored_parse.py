"""What a user message's event keeps of its NLU result: the rankings shortened to their first entries.

Rasa stores in each `user` event the whole parse of the message: the ten best intents and the ten best FAQ
answers with their confidences, 1.5 of its 1.7-2.1 kB. Every call to the action server sends the whole
tracker (three calls in a form's turn), the action server parses it, and the tracker store writes it: the
rankings were most of the bytes of a conversation, read by nothing after the message was understood.

The NLU itself is unchanged: the crisis guard and the fallback classifier read the whole ranking while the
message is parsed, and `/model/parse` (the evaluation, `rasa test nlu`) answers with all of it. The stored
event keeps the chosen intent, the chosen answer, the entities, and the first STORED_RANKING_LENGTH entries
of each ranking (how close the runner-up was, when a conversation is read again).
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.nlu.constants import RESPONSE_SELECTOR_PROPERTY_NAME, RESPONSE_SELECTOR_RANKING_KEY
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY

logger = logging.getLogger("rasa.core.processor")  # Rasa's logger: its message as Rasa logs it

STORED_RANKING_LENGTH = 3


def stored_parse_data(parse_data: dict[str, Any]) -> dict[str, Any]:
    """The parse as the user event stores it: a copy whose rankings keep their first entries only (the
    parse itself is left as it is: it may be answered to an API caller)."""
    stored = dict(parse_data)
    ranking = parse_data.get(INTENT_RANKING_KEY)
    if isinstance(ranking, list):
        stored[INTENT_RANKING_KEY] = ranking[:STORED_RANKING_LENGTH]
    selectors = parse_data.get(RESPONSE_SELECTOR_PROPERTY_NAME)
    if isinstance(selectors, dict):
        stored[RESPONSE_SELECTOR_PROPERTY_NAME] = {
            name: _shortened_selector(selector) for name, selector in selectors.items()
        }
    return stored


def _shortened_selector(selector: Any) -> Any:
    if not isinstance(selector, dict) or not isinstance(selector.get(RESPONSE_SELECTOR_RANKING_KEY), list):
        return selector
    return {**selector, RESPONSE_SELECTOR_RANKING_KEY: selector[RESPONSE_SELECTOR_RANKING_KEY][:STORED_RANKING_LENGTH]}


async def handle_message_with_tracker(
    self: MessageProcessor, message: UserMessage, tracker: DialogueStateTracker
) -> None:
    """MessageProcessor._handle_message_with_tracker of Rasa 3.6.21, the event's parse data shortened."""
    if message.parse_data:
        parse_data = message.parse_data
    else:
        parse_data = await self.parse_message(message, tracker)

    # don't ever directly mutate the tracker - instead pass its events to log
    tracker.update(
        UserUttered(
            message.text,
            parse_data[INTENT],
            parse_data[ENTITIES],
            stored_parse_data(parse_data),
            input_channel=message.input_channel,
            message_id=message.message_id,
            metadata=message.metadata,
        ),
        self.domain,
    )

    if parse_data[ENTITIES]:
        self._log_slots(tracker)

    logger.debug("Logged UserUtterance - tracker now has %d events.", len(tracker.events))


_rasas = MessageProcessor._handle_message_with_tracker


def install() -> None:
    MessageProcessor._handle_message_with_tracker = handle_message_with_tracker


def uninstall() -> None:
    MessageProcessor._handle_message_with_tracker = _rasas
