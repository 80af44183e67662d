"""The import graph of the project's own modules: no cycle, and every layer imports only the ones below it
(docs/architecture.md). Read from the source (every import statement, those inside functions too), so a
lazy import cannot hide a cycle or a wrong-way dependency."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ops.settings import REPO_ROOT

PACKAGES = (
    "french",
    "triage",
    "guidance",
    "chamber",
    "places",
    "intake",
    "cases",
    "ops",
    "bot",
    "actions",
    "inbox",
    "widget",
    "bench",
)
# Plain Python: the product's rules, knowing nothing of Rasa, HTTP or how the processes run.
CORE = ("french", "triage", "guidance", "chamber", "places", "intake", "cases")
FRAMEWORKS = ("rasa", "rasa_sdk", "sanic", "fastapi", "starlette", "uvicorn")
# What each layer may not import. ops runs bot/, actions/ and inbox/ as processes and names them by module
# path only; those three are separate processes and never import one another.
FORBIDDEN = {
    **dict.fromkeys(CORE, ("ops", "bot", "actions", "inbox", "widget", "bench", *FRAMEWORKS)),
    "french": (*(package for package in PACKAGES if package != "french"), *FRAMEWORKS),  # the bottom of the core
    "ops": ("bot", "actions", "inbox", "widget", "bench", "rasa", "rasa_sdk", "sanic", "fastapi", "starlette"),
    "bot": ("actions", "inbox", "widget", "bench"),
    "actions": ("bot", "inbox", "widget", "bench"),
    "inbox": ("bot", "actions", "bench"),
    "widget": ("bot", "actions", "inbox", "bench"),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO_ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in sorted((REPO_ROOT / package).rglob("*.py")):
            if "node_modules" not in path.parts:
                modules[module_name(path)] = path
    return modules


def imported_names(path: Path, module: str, modules: set[str] | frozenset[str] = frozenset()) -> set[str]:
    """Every module named by an import statement of the file, relative imports resolved. ``from pkg import
    module`` names ``pkg.module`` only: the package's ``__init__`` runs first for any of its modules, which
    is no dependency of this file on it."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            submodules = {f"{base}.{alias.name}" for alias in node.names}
            names.update(submodules & set(modules))
            if not submodules <= set(modules):
                names.add(base)
    return names


def import_graph() -> dict[str, set[str]]:
    modules = project_modules()
    graph = {}
    for module, path in modules.items():
        targets = set()
        for imported in imported_names(path, module, set(modules)):
            # The most specific project module the name reaches (a name may be a function of a module).
            name = imported
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != module:
                targets.add(name)
        graph[module] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_walk_sees_the_project():
    graph = import_graph()
    assert {"ops.cli", "ops.stack", "bot.channels", "inbox.app", "actions.services", "cases.db"} <= set(graph)
    assert "ops.stack" in graph["ops.cli"] and "ops.settings" in graph["inbox.app"]


def test_a_cycle_is_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycle_between_the_project_modules():
    assert cycles(import_graph()) == []


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_each_layer_imports_only_what_is_below_it(package):
    wrong = []
    for module, path in project_modules().items():
        if module.split(".")[0] != package:
            continue
        for name in imported_names(path, module):
            if name.split(".")[0] in FORBIDDEN[package]:
                wrong.append(f"{module} imports {name}")
    assert sorted(set(wrong)) == []
