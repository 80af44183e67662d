"""The triage's fitted classifiers kept on disk between starts (issue 18: the action server's start).

Since the corpora grew to thousands of lines (2026-12-02), fitting the three classifiers (categories, urgency,
distress) and labelling their training data cost about 8 s of CPU at every start of the action server and in every
test process. A fit is a pure function of files: the corpora and rules of `triage/`, its code, the NLU examples of
`nlu/` it learns from, and the libraries. `fitted(name, build)` returns `build()`'s object, loaded from
`var/cache/triage/<name>-<key>.pickle` when that file exists, else built and written there for the next start. The
key hashes every file of `triage/` and `nlu/` (not only those a model reads: a change anywhere fits again, which
costs seconds, where a forgotten input would cost a wrong model) and the versions of Python, NumPy, SciPy and
scikit-learn. A missing, unreadable or stale file only means fitting again; a file is replaced whole (write, then
rename), so a reader never sees half of one. `RELAIS_TRIAGE_CACHE=off` always fits.

The files are the application's own, written by the same user into its `var/` folder: unpickling them trusts them
as Rasa trusts the model archive in `models/`. Plain pickle rather than joblib: joblib's unpickler, written in Python,
took 1 s to read the vectorisers' vocabularies.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

REPO_ROOT = Path(__file__).resolve().parents[1]
CACHE_DIR = REPO_ROOT / "var" / "cache" / "triage"  # beside bot/'s regex cache
INPUT_FOLDERS = (REPO_ROOT / "triage", REPO_ROOT / "nlu")
INPUT_SUFFIXES = (".py", ".yml", ".yaml")
Fitted = TypeVar("Fitted")
log = logging.getLogger(__name__)


@cache
def inputs_stamp() -> str:
    """What every fit depends on: the files of triage/ and nlu/ and the numeric libraries."""
    import numpy
    import scipy
    import sklearn

    digest = hashlib.sha256(f"{sys.version} {numpy.__version__} {scipy.__version__} {sklearn.__version__}".encode())
    for folder in INPUT_FOLDERS:
        for path in sorted(folder.rglob("*")):
            if path.suffix in INPUT_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(REPO_ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def cache_key(variant: str = "") -> str:
    return hashlib.sha256(f"{inputs_stamp()} {variant}".encode()).hexdigest()[:32]


def enabled() -> bool:
    return os.environ.get("RELAIS_TRIAGE_CACHE", "on").lower() not in ("off", "0", "false", "no")


def fitted(name: str, build: Callable[[], Fitted], folder: Path | None = None, variant: str = "") -> Fitted:
    """build()'s object, from the cache folder when it holds one for today's inputs, else built and kept there."""
    if not enabled():
        return build()
    folder = folder or CACHE_DIR
    path = folder / f"{name}-{cache_key(variant)}.pickle"
    try:
        with path.open("rb") as handle:
            loaded: Fitted = pickle.load(handle)  # our own file in var/, see the module's docstring
        return loaded
    except FileNotFoundError:
        pass
    except Exception:  # a damaged or foreign file: fit again and replace it
        log.warning("triage cache %s unreadable, fitting again", path.name, exc_info=True)
    model = build()
    _keep(model, folder, name, path)
    return model


def _keep(model: Any, folder: Path, name: str, path: Path) -> None:
    temporary: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{name}-", suffix=".tmp", delete=False) as handle:
            temporary = Path(handle.name)
            pickle.dump(model, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        temporary = None
        for stale in folder.glob(f"{name}-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)  # another corpus's or code's fit: never read again
    except OSError:  # a read-only or full disk: the model still works, the next start fits again
        log.warning("triage cache %s not written", path.name, exc_info=True)
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
