"""The stored CRF extractor loads the CRFs it trained, without training them again, and finds the same entities."""

from __future__ import annotations

import copy

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.extractors.crf_entity_extractor import CRFEntityExtractor
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import FEATURE_TYPE_SEQUENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import coo_matrix

from bot.components.stored_crf import StoredCRFEntityExtractor

TOWNS = ["Lyon", "Marseille", "Rennes", "Lille", "Nantes", "Brest", "Dijon", "Tours"]
# Word shapes only: the product's spaCy part-of-speech features need a spaCy model, not the point here.
FEATURES = [["low", "title"], ["low", "bias", "prefix2", "suffix3", "title", "upper"], ["low", "title"]]


def example(text: str, town: str) -> Message:
    start = text.index(town)
    return Message(
        data={
            "text": text,
            "intent": "inform",
            "entities": [{"start": start, "end": start + len(town), "value": town, "entity": "town"}],
        }
    )


@pytest.fixture
def context():
    return ExecutionContext(GraphSchema({}), "test")


def tokenized(messages: list[Message], storage, context) -> list[Message]:
    tokenizer = WhitespaceTokenizer.create(WhitespaceTokenizer.get_default_config(), storage, Resource("tok"), context)
    tokenizer.process_training_data(TrainingData(messages))
    for message in messages:
        # Rasa's CRF trains only on featurised messages; the features themselves are not used here.
        tokens = message.get(TOKENS_NAMES[TEXT])
        message.add_features(Features(coo_matrix(np.ones((len(tokens), 1))), FEATURE_TYPE_SEQUENCE, TEXT, "test"))
    return messages


def test_loads_the_trained_crfs_without_training_again(tmp_path, context, monkeypatch):
    storage = LocalModelStorage(tmp_path)
    config = {**StoredCRFEntityExtractor.get_default_config(), "features": FEATURES}
    training = [
        example(f"{lead} {town}", town) for town in TOWNS for lead in ("je suis à", "mon atelier est à", "on habite")
    ]
    extractor = StoredCRFEntityExtractor.create(config, storage, Resource("crf"), context)
    extractor.train(TrainingData(tokenized(training, storage, context)))

    def no_training(*args, **kwargs):
        raise AssertionError("the CRFs were trained again at load")

    monkeypatch.setattr(CRFEntityExtractor, "train_model", classmethod(no_training))
    loaded = StoredCRFEntityExtractor.load(config, storage, Resource("crf"), context)

    probes = ["je suis à Toulouse", "mon atelier est à Lyon", "bonjour"]
    for_trained = tokenized([Message(data={"text": text}) for text in probes], storage, context)
    for_loaded = tokenized([Message(data={"text": text}) for text in probes], storage, context)
    extractor.process(for_trained)
    loaded.process(for_loaded)
    found = [[(e["entity"], e["value"]) for e in m.get("entities", [])] for m in for_loaded]
    assert found == [[(e["entity"], e["value"]) for e in m.get("entities", [])] for m in for_trained]
    assert ("town", "Lyon") in found[1] and found[2] == []


def test_a_model_without_entities_loads_an_empty_extractor(tmp_path, context):
    storage = LocalModelStorage(tmp_path)
    config = {**StoredCRFEntityExtractor.get_default_config(), "features": FEATURES}
    loaded = StoredCRFEntityExtractor.load(config, storage, Resource("never-trained"), context)
    message = tokenized([Message(data={"text": "je suis à Lyon"})], storage, context)
    assert loaded.process(message)[0].get("entities", []) == []


def test_examples_whose_entities_were_never_annotated_teach_the_crf_nothing(tmp_path, context):
    # The same towns, unannotated in as many examples of another voice (nlu/voices/): left out, the towns are still
    # found; taken in, they would be taught as words that are no entity.
    storage = LocalModelStorage(tmp_path)
    config = {**StoredCRFEntityExtractor.get_default_config(), "features": FEATURES}
    annotated = [example(f"je suis à {town}", town) for town in TOWNS]
    unannotated = [
        Message(
            data={"text": f"{lead} {town}", "intent": "inform", "metadata": {"intent": {"entities": "unannotated"}}}
        )
        for town in TOWNS
        for lead in ("je suis à", "on est à", "je travaille à")
    ]
    extractor = StoredCRFEntityExtractor.create(config, storage, Resource("crf"), context)
    kept = extractor.filter_trainable_entities(annotated + unannotated)
    assert [m.get("text") for m in kept] == [m.get("text") for m in annotated]
    extractor.train(TrainingData(tokenized(annotated + unannotated, storage, context)))
    probe = tokenized([Message(data={"text": "je suis à Lille"})], storage, context)
    assert [(e["entity"], e["value"]) for e in extractor.process(probe)[0].get("entities", [])] == [("town", "Lille")]


@pytest.mark.parametrize(
    "split_option",
    [True, False, {"address": False}, {"address": True, "split_entities_by_comma": False}],
    ids=["all split", "none split", "one entity named", "default named too"],
)
def test_the_constructor_sets_what_rasas_sets(tmp_path, split_option):
    # Without rasa.utils.train_utils (which imports TensorFlow), the same attributes as Rasa's constructor.
    storage = LocalModelStorage(tmp_path)
    config = {**StoredCRFEntityExtractor.get_default_config(), "features": FEATURES}
    ours = StoredCRFEntityExtractor(
        {**config, "split_entities_by_comma": copy.deepcopy(split_option)}, storage, Resource("crf")
    )
    rasas = CRFEntityExtractor(
        {**config, "split_entities_by_comma": copy.deepcopy(split_option)}, storage, Resource("crf")
    )
    assert vars(ours) == vars(rasas)
    assert ours.split_entities_config is ours.component_config["split_entities_by_comma"] or isinstance(
        split_option, bool
    )  # a dict option is completed in place, as Rasa does
