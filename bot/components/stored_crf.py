"""Rasa's CRF entity extractor, loaded from its trained models instead of trained again at every start.

Rasa 3.6 stopped pickling the CRFs (for safety) and stores the featurised training set instead, so each
load trains them again: 9 s of every Rasa start on these 2-core machines (py-spy on `rasa run`). This
subclass also stores each trained CRF in crfsuite's own binary format (weights and labels, no code to
execute) and opens that at load. Training and predictions are Rasa's own, unchanged.

Its constructor sets what Rasa's sets, without calling `rasa.utils.train_utils` for the one line that splits
entities by comma: that module imports TensorFlow (Keras callbacks for the models that train with it), and this
call was the only reason a Rasa server loaded TensorFlow at all (bot/lazy_imports.py). The attributes are those
of Rasa's constructor for every form of the option (tests/unit/bot/test_stored_crf.py compares them).
"""

from __future__ import annotations

import logging
import shutil
from typing import TYPE_CHECKING, Any

import sklearn_crfsuite
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.crf_entity_extractor import CRFEntityExtractor, CRFToken
from rasa.shared.nlu.constants import (
    ENTITY_ATTRIBUTE_GROUP,
    ENTITY_ATTRIBUTE_ROLE,
    ENTITY_ATTRIBUTE_TYPE,
    METADATA,
    METADATA_INTENT,
    SPLIT_ENTITIES_BY_COMMA,
    SPLIT_ENTITIES_BY_COMMA_DEFAULT_VALUE,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.utils.io import dump_obj_as_json_to_file, read_json_file

if TYPE_CHECKING:
    from sklearn_crfsuite import CRF

logger = logging.getLogger(__name__)

ORDER_FILE = "crf_order.json"


def split_entities_config(option: bool | dict[str, Any]) -> dict[str, Any]:
    """rasa.utils.train_utils.init_split_entities(option, SPLIT_ENTITIES_BY_COMMA_DEFAULT_VALUE), as Rasa 3.6
    writes it: a bool applies to every entity; a dict names entities, and the others take the default (the dict
    itself is completed and returned, as Rasa does)."""
    if isinstance(option, bool):
        return {SPLIT_ENTITIES_BY_COMMA: option}
    option[SPLIT_ENTITIES_BY_COMMA] = SPLIT_ENTITIES_BY_COMMA_DEFAULT_VALUE
    return option


def entities_unannotated(message: Message) -> bool:
    intent_metadata = (message.get(METADATA) or {}).get(METADATA_INTENT) or {}
    return isinstance(intent_metadata, dict) and intent_metadata.get("entities") == "unannotated"


def _model_file(tag_name: str) -> str:
    return f"crf_{tag_name}.crfsuite"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class StoredCRFEntityExtractor(CRFEntityExtractor):
    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        entity_taggers: dict[str, CRF] | None = None,
    ) -> None:
        """CRFEntityExtractor.__init__ (Rasa 3.6), with its call to train_utils.init_split_entities written out."""
        self.component_config = config
        self._model_storage = model_storage
        self._resource = resource
        self.entity_taggers: Any = entity_taggers  # as untyped as in Rasa: None until trained
        self.crf_order = [ENTITY_ATTRIBUTE_TYPE, ENTITY_ATTRIBUTE_ROLE, ENTITY_ATTRIBUTE_GROUP]
        self._validate_configuration()
        self.split_entities_config = split_entities_config(config[SPLIT_ENTITIES_BY_COMMA])

    def filter_trainable_entities(self, entity_examples: list[Message]) -> list[Message]:
        """Rasa's filter, less the examples whose entities were never annotated (nlu/voices/, intent metadata
        `entities: unannotated`): the CRF would learn their towns and trades as words that are no entity."""
        kept: list[Message] = super().filter_trainable_entities(
            [m for m in entity_examples if not entities_unannotated(m)]
        )
        return kept

    def persist(self, dataset: list[list[CRFToken]]) -> None:
        with self._model_storage.write_to(self._resource) as model_dir:
            trained = [name for name in self.crf_order if name in self.entity_taggers]
            dump_obj_as_json_to_file(model_dir / ORDER_FILE, trained)
            for tag_name in trained:
                # sklearn-crfsuite trains into a file of crfsuite's format; that file is the model.
                shutil.copyfile(self.entity_taggers[tag_name].modelfile.name, model_dir / _model_file(tag_name))

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> StoredCRFEntityExtractor:
        try:
            with model_storage.read_from(resource) as model_dir:
                crf_order = read_json_file(model_dir / ORDER_FILE)
                taggers = {}
                for tag_name in crf_order:
                    tagger = sklearn_crfsuite.CRF(model_filename=str(model_dir / _model_file(tag_name)))
                    # Opened now: crfsuite reads the whole file into memory, the directory may go.
                    tagger.tagger_  # noqa: B018 - the property opens the file
                    taggers[tag_name] = tagger
        except ValueError:
            # No resource: the training data had no entity (Rasa's own extractor behaves the same).
            logger.debug("No trained CRF in the model for %s.", resource.name)
            return cls(config, model_storage, resource)
        extractor = cls(config, model_storage, resource, taggers)
        extractor.crf_order = crf_order
        return extractor
