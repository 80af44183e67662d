"""Huge regular expressions compiled once per machine, not at every start: their compiled code kept in a file.

Importing `spacy.lang.fr` compiles one pattern of 1.45 million characters (its tokenizer's exceptions: about
150 alternatives, nearly each with spaCy's whole Unicode alphabet written out as a class). Even with each
class optimised once (bot/regex_charsets.py), Python's `sre_parse` reads it character by character: 0.8 s
of CPU of every Rasa start, of every `rasa train` and of every test stack, for the same 196,624 words of code.

Compiling is a pure function of the pattern, its flags and the interpreter's regular-expression engine: within
`compiled_patterns_kept(path)`, a pattern of at least MIN_PATTERN_LENGTH characters whose code the file holds,
for this very interpreter (its version and `_sre.MAGIC`), is built from that code by `_sre.compile`, exactly
as `sre_compile.compile` builds it after parsing (tests/unit/bot/test_regex_cache.py compares both); any other
is compiled as usual, and written to the file for the next start. A missing, unreadable, or foreign file only
means compiling as usual; the file is replaced whole (write then rename), so a reader never sees half of it.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # CPython's engine, with no stubs
import contextlib
import hashlib
import json
import os
import sre_compile
import sre_parse
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

MIN_PATTERN_LENGTH = 100_000
_lock = threading.RLock()


def engine_stamp() -> str:
    """What the stored code depends on besides the pattern: the interpreter and its engine's version."""
    return f"{sys.implementation.name} {sys.version} sre {_sre.MAGIC} {_sre.CODESIZE}"


def _key(pattern: str, flags: int) -> str:
    return f"{hashlib.sha256(pattern.encode('utf-8', 'surrogatepass')).hexdigest()} {flags}"


def compile_entry(pattern: str, flags: int) -> dict[str, Any]:
    """What sre_compile.compile (Python 3.10) hands to `_sre.compile` for the pattern, as JSON values."""
    parsed = sre_parse.parse(pattern, flags)
    code = sre_compile._code(parsed, flags)  # type: ignore[attr-defined]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return {
        "flags": flags | parsed.state.flags,
        "code": list(code),
        "groups": parsed.state.groups - 1,
        "groupindex": groupindex,
        "indexgroup": indexgroup,
    }


def from_entry(pattern: str, entry: dict[str, Any]) -> Any:  # a re.Pattern
    return _sre.compile(
        pattern,
        entry["flags"],
        entry["code"],
        entry["groups"],
        entry["groupindex"],
        tuple(entry["indexgroup"]),
    )


def _read(path: Path) -> dict[str, dict[str, Any]]:
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(stored, dict) or stored.get("engine") != engine_stamp():
        return {}
    patterns = stored.get("patterns")
    return patterns if isinstance(patterns, dict) else {}


def _write(path: Path, patterns: dict[str, dict[str, Any]]) -> None:
    with contextlib.suppress(OSError):  # a read-only disk: compiled again next time, nothing worse
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({"engine": engine_stamp(), "patterns": patterns}, out, separators=(",", ":"))
            os.replace(temporary, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)


@contextlib.contextmanager
def compiled_patterns_kept(path: Path) -> Iterator[None]:
    """Within the block, patterns of MIN_PATTERN_LENGTH characters or more compile from the code in ``path``
    when it holds theirs, and the code of those it did not hold is added to it at the end of the block."""
    with _lock:  # the module attribute is process-wide: one thread's block at a time
        known = _read(path)
        added: dict[str, dict[str, Any]] = {}
        original = sre_compile.compile

        def compile_kept(pattern: Any, flags: int = 0) -> Any:
            if not isinstance(pattern, str) or len(pattern) < MIN_PATTERN_LENGTH or flags & sre_compile.SRE_FLAG_DEBUG:
                return original(pattern, flags)
            key = _key(pattern, flags)
            entry = known.get(key)
            if entry is not None:
                try:
                    return from_entry(pattern, entry)
                except (KeyError, TypeError, ValueError, RuntimeError):
                    pass  # not code this engine accepts: compiled as usual below, and stored again
            entry = added[key] = compile_entry(pattern, flags)
            return from_entry(pattern, entry)

        sre_compile.compile = compile_kept  # type: ignore[assignment]  # the same call, typed loosely
        try:
            yield
        finally:
            sre_compile.compile = original
            if added:
                _write(path, {**known, **added})
