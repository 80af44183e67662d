"""The core packages read their YAML with libyaml's parser (yaml.CSafeLoader): 15 times faster than PyYAML's
pure-Python one, a second of CPU at every start of the Rasa and action servers. It builds the same data as
yaml.safe_load from every YAML file they read (same resolver and constructors; only the parser differs)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ops.settings import REPO_ROOT

# What triage, intake, guidance and chamber read: rules and corpora, the NLU files and lookups, the knowledge
# base, causes and courts, the chambers' configurations.
READ_BY_THE_CORE = sorted(
    path for folder in ("triage", "nlu", "guidance", "chamber") for path in (REPO_ROOT / folder).rglob("*.yml")
)


def test_the_files_are_found() -> None:
    folders = {path.relative_to(REPO_ROOT).parts[0] for path in READ_BY_THE_CORE}
    assert folders == {"triage", "nlu", "guidance", "chamber"}


@pytest.mark.parametrize("path", READ_BY_THE_CORE, ids=lambda path: str(path.relative_to(REPO_ROOT)))
def test_libyaml_builds_the_same_data(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert yaml.load(text, Loader=yaml.CSafeLoader) == yaml.safe_load(text)
