"""A YAML table with a key twice loses the first one's rows without a word (PyYAML keeps the last): a section of test
cases appended under a name already used silently dropped the earlier section's cases (found on 2026-12-04 while adding
to tests/unit/triage/cases_mechanisms.yml). Every YAML file of the tests, the evaluation sets and the rules is checked."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(
    path
    for pattern in ("tests/unit/**/*.yml", "tests/evaluation/*.yml", "triage/rules/*.yml", "guidance/*.yml")
    for path in ROOT.glob(pattern)
)


class _UniqueKeys(yaml.CSafeLoader):
    """libyaml's parser (the evaluation sets are thousands of lines each: PyYAML's pure-Python one took a minute of
    CPU in `make test`), PyYAML's safe constructor with the check below."""


def _mapping(loader: _UniqueKeys, node: yaml.MappingNode, deep: bool = False) -> dict:
    keys = [loader.construct_object(key, deep=deep) for key, _ in node.value]
    twice = sorted({str(key) for key in keys if keys.count(key) > 1})
    if twice:
        raise yaml.constructor.ConstructorError(None, None, f"keys given twice: {twice}", node.start_mark)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_UniqueKeys.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_key_is_given_twice(path):
    yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeys)


def test_the_check_sees_a_key_given_twice():
    with pytest.raises(yaml.constructor.ConstructorError, match="keys given twice"):
        yaml.load("travaux:\n- a\ntravaux:\n- b\n", Loader=_UniqueKeys)
