"""Modules that the Rasa server imports but only training runs, loaded when first used rather than at start.

Rasa 3.6 imports TensorFlow at start even when the model has no TensorFlow component (ours has none: linear
classifiers, a CRF, rule and memoization policies). The chain is a single module: `rasa.core.agent` ->
policies -> featurizers -> `rasa.nlu.extractors.extractor` -> `rasa.utils.train_utils`, whose module body
imports Rasa's Keras callbacks and batch generator (`rasa.utils.tensorflow.callback`, `.data_generator`), and
they import TensorFlow: about 2.4 s of CPU of every start, and its libraries in the memory of every worker.
`train_utils`' functions are for models that train with TensorFlow; serving our model called one of them, once
per load (Rasa's CRF constructor reads its entities-by-comma option through `train_utils.init_split_entities`),
which our extractor's constructor now does itself (bot/components/stored_crf.py). Checked at run time:
`python -m bench.start` reads /proc/PID/maps of every Rasa process after a few conversations, and
tests/unit/bot/test_lazy_imports.py loads the model and parses in a fresh interpreter.

So `rasa.utils.train_utils` is loaded lazily, as the standard library's `importlib.util.LazyLoader` does it:
importing it gives the real module object, whose code runs in full the first time one of its attributes is read
(by `rasa train`, a TensorFlow component, or a test), and then it is the module it always was. Nothing is
replaced by a stand-in: a feature that needs TensorFlow gets it, only later. LazyLoader itself cannot be used
as it is on Python 3.10: importing the module a second time (`import rasa.utils.train_utils` in
`crf_entity_extractor`, imported when the model loads) reads its `__spec__` to see whether it is still
initialising, which LazyLoader takes for a use and runs the module. Here the spec is read without running it
(the spec is the module's own, set before its code runs), and the first use runs the code under a lock, once.

Loading a model also imports TensorFlow another way: its metadata holds the graph schema it was trained with
besides the one it predicts with, and reading the metadata imports every training node's class, among them
Rasa's recipe validator, which imports DIET, the response selector and TED to compare component types. The
serving path never reads the training schema (it is for `rasa train`'s fingerprints and fine-tuning), so a
loaded model's training schema imports its classes the first time its nodes are read (`DeferredGraphSchema`):
the same schema, built by Rasa's `GraphSchema.from_dict` from the same dict, later.
"""

from __future__ import annotations

import copy
import importlib.abc
import importlib.machinery
import sys
import threading
import types
from collections.abc import Sequence
from typing import Any

# Modules imported at start whose body pulls in TensorFlow, and which serving our model never uses.
DEFERRED_MODULES = frozenset({"rasa.utils.train_utils"})

# Read by the import system on a module it finds in sys.modules: answered without running the module.
_IMPORT_SYSTEM_ATTRIBUTES = frozenset({"__spec__", "__name__"})
_run_lock = threading.RLock()


class DeferredModule(types.ModuleType):
    """A module whose code has not run yet: reading (or deleting) any other attribute runs it first."""

    def __getattribute__(self, attr: str) -> Any:
        if attr in _IMPORT_SYSTEM_ATTRIBUTES:
            return object.__getattribute__(self, attr)
        run_deferred(self)
        return getattr(self, attr)

    def __delattr__(self, attr: str) -> None:
        run_deferred(self)
        delattr(self, attr)


def run_deferred(module: types.ModuleType) -> None:
    """Runs a deferred module's code in the module object itself, once. Attributes set on it before (a caller's
    patch) are set again after its code ran, as importlib.util.LazyLoader does: as if set after an import."""
    with _run_lock:  # one thread runs it; another waits, then finds it run
        if type(module) is not DeferredModule:
            return
        spec = object.__getattribute__(module, "__spec__")
        deferred: DeferredLoader = spec.loader
        attributes_now = object.__getattribute__(module, "__dict__")
        set_since = {
            name: value
            for name, value in attributes_now.items()
            if name not in deferred.attributes_at_import or deferred.attributes_at_import[name] is not value
        }
        # Attributes read while its code runs are ordinary reads.
        module.__class__ = types.ModuleType  # type: ignore[assignment]  # narrowed to DeferredModule above
        spec.loader = module.__loader__ = deferred.loader
        try:
            deferred.loader.exec_module(module)
        except BaseException:
            sys.modules.pop(spec.name, None)  # as a failed import leaves it: not imported
            raise
        module.__dict__.update(set_since)


class DeferredLoader(importlib.abc.Loader):
    """The path finder's loader, whose exec_module only marks the module deferred: run_deferred runs it."""

    def __init__(self, loader: importlib.abc.Loader) -> None:
        self.loader = loader
        self.attributes_at_import: dict[str, Any] = {}

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        self.attributes_at_import = dict(module.__dict__)
        module.__class__ = DeferredModule


class DeferredModuleFinder(importlib.abc.MetaPathFinder):
    """Finds the named modules as the path finder does, with a loader that runs them on first use."""

    def __init__(self, names: frozenset[str]) -> None:
        self.names = names

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.names:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return None
        spec.loader = DeferredLoader(spec.loader)
        return spec


def install(names: frozenset[str] = DEFERRED_MODULES) -> None:
    """Before anything imports them (a module already imported stays as it is), and before a model loads."""
    if not any(isinstance(finder, DeferredModuleFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, DeferredModuleFinder(names))
    _install_deferred_train_schema()


# ------------------------------------------------------------------ a loaded model's training schema


def _install_deferred_train_schema() -> None:
    from rasa.engine.graph import GraphSchema
    from rasa.engine.storage.storage import ModelMetadata

    if getattr(ModelMetadata.from_dict, "defers_train_schema", False):
        return

    class DeferredGraphSchema(GraphSchema):
        """A graph schema read from its serialized dict when its nodes are first read, by GraphSchema.from_dict."""

        def __init__(self, serialized: dict[str, Any]) -> None:
            self._serialized: dict[str, Any] | None = copy.deepcopy(serialized)  # from_dict changes it in place
            self._nodes: dict[str, Any] | None = None

        @property  # the dataclass field, read-write as it was
        def nodes(self) -> dict[str, Any]:
            if self._nodes is None:
                assert self._serialized is not None
                self._nodes = GraphSchema.from_dict(self._serialized).nodes
                self._serialized = None
            return self._nodes

        @nodes.setter
        def nodes(self, nodes: dict[str, Any]) -> None:
            self._nodes, self._serialized = nodes, None

    original = ModelMetadata.from_dict.__func__  # the classmethod's function

    def from_dict(cls: type[ModelMetadata], serialized: dict[str, Any]) -> ModelMetadata:
        metadata: ModelMetadata = original(cls, {**serialized, "train_schema": {"nodes": {}}})
        metadata.train_schema = DeferredGraphSchema(serialized["train_schema"])
        return metadata

    from_dict.defers_train_schema = True  # type: ignore[attr-defined]
    ModelMetadata.from_dict = classmethod(from_dict)
