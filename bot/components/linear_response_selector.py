"""Chooses the answer to a retrieval intent (`faq/is_free`, ...) with Rasa's linear intent classifier.

Rasa's own ResponseSelector is a TensorFlow model; it was the last one in the pipeline once DIET gave
way to LogisticRegressionClassifier and TEDPolicy was dropped. Loading a TensorFlow model costs 8-20 s
of every Rasa start here and each prediction a graph call. This is the same scikit-learn model as the
intent classifier (features, training, skops storage inherited), trained on the sub-intents, and it
writes its choice where Rasa's ResponseSelector does, so `utter_faq` and `rasa test nlu` read it as usual.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.nlu.constants import (
    RESPONSE_SELECTOR_DEFAULT_INTENT,
    RESPONSE_SELECTOR_PREDICTION_KEY,
    RESPONSE_SELECTOR_PROPERTY_NAME,
    RESPONSE_SELECTOR_RANKING_KEY,
    RESPONSE_SELECTOR_RESPONSES_KEY,
    RESPONSE_SELECTOR_RETRIEVAL_INTENTS,
    RESPONSE_SELECTOR_UTTER_ACTION_KEY,
)
from rasa.shared.nlu.constants import INTENT_RESPONSE_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class LinearResponseSelector(LogisticRegressionClassifier):
    def _create_training_matrix(self, training_data: TrainingData) -> tuple[csr_matrix, list[str]]:
        examples = [e for e in training_data.intent_examples if e.get(INTENT_RESPONSE_KEY) and e.get(TEXT)]
        return self._create_X(examples), [e.get(INTENT_RESPONSE_KEY) for e in examples]

    def process(self, messages: list[Message]) -> list[Message]:
        if not hasattr(self.clf, "classes_"):
            return messages  # no retrieval intent in the training data
        keys = list(self.clf.classes_)
        retrieval_intents = sorted({key.split("/", 1)[0] for key in keys})
        for message, probabilities in zip(messages, self.clf.predict_proba(self._create_X(messages)), strict=True):
            ranking = sorted(zip(keys, probabilities.tolist(), strict=True), key=lambda entry: -entry[1])
            best_key, best_confidence = ranking[0]
            properties = message.get(RESPONSE_SELECTOR_PROPERTY_NAME, {})
            properties[RESPONSE_SELECTOR_RETRIEVAL_INTENTS] = retrieval_intents
            properties[RESPONSE_SELECTOR_DEFAULT_INTENT] = {
                RESPONSE_SELECTOR_PREDICTION_KEY: {
                    # The answer's text comes from the domain when `utter_faq` runs.
                    RESPONSE_SELECTOR_RESPONSES_KEY: [],
                    PREDICTED_CONFIDENCE_KEY: best_confidence,
                    INTENT_RESPONSE_KEY: best_key,
                    RESPONSE_SELECTOR_UTTER_ACTION_KEY: f"utter_{best_key}",
                },
                RESPONSE_SELECTOR_RANKING_KEY: [
                    {INTENT_RESPONSE_KEY: key, PREDICTED_CONFIDENCE_KEY: confidence}
                    for key, confidence in ranking[: self.config["ranking_length"] or None]
                ],
            }
            message.set(RESPONSE_SELECTOR_PROPERTY_NAME, properties, add_to_output=True)
        return messages
