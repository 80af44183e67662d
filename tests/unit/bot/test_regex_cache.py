"""A huge pattern compiled from the code kept in the file is the very pattern `sre_compile` builds (a compiled
pattern compares equal to another only with the same flags, pattern and code), and a file that does not fit
this interpreter, or code the engine refuses, only means compiling as usual (bot/regex_cache.py)."""

from __future__ import annotations

import json
import re
import sre_compile

import pytest

from bot import regex_cache
from bot.regex_cache import MIN_PATTERN_LENGTH, compiled_patterns_kept, engine_stamp


@pytest.fixture(scope="module")
def french_token_match() -> re.Pattern[str]:
    """spaCy's French tokenizer exceptions: the pattern of 1.45 million characters."""
    from spacy.lang.fr.tokenizer_exceptions import TOKEN_MATCH

    pattern = TOKEN_MATCH.__self__
    assert len(pattern.pattern) > MIN_PATTERN_LENGTH
    return pattern


def compiled_fresh(pattern: str, flags: int) -> re.Pattern[str]:
    return sre_compile.compile(pattern, flags)


def test_the_french_pattern_from_the_file_is_the_pattern_python_compiles(french_token_match, tmp_path):
    cache = tmp_path / "regex-code.json"
    source, flags = french_token_match.pattern, french_token_match.flags & ~re.UNICODE
    with compiled_patterns_kept(cache):
        first = sre_compile.compile(source, flags)  # not in the file yet: compiled, then written
    assert json.loads(cache.read_text())["engine"] == engine_stamp()
    compiled = []
    original_entry = regex_cache.compile_entry
    regex_cache.compile_entry = lambda *args: compiled.append(args) or original_entry(*args)
    try:
        with compiled_patterns_kept(cache):
            again = sre_compile.compile(source, flags)
    finally:
        regex_cache.compile_entry = original_entry
    assert compiled == []  # built from the file's code
    assert again == first == french_token_match  # same flags, pattern and code
    for text in ("aujourd'hui", "peut-être", "l'URSSAF", "rendez-vous", "porte-monnaie", "a-t-il", "bonjour"):
        assert bool(again.match(text)) == bool(french_token_match.match(text)), text


def test_small_patterns_are_compiled_as_usual_and_never_written(tmp_path):
    cache = tmp_path / "regex-code.json"
    with compiled_patterns_kept(cache):
        assert sre_compile.compile(r"(\w+)-(\w+)", 0).match("peut-être")
    assert not cache.exists()


@pytest.mark.parametrize(
    "stored",
    [
        "not json",
        json.dumps({"engine": "another python", "patterns": {}}),
        "CORRUPT",  # the right stamp, code the engine refuses
    ],
)
def test_a_file_that_does_not_fit_only_means_compiling_as_usual(stored, tmp_path):
    cache = tmp_path / "regex-code.json"
    source = "bonjour " * 12_500 + "(?P<fin>fin)"
    assert len(source) > MIN_PATTERN_LENGTH
    if stored == "CORRUPT":
        with compiled_patterns_kept(cache):
            sre_compile.compile(source, re.IGNORECASE)
        data = json.loads(cache.read_text())
        (entry,) = data["patterns"].values()
        entry["code"] = [999_999] * 10
        stored = json.dumps(data)
    cache.write_text(stored)
    with compiled_patterns_kept(cache):
        pattern = sre_compile.compile(source, re.IGNORECASE)
    assert pattern == compiled_fresh(source, re.IGNORECASE)
    assert pattern.match("BONJOUR " * 12_500 + "FIN").group("fin") == "FIN"
    assert json.loads(cache.read_text())["engine"] == engine_stamp()  # written again, whole


def test_outside_the_block_nothing_changes(tmp_path):
    original = sre_compile.compile
    with compiled_patterns_kept(tmp_path / "regex-code.json"):
        assert sre_compile.compile is not original
    assert sre_compile.compile is original
