"""Compiling spaCy's French tokenizer patterns with each character class optimised once.

Importing `spacy.lang.fr` compiles one case-insensitive pattern of about 150 alternatives (hyphenated and
elided words), nearly each with spaCy's whole Unicode alphabet as a character class. Python's `sre_compile`
optimises every one of those classes again from scratch (`_optimize_charset`, a bitmap over every code point
and its case variants): 3.7 s of CPU of every Rasa start on these machines (`python -X importtime`), before the
model can be loaded, and the same again in `rasa train`.

`_optimize_charset` is a pure function of its arguments, so within `charsets_optimised_once()` its result for
the same class, flags and case tables is computed once and handed out again as a copy: the compiled patterns
are the same code (tests/unit/bot/test_regex_charsets.py compares the code `sre_compile` emits, with and without,
for every pattern of the loaded French tokenizer). Outside the block nothing changes.
"""

from __future__ import annotations

import contextlib
import sre_compile
import threading
from collections.abc import Callable, Iterator
from typing import Any

_lock = threading.RLock()
_blocks_open = [0]  # how many blocks this thread has entered (one thread at a time holds the lock)
_optimize_charset: Callable[..., Any] = sre_compile._optimize_charset  # type: ignore[attr-defined]
# Case tables that sre_compile passes as `fixes`: a module constant, or none (a dict is not hashable).
_KNOWN_FIXES = (None, sre_compile._ignorecase_fixes)  # type: ignore[attr-defined]


# sre_compile's optimised class: its (opcode, argument) items, and whether it is cased.
Optimised = tuple[list[Any], bool]


def _memoised(cache: dict[tuple[Any, ...], Optimised]) -> Callable[..., Optimised]:
    def optimize_charset(charset: list[Any], iscased: Any = None, fixup: Any = None, fixes: Any = None) -> Optimised:
        computed: Optimised
        if not any(fixes is known for known in _KNOWN_FIXES):
            computed = _optimize_charset(charset, iscased, fixup, fixes)
            return computed
        try:
            key = (tuple(charset), iscased, fixup, fixes is not None)
            found = cache.get(key)
        except TypeError:  # an unhashable item: not a class this cache knows how to key
            computed = _optimize_charset(charset, iscased, fixup, fixes)
            return computed
        if found is None:
            found = cache[key] = _optimize_charset(charset, iscased, fixup, fixes)
        optimised, hascased = found
        # The caller only reads the result; a copy all the same, so that nothing can change the cached one.
        return [(op, list(av) if isinstance(av, list) else av) for op, av in optimised], hascased

    return optimize_charset


@contextlib.contextmanager
def charsets_optimised_once() -> Iterator[None]:
    """Within the block, regular expressions compiled in this process optimise each character class once."""
    with _lock:  # one thread's blocks at a time: the module attribute is process-wide; nested blocks share it
        if _blocks_open[0] == 0:
            sre_compile._optimize_charset = _memoised({})  # type: ignore[attr-defined]
        _blocks_open[0] += 1
        try:
            yield
        finally:
            _blocks_open[0] -= 1
            if _blocks_open[0] == 0:
                sre_compile._optimize_charset = _optimize_charset  # type: ignore[attr-defined]
