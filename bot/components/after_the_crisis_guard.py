"""What the guards that come after the crisis guard share: no configuration, no training, and a message the crisis
guard decided left as it is (a sign of distress always goes first). Each says, from a table, which intent a message
has (``intent_of``) and what else the message carries (``mark``)."""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.crisis_guard import DECISION_KEY, force_intent


class AfterTheCrisisGuard(GraphComponent):
    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> AfterTheCrisisGuard:
        return cls()

    def intent_of(self, message: Message, text: str) -> str | None:
        """The intent the table gives this message, or None to leave the classifier's."""
        raise NotImplementedError

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            if message.get(DECISION_KEY) is not None:
                continue
            intent = self.intent_of(message, message.get(TEXT) or "")
            if intent is not None:
                force_intent(message, intent)
        return messages
