"""A deterministic safety net after the learned intent classifier.

Two signals decide whether a message is a crisis, so that neither depends on the other:

- the triage's distress lexicon (`triage.detect_distress`): when it recognises a risk to the
  artisan's life, the intent becomes `express_distress` whatever DIET predicted, so the crisis rule
  fires. It is the same detector the triage slots use, so the two never disagree;
- DIET alone may raise a crisis too, but only when it is confident. A less confident
  `express_distress` with no lexical sign at all ("hier", "comment on prépare sa retraite") falls back
  to the next intent of the ranking: answering those with crisis numbers would alarm an artisan who
  only answered a question.
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
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # DIET's confidence needed to raise a crisis without any lexical sign.
        return {"classifier_only_threshold": 0.85}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.classifier_only_threshold = config["classifier_only_threshold"]

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "CrisisGuard":
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):
                continue  # a button payload says its intent itself
            ranking = [
                entry for entry in message.get(INTENT_RANKING_KEY) or []
                if entry.get("name") != DISTRESS_INTENT
            ]
            if detect_distress(text):
                forced = {"name": DISTRESS_INTENT, "confidence": 1.0}
                message.set(INTENT, forced, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [forced, *ranking], add_to_output=True)
                continue
            predicted = message.get(INTENT) or {}
            if (
                predicted.get("name") == DISTRESS_INTENT
                and predicted.get("confidence", 0.0) < self.classifier_only_threshold
                and ranking
            ):
                message.set(INTENT, ranking[0], add_to_output=True)
                message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
