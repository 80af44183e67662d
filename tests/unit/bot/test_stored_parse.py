"""A user event stores the first entries of the NLU's rankings; the parse itself, the chosen intent, the chosen
FAQ answer and the entities are kept whole (bot/stored_parse.py)."""

from __future__ import annotations

import asyncio
import copy

import pytest
from rasa.core.channels.channel import UserMessage
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import stored_parse
from bot.stored_parse import STORED_RANKING_LENGTH, stored_parse_data

INTENTS = ["faq", "ask_why_question", "out_of_scope", "affirm", "express_overwhelm", "goodbye", "deny"]
ANSWERS = ["faq/is_free", "faq/who_are_you", "faq/is_bot", "faq/confidential", "faq/opening_hours"]


def a_parse(intents: int = len(INTENTS), answers: int = len(ANSWERS)) -> dict:
    ranking = [{"name": name, "confidence": 0.9 / (i + 1)} for i, name in enumerate(INTENTS[:intents])]
    return {
        "text": "c'est gratuit ?",
        "intent": dict(ranking[0]) if ranking else {"name": None, "confidence": 0.0},
        "entities": [{"entity": "organisation", "value": "URSSAF", "start": 0, "end": 6}],
        "text_tokens": [[0, 2], [2, 5]],
        "intent_ranking": ranking,
        "response_selector": {
            "all_retrieval_intents": ["faq"],
            "default": {
                "response": {"responses": [], "confidence": 0.97, "intent_response_key": "faq/is_free"},
                "ranking": [
                    {"intent_response_key": key, "confidence": 0.9 / (i + 1)} for i, key in enumerate(ANSWERS[:answers])
                ],
            },
        },
    }


@pytest.mark.parametrize(
    "intents, answers",
    [(len(INTENTS), len(ANSWERS)), (STORED_RANKING_LENGTH, STORED_RANKING_LENGTH), (1, 0), (0, 2)],
)
def test_the_stored_parse_keeps_the_first_entries_of_each_ranking_and_everything_else(intents, answers):
    parse = a_parse(intents, answers)
    before = copy.deepcopy(parse)
    stored = stored_parse_data(parse)
    assert parse == before  # the parse itself (an API answer) is not touched
    assert stored["intent_ranking"] == before["intent_ranking"][:STORED_RANKING_LENGTH]
    selector = stored["response_selector"]["default"]
    assert selector["ranking"] == before["response_selector"]["default"]["ranking"][:STORED_RANKING_LENGTH]
    assert selector["response"] == before["response_selector"]["default"]["response"]
    for key in ("text", "intent", "entities", "text_tokens"):
        assert stored[key] == before[key]
    assert stored["response_selector"]["all_retrieval_intents"] == ["faq"]


@pytest.mark.parametrize(
    "parse",
    [
        {"text": "bonjour", "intent": {"name": "greet", "confidence": 1.0}, "entities": []},
        {**a_parse(), "intent_ranking": None, "response_selector": {"default": "not a dict"}},
    ],
)
def test_a_parse_without_rankings_is_stored_as_it_is(parse):
    assert stored_parse_data(parse) == parse


class FakeProcessor:
    """What _handle_message_with_tracker uses of a MessageProcessor."""

    def __init__(self, parse: dict) -> None:
        self.parse = parse
        self.domain = Domain.empty()
        self.logged_slots = 0

    async def parse_message(self, message: UserMessage, tracker: DialogueStateTracker) -> dict:
        return self.parse

    def _log_slots(self, tracker: DialogueStateTracker) -> None:
        self.logged_slots += 1


@pytest.mark.parametrize("given_parse", [False, True])
def test_the_user_event_stores_the_shortened_parse(given_parse):
    parse = a_parse()
    processor = FakeProcessor(parse)
    message = UserMessage(
        "c'est gratuit ?",
        input_channel="rest",
        message_id="m1",
        metadata={"a": 1},
        parse_data=parse if given_parse else None,
    )
    tracker = DialogueStateTracker("artisan", [])
    asyncio.run(stored_parse.handle_message_with_tracker(processor, message, tracker))
    (event,) = tracker.events
    assert isinstance(event, UserUttered)
    assert (event.text, event.intent_name, event.input_channel, event.message_id) == (
        "c'est gratuit ?",
        "faq",
        "rest",
        "m1",
    )
    assert event.entities == parse["entities"]
    assert len(event.parse_data["intent_ranking"]) == STORED_RANKING_LENGTH
    assert event.parse_data["response_selector"]["default"]["response"]["intent_response_key"] == "faq/is_free"
    assert len(event.as_dict()["parse_data"]["response_selector"]["default"]["ranking"]) == STORED_RANKING_LENGTH
    assert len(parse["intent_ranking"]) == len(INTENTS)  # what the NLU answered stays whole
