"""bot.regex_charsets compiles every pattern of spaCy's French tokenizer to the very code sre_compile emits
without it, and leaves the compiler as it was once the block ends."""

from __future__ import annotations

import re
import sre_compile
import sre_parse

import pytest
import spacy

from bot import regex_charsets
from bot.regex_charsets import charsets_optimised_once


def _french_tokenizer_patterns() -> dict[str, re.Pattern]:
    tokenizer = spacy.blank("fr").tokenizer
    return {
        name: getattr(tokenizer, name).__self__
        for name in ("token_match", "url_match", "prefix_search", "suffix_search", "infix_finditer")
    }


def _code(pattern: re.Pattern) -> list[int]:
    """What sre_compile emits for the pattern, compiled afresh (re's own cache of patterns bypassed)."""
    return sre_compile._code(sre_parse.parse(pattern.pattern, pattern.flags), pattern.flags)


FRENCH_PATTERNS = _french_tokenizer_patterns()
# Beside spaCy's: ignoring case or not, ASCII-only, negated and single-character classes, a class repeated.
OTHER_PATTERNS = [
    re.compile(r"(?i)[a-zà-ÿ'-]+|[^\W\d_]{2}[a-z]"),
    re.compile(r"[a-zA-Z0-9_]+@[a-z]+\.[a-z]{2,}"),
    # Characters with case variants outside their range (long s, Kelvin sign, Cyrillic monograph uk, sigmas).
    re.compile(r"(?ia)[k-q]|[^k-q]|[\u017f\u212a]"),
    re.compile(r"(?iu)[\u017fs\u212a]|[\ua64b\u1c88]|[\u03a3\u03c3\u03c2]"),
]


@pytest.mark.parametrize(
    "pattern",
    [*FRENCH_PATTERNS.values(), *OTHER_PATTERNS],
    ids=[*(f"fr-{name}" for name in FRENCH_PATTERNS), *(f"other-{n}" for n in range(len(OTHER_PATTERNS)))],
)
def test_the_same_code_is_compiled(pattern: re.Pattern) -> None:
    plain = _code(pattern)
    with charsets_optimised_once():
        first, again = _code(pattern), _code(pattern)  # the second from the cache filled by the first
    assert first == plain
    assert again == plain


def test_the_long_french_pattern_is_compiled_faster() -> None:
    """The reason for the module: spaCy's French token_match optimises the same classes a hundred times."""
    optimize = sre_compile._optimize_charset
    calls: list[int] = []

    def counted(*args: object) -> object:
        calls.append(1)
        return optimize(*args)

    sre_compile._optimize_charset = counted
    try:
        _code(FRENCH_PATTERNS["token_match"])
        without = len(calls)
        calls.clear()
        with charsets_optimised_once():
            # The block installs its own function in front; count the real optimisations behind it.
            saved, regex_charsets._optimize_charset = regex_charsets._optimize_charset, counted
            try:
                _code(FRENCH_PATTERNS["token_match"])
            finally:
                regex_charsets._optimize_charset = saved
        with_cache = len(calls)
    finally:
        sre_compile._optimize_charset = optimize
    assert with_cache * 5 < without


def test_nested_blocks_share_the_cache_and_the_compiler_is_restored_after() -> None:
    original = sre_compile._optimize_charset
    with charsets_optimised_once():
        installed = sre_compile._optimize_charset
        with charsets_optimised_once():
            assert sre_compile._optimize_charset is installed
        assert sre_compile._optimize_charset is installed
    assert sre_compile._optimize_charset is original
    assert installed is not original
