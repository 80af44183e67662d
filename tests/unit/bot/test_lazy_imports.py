"""bot/lazy_imports.py: a Rasa server serves our model without loading TensorFlow, and whatever needs the
deferred parts still gets them, the real ones, on first use."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types

import pytest

from bot.lazy_imports import DeferredModule, DeferredModuleFinder
from ops.settings import MODEL_PATH, REPO_ROOT

MESSAGES = [
    "Bonjour, l'URSSAF me réclame 8000 euros et je ne peux pas payer",
    "je suis boulangère à Lille, mon chiffre d'affaires a baissé de moitié",
    "comment obtenir un délai de paiement pour mes impôts ?",
]

# Run in a fresh interpreter: bot.rasa_server changes Rasa's classes for the whole process, and the test
# process may have imported TensorFlow already.
SCRIPT = """
import asyncio, copy, json, sys, tarfile
import bot.rasa_server  # noqa: F401  (as the server starts: the deferrals installed first)
from rasa.core.agent import Agent
from rasa.engine.graph import GraphSchema
from bot.lazy_imports import DeferredModule

model, messages = sys.argv[1], json.loads(sys.argv[2])
agent = Agent()
agent.load_model(model)

async def parse():
    return [await agent.parse_message(text) for text in messages]

parses = asyncio.run(parse())
found = {"entities": [[e["entity"] for e in p["entities"]] for p in parses],
         "intents": [p["intent"]["name"] for p in parses],
         "tensorflow_while_serving": "tensorflow" in sys.modules,
         "train_utils_deferred": type(sys.modules["rasa.utils.train_utils"]) is DeferredModule}

with tarfile.open(model) as archive:
    serialized = json.load(archive.extractfile("metadata.json"))["train_schema"]
train_schema = agent.processor.model_metadata.train_schema
found["train_schema_as_rasa_reads_it"] = (
    train_schema.as_dict() == GraphSchema.from_dict(copy.deepcopy(serialized)).as_dict()
    and train_schema.nodes.keys() == serialized["nodes"].keys()
)
import rasa.utils.train_utils
found["train_utils_on_use"] = rasa.utils.train_utils.init_split_entities(True, False) == {"split_entities_by_comma": True}
found["tensorflow_after_use"] = "tensorflow" in sys.modules
print(json.dumps(found))
"""


@pytest.mark.skipif(not MODEL_PATH.exists(), reason="needs the trained model (make train)")
def test_the_model_serves_without_tensorflow_and_the_deferred_parts_load_on_use():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(MODEL_PATH), json.dumps(MESSAGES)],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["tensorflow_while_serving"] is False
    assert found["train_utils_deferred"] is True  # imported by Rasa at start, never used while serving
    assert found["entities"][1]  # the CRF still finds entities ("Lille")
    assert None not in found["intents"]
    # The training schema, read when asked for, is the one Rasa reads; train_utils, once used, is itself.
    assert found["train_schema_as_rasa_reads_it"] is True
    assert found["train_utils_on_use"] is True
    assert found["tensorflow_after_use"] is True


@pytest.fixture
def toy_package(tmp_path, monkeypatch):
    """A package `toy_deferred` whose module `heavy` records in `toy_deferred.runs` each time its code runs."""
    package = tmp_path / "toy_deferred"
    package.mkdir()
    (package / "__init__.py").write_text("runs = []\n")
    (package / "heavy.py").write_text(
        "import toy_deferred\ntoy_deferred.runs.append('heavy')\nVALUE = 42\ndef twice(x):\n    return 2 * x\n"
    )
    (package / "broken.py").write_text("raise ImportError('a dependency is missing')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    finder = DeferredModuleFinder(frozenset({"toy_deferred.heavy", "toy_deferred.broken"}))
    sys.meta_path.insert(0, finder)
    yield
    sys.meta_path.remove(finder)
    for name in [name for name in sys.modules if name.startswith("toy_deferred")]:
        del sys.modules[name]


def test_a_deferred_module_runs_once_on_first_use_not_on_import(toy_package):
    import toy_deferred
    import toy_deferred.heavy
    import toy_deferred.heavy as again  # a second import reads the spec only

    assert toy_deferred.runs == []
    assert type(sys.modules["toy_deferred.heavy"]) is DeferredModule
    assert again.__name__ == "toy_deferred.heavy"
    assert toy_deferred.runs == []

    assert toy_deferred.heavy.twice(21) == toy_deferred.heavy.VALUE
    assert toy_deferred.runs == ["heavy"]
    assert type(sys.modules["toy_deferred.heavy"]) is types.ModuleType
    assert again.VALUE == 42 and toy_deferred.runs == ["heavy"]  # run once, the same module object


def test_an_attribute_set_before_the_first_use_is_kept(toy_package):
    import toy_deferred.heavy

    toy_deferred.heavy.patched = "set by a caller"
    assert toy_deferred.heavy.VALUE == 42
    assert toy_deferred.heavy.patched == "set by a caller"


def test_a_deferred_module_that_fails_raises_at_first_use_and_is_not_left_imported(toy_package):
    import toy_deferred.broken

    with pytest.raises(ImportError, match="a dependency is missing"):
        toy_deferred.broken.anything  # noqa: B018
    assert "toy_deferred.broken" not in sys.modules


def test_an_attribute_patched_before_the_first_use_stays_patched(toy_package):
    import toy_deferred.heavy

    toy_deferred.heavy.VALUE = 7
    assert toy_deferred.heavy.twice(1) == 2
    assert toy_deferred.heavy.VALUE == 7  # as a patch made after an ordinary import would stay
