"""Every module-level name of the project's modules is bound once.

Two module-level patterns of the same name in one file (round 23: a new `_NO_TAKEN_BACK` 1,500 lines below the
round-12 one in actions/handoff_actions.py, a new `_OWN_NUMBER` in actions/handoff.py) leave only the last one bound:
every function reads it at call time, so the earlier rule silently changes and no linter says so (ruff's F811 covers
imports and definitions, not assignments). A rebinding that extends the name on purpose (`X = (*X, ...)`) and
`typing.overload` stubs are allowed."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

from ops.settings import REPO_ROOT
from tests.architecture.test_imports import PACKAGES


def _modules() -> list[Path]:
    return sorted(
        path for package in PACKAGES for path in (REPO_ROOT / package).rglob("*.py") if ".venv" not in path.parts
    )


def _bound_names(tree: ast.Module) -> Counter[str]:
    bound: Counter[str] = Counter()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names = [target.id for target in node.targets if isinstance(target, ast.Name)]
            value_names = {child.id for child in ast.walk(node.value) if isinstance(child, ast.Name)}
            bound.update(name for name in names if name not in value_names)  # X = (*X, ...) extends X
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            bound[node.target.id] += 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            overload = any(
                (isinstance(d, ast.Name) and d.id == "overload")
                or (isinstance(d, ast.Attribute) and d.attr == "overload")
                for d in getattr(node, "decorator_list", [])
            )
            if not overload:
                bound[node.name] += 1
    return bound


@pytest.mark.parametrize("path", _modules(), ids=lambda path: str(path.relative_to(REPO_ROOT)))
def test_no_module_level_name_is_bound_twice(path):
    twice = {
        name: count for name, count in _bound_names(ast.parse(path.read_text(encoding="utf-8"))).items() if count > 1
    }
    assert not twice, f"{path.relative_to(REPO_ROOT)} binds these names more than once (the last one wins): {twice}"


def test_the_check_finds_a_name_bound_twice():
    tree = ast.parse(
        "import re\nA = re.compile('x')\ndef f():\n    return A\nA = re.compile('y')\nB = (1,)\nB = (*B, 2)\n"
    )
    assert {name: n for name, n in _bound_names(tree).items() if n > 1} == {"A": 2}
