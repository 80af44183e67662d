"""After the crisis guard: a question about a word ("c'est quoi un échéancier ?", "la CCSF c'est quoi") becomes a
question about the service (intent `faq`), answered by action_answer_faq with the glossary's definition
(guidance/glossary.py), then back to where the conversation was, like any FAQ.

The classifier read such questions as anything (nlu_fallback, ask_why_question, describe_situation, another FAQ
answer): the word is in the glossary or not, which a table decides better. A message the crisis guard decided
is left as it is: a sign of distress always goes first.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.crisis_guard import DECISION_KEY, force_intent
from guidance.glossary import DEFINITION_KEY, term_asked

logger = logging.getLogger(__name__)

FAQ_INTENT = "faq"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class DefinitionGuard(GraphComponent):
    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> DefinitionGuard:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if message.get(DECISION_KEY) is not None:
                continue
            definition = term_asked(text)
            if definition is None:
                continue
            force_intent(message, FAQ_INTENT)
            message.set(DEFINITION_KEY, definition.id, add_to_output=True)
            logger.info("definition guard: %s", definition.id)
        return messages
