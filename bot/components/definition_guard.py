"""After the crisis guard: a question about a word ("c'est quoi un échéancier ?", "la CCSF c'est quoi") becomes a
question about the service (intent `faq`), answered by action_answer_faq with the glossary's definition
(guidance/glossary.py), then back to where the conversation was, like any FAQ.

The classifier read such questions as anything (nlu_fallback, ask_why_question, describe_situation, another FAQ
answer): the word is in the glossary or not, which a table decides better. A message the crisis guard decided
is left as it is: a sign of distress always goes first.
"""

from __future__ import annotations

import logging

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from bot.components.after_the_crisis_guard import AfterTheCrisisGuard
from guidance.glossary import DEFINITION_KEY, term_asked

logger = logging.getLogger(__name__)

FAQ_INTENT = "faq"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class DefinitionGuard(AfterTheCrisisGuard):
    def intent_of(self, message: Message, text: str) -> str | None:
        definition = term_asked(text)
        if definition is None:
            return None
        message.set(DEFINITION_KEY, definition.id, add_to_output=True)
        logger.info("definition guard: %s", definition.id)
        return FAQ_INTENT
