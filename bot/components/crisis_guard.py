"""A deterministic safety net after the learned intent classifier.

A crisis must not depend on one classifier's confidence: when the triage's distress detector
recognises a risk to the artisan's life, the message's intent becomes `express_distress` whatever
DIET predicted, so the crisis rule fires. The detector is the same one the triage slots use, so the
two never disagree.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from triage import detect_distress

DISTRESS_INTENT = "express_distress"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class CrisisGuard(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "CrisisGuard":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/") or not detect_distress(text):
                continue
            overridden = {"name": DISTRESS_INTENT, "confidence": 1.0}
            ranking = [
                entry
                for entry in message.get(INTENT_RANKING_KEY) or []
                if entry.get("name") != DISTRESS_INTENT
            ]
            message.set(INTENT, overridden, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [overridden, *ranking], add_to_output=True)
        return messages
