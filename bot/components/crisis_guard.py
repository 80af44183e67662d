"""A deterministic safety net after the learned intent classifier.

Two signals decide whether a message is a crisis, so that neither depends on the other:

- the triage's distress lexicon (`triage.detect_distress`): when it recognises a risk to the
  artisan's life, the intent becomes `express_distress` whatever the classifier predicted, so the
  crisis rule fires. It is the same detector the triage slots use, so the two never disagree;
- the intent classifier alone does not raise the crisis path: on an independent evaluation set DIET
  (the classifier then) was confidently wrong on business despair ("je vois pas d'autre issue pour
  la boîte", 0.9999; "mon père en fin de vie", 0.9995). When it is confident, its `express_distress`
  becomes `express_overwhelm`, a gentle and direct check that still gives the 3114; when it is not
  ("hier", 0.48), the next intent of the ranking is used, so a plain answer is not met with crisis
  numbers.
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
CHECK_IN_INTENT = "express_overwhelm"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class CrisisGuard(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # The classifier's confidence above which a distress prediction without lexical sign gets a check-in.
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
            if predicted.get("name") != DISTRESS_INTENT:
                continue
            confidence = predicted.get("confidence", 0.0)
            if confidence >= self.classifier_only_threshold or not ranking:
                check_in = {"name": CHECK_IN_INTENT, "confidence": confidence}
                others = [e for e in ranking if e.get("name") != CHECK_IN_INTENT]
                message.set(INTENT, check_in, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [check_in, *others], add_to_output=True)
            else:
                message.set(INTENT, ranking[0], add_to_output=True)
                message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
