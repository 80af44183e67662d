"""The linear response selector picks the FAQ answer and writes it where Rasa's `utter_faq` reads it."""

from __future__ import annotations

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.components.linear_response_selector import LinearResponseSelector

FAQ = {
    "faq/is_free": ["c'est gratuit", "est-ce payant", "combien ça coûte", "il faut payer quelque chose"],
    "faq/phone_number": [
        "quel est votre numéro",
        "je peux vous téléphoner",
        "un numéro de téléphone",
        "appeler la chambre",
    ],
}
# Ordinary intents are not answers: the selector must not learn them.
OTHER = {"describe_situation": ["l'urssaf me réclame des cotisations", "la banque a coupé mon découvert"]}


class Pipeline:
    def __init__(self, path):
        self.storage = LocalModelStorage(path)
        self.context = ExecutionContext(GraphSchema({}), "test")
        self.tokenizer = WhitespaceTokenizer.create(
            WhitespaceTokenizer.get_default_config(), self.storage, Resource("tok"), self.context
        )
        self.featurizer = CountVectorsFeaturizer.create(
            {**CountVectorsFeaturizer.get_default_config(), "analyzer": "char_wb", "min_ngram": 2, "max_ngram": 4},
            self.storage,
            Resource("cvf"),
            self.context,
        )
        self.config = {**LinearResponseSelector.get_default_config(), "random_state": 42}

    def train(self) -> LinearResponseSelector:
        messages = [
            Message(data={"text": text, "intent": "faq", "intent_response_key": key})
            for key, texts in FAQ.items()
            for text in texts
        ]
        messages += [
            Message(data={"text": text, "intent": intent}) for intent, texts in OTHER.items() for text in texts
        ]
        data = TrainingData(messages)
        self.tokenizer.process_training_data(data)
        self.featurizer.train(data)
        self.featurizer.process_training_data(data)
        selector = LinearResponseSelector.create(self.config, self.storage, Resource("faq"), self.context)
        selector.train(data)
        return selector

    def select(self, selector: LinearResponseSelector, text: str) -> dict:
        message = Message(data={"text": text})
        self.tokenizer.process([message])
        self.featurizer.process([message])
        selector.process([message])
        return message.get("response_selector")


@pytest.fixture
def pipeline(tmp_path):
    return Pipeline(tmp_path)


@pytest.mark.parametrize(
    "text, answer",
    [
        ("c'est gratuit ?", "faq/is_free"),
        ("ça coûte combien", "faq/is_free"),
        ("votre numéro de téléphone", "faq/phone_number"),
    ],
)
def test_picks_the_answer_in_rasa_s_format(pipeline, text, answer):
    selected = pipeline.select(pipeline.train(), text)

    assert selected["all_retrieval_intents"] == ["faq"]
    prediction = selected["default"]["response"]
    assert prediction["intent_response_key"] == answer
    assert prediction["utter_action"] == f"utter_{answer}"  # what Rasa's utter_faq action reads
    ranking = selected["default"]["ranking"]
    assert {entry["intent_response_key"] for entry in ranking} == set(FAQ)  # never an ordinary intent
    assert ranking[0]["confidence"] == prediction["confidence"] > ranking[1]["confidence"]


def test_the_stored_model_answers_the_same(pipeline):
    trained = pipeline.train()
    loaded = LinearResponseSelector.load(pipeline.config, pipeline.storage, Resource("faq"), pipeline.context)

    for text in ("c'est gratuit ?", "je voudrais vous appeler"):
        assert pipeline.select(loaded, text) == pipeline.select(trained, text)


def test_without_faq_examples_nothing_is_selected(pipeline):
    selector = LinearResponseSelector.create(pipeline.config, pipeline.storage, Resource("empty"), pipeline.context)
    assert pipeline.select(selector, "c'est gratuit ?") is None


def _select_with_intent(pipeline, selector, text):
    message = Message(
        data={
            "text": text,
            "intent": {"name": "faq", "confidence": 0.9},
            "intent_ranking": [{"name": "faq", "confidence": 0.9}, {"name": "inform", "confidence": 0.1}],
        }
    )
    pipeline.tokenizer.process([message])
    pipeline.featurizer.process([message])
    selector.process([message])
    return message


@pytest.mark.parametrize(
    "text, minimum, intent",
    [
        ("c'est gratuit ?", None, "faq"),  # a question it knows: answered
        ("quel est votre numéro", None, "faq"),
        ("c'est gratuit ?", 0.999, "nlu_fallback"),  # no answer likely enough: not understood, never a wrong answer
        ("xq zw", 0.999, "nlu_fallback"),
    ],
)
def test_a_question_no_answer_fits_is_not_understood_rather_than_answered_wrong(pipeline, text, minimum, intent):
    if minimum is not None:
        pipeline.config["minimum_confidence"] = minimum
    message = _select_with_intent(pipeline, pipeline.train(), text)
    assert message.get("intent")["name"] == intent
    ranking = [entry["name"] for entry in message.get("intent_ranking")]
    assert ranking[0] == intent and ranking.count("faq") == (1 if intent == "faq" else 0)
