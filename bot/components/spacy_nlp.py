"""Rasa's SpacyNLP without spaCy's named-entity recogniser, which nothing in the pipeline reads.

Entities come from the CRF (`stored_crf`); spaCy gives tokens, lemmas, part-of-speech tags and the
tok2vec vectors. Its NER was 60 % of spaCy's time per message on these machines (2.34 ms against
0.95 ms without it, same tokens, lemmas, tags and vectors), a sixth of a Rasa server's CPU per turn.
Rasa itself already leaves the dependency parser out.

The French language's tokenizer patterns are compiled with each character class optimised once
(bot/regex_charsets.py): 3.7 s of CPU of every start and every training otherwise; and the one pattern of
1.45 million characters among them is compiled once per machine, its code kept in var/cache (bot/regex_cache.py):
0.8 s more.

The class keeps Rasa's name: Rasa wires SpacyTokenizer and SpacyFeaturizer to the component whose
class is named exactly `SpacyNLP` (default_recipe's `model_from`).
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.utils import spacy_utils
from rasa.nlu.utils.spacy_utils import SpacyModel

from bot.regex_cache import compiled_patterns_kept
from bot.regex_charsets import charsets_optimised_once
from ops.settings import VAR_DIR

UNUSED_PIPES = ("ner",)
REGEX_CACHE = VAR_DIR / "cache" / "regex-code.json"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.MODEL_LOADER, DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER],
    is_trainable=False,
    model_from="SpacyNLP",
)
class SpacyNLP(spacy_utils.SpacyNLP):
    @staticmethod
    def load_model(spacy_model_name: str) -> SpacyModel:
        with charsets_optimised_once(), compiled_patterns_kept(REGEX_CACHE):
            model = spacy_utils.SpacyNLP.load_model(spacy_model_name)
        for name in UNUSED_PIPES:
            if name in model.model.pipe_names:
                model.model.remove_pipe(name)
        return model
