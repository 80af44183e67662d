"""A deterministic safety net after the learned intent classifier, graduated like the triage.

The triage's sign table (`triage.distress`, the same one the triage slots use, so the two never
disagree) decides first:

- level 1 (explicit) or 2 (indirect warning sign: burden, farewells, settling affairs...): the intent
  becomes `express_distress` whatever the classifier predicted, so the crisis rule fires;
- level 3 (ambiguous distress: exhaustion, despair, "envie de tout arrêter"): `express_overwhelm`,
  which asks directly whether the person thinks about suicide;
- someone bereaved by suicide, without a sign of their own: `express_bereavement` (the 3114 is for
  relatives too).

The classifier alone never raises the crisis path: on an independent evaluation set DIET was
confidently wrong on business despair ("je vois pas d'autre issue pour la boîte", 0.9999). When it is
confident, its `express_distress` becomes `express_overwhelm` (the direct question: a level 3 fired by
the model); when it is not ("hier", 0.48), the next intent of the ranking is used.

Each decision is added to the parse data as `crisis_guard` ({"level", "rules", "source"}) and logged
with its level and rule ids, never the message text.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from guidance.glossary import term_asked
from triage.answers import says_unsafe
from triage.distress import AMBIGUOUS, INDIRECT, find_signs, is_bereaved_by_suicide, model_may_ask

logger = logging.getLogger(__name__)

DISTRESS_INTENT = "express_distress"
CHECK_IN_INTENT = "express_overwhelm"
BEREAVEMENT_INTENT = "express_bereavement"
GUARDED = (DISTRESS_INTENT, CHECK_IN_INTENT, BEREAVEMENT_INTENT)
DECISION_KEY = "crisis_guard"
# The guard's rule id when the writer says they are not safe (no sign of the table: the safety question's answer).
NOT_SAFE_SAID = "not_safe_said"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class CrisisGuard(GraphComponent):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # The classifier's confidence above which one of the guarded intents without lexical sign is kept
        # (express_distress then becomes the direct question, never the crisis path).
        return {"classifier_only_threshold": 0.85}

    def __init__(self, config: dict[str, Any]) -> None:
        self.classifier_only_threshold = config["classifier_only_threshold"]

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> CrisisGuard:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):
                continue  # a button payload says its intent itself
            decision = self._decide(message, text)
            if decision is not None:
                message.set(DECISION_KEY, decision, add_to_output=True)
                logger.info(
                    "crisis guard: intent=%s level=%s source=%s rules=%s",
                    decision["intent"],
                    decision["level"],
                    decision["source"],
                    ",".join(decision["rules"]),
                )
        return messages

    def _decide(self, message: Message, text: str) -> dict[str, Any] | None:
        signs = find_signs(text)
        level = signs[0].level if signs else None
        rules = [sign.rule for sign in signs if sign.level == level]
        if level is not None and level <= INDIRECT:
            return self._force(message, DISTRESS_INTENT, level, rules, "rules")
        if level == AMBIGUOUS:
            return self._force(message, CHECK_IN_INTENT, level, rules, "rules")
        if is_bereaved_by_suicide(text):
            return self._force(message, BEREAVEMENT_INTENT, None, ["bereaved_by_suicide"], "rules")
        if says_unsafe(text):
            # Round 26 (r26a-02): "je suis pas en securite" after the callback was refused was a no ("D'accord."): the
            # writer's own "not safe" goes the crisis way wherever it is said (actions/crisis_actions.py answers it with
            # the emergency numbers, and the safety recorded, when the safety question was answered before).
            return self._force(message, DISTRESS_INTENT, None, [NOT_SAFE_SAID], "rules")

        predicted = message.get(INTENT) or {}
        name = predicted.get("name")
        if name not in GUARDED:
            return None
        confidence = predicted.get("confidence", 0.0)
        ranking = [e for e in message.get(INTENT_RANKING_KEY) or [] if e.get("name") not in GUARDED]
        # The bereavement reply names suicide: only the rule, which reads a suicide in the words, may give it
        # ("ma mère est décédée il y a trois semaines" got "Le 3114 répond aussi aux proches endeuillés par un
        # suicide"). The classifier's bereavement alone is a situation told: the next intent of the ranking.
        # A word asked about ("c'est quoi le 3114 ?", "c'est quoi une liquidation ?") is no distress the classifier
        # alone may raise: the definition guard answers it.
        defined = term_asked(text) is not None
        # Round 20 (v26 bot): the classifier alone asked about suicide on plain facts ("sciatique paralysante depuis 6
        # semaines", "je vais le tuer mdr"): it may ask only where the words say some feeling or strain, and no joke.
        may_ask = model_may_ask(text)
        confident = confidence >= self.classifier_only_threshold or not ranking
        if name != BEREAVEMENT_INTENT and not defined and confident and may_ask:
            return self._force(message, CHECK_IN_INTENT, AMBIGUOUS, [f"model:{name}"], "model", confidence)
        if not ranking:
            return self._force(message, "describe_situation", None, [f"model:{name}"], "model", confidence)
        message.set(INTENT, ranking[0], add_to_output=True)
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return None

    @staticmethod
    def _force(
        message: Message, intent: str, level: int | None, rules: list[str], source: str, confidence: float = 1.0
    ) -> dict[str, Any]:
        force_intent(message, intent, confidence)
        return {"intent": intent, "level": level, "rules": rules, "source": source}


def force_intent(message: Message, intent: str, confidence: float = 1.0) -> None:
    """The message's intent becomes ``intent``, first of its ranking (the guards' decisions)."""
    forced = {"name": intent, "confidence": confidence}
    others = [e for e in message.get(INTENT_RANKING_KEY) or [] if e.get("name") != intent]
    message.set(INTENT, forced, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [forced, *others], add_to_output=True)
