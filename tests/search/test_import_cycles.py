"""The search app's modules import one another without cycles, counting the imports written
inside functions: an import moved into a function hides a cycle, it does not remove it."""

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = "search"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, known: set[str]) -> set[str]:
    """Every module of `known` that this file imports, at any depth of its code."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path.parent)
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        else:
            continue
        found |= {name for name in names if name in known}
    return found


def import_graph() -> dict[str, set[str]]:
    files = [
        path
        for path in (ROOT / PACKAGE).rglob("*.py")
        if "migrations" not in path.parts and "management" not in path.parts
    ]
    known = {module_name(path) for path in files}
    graph = {module_name(path): imported_modules(path, known) for path in files}
    return {module: targets - {module, PACKAGE} for module, targets in graph.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found, state = [], {}

    def visit(module, trail):
        state[module] = "open"
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                found.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return found


def test_the_search_modules_import_each_other_without_cycles():
    assert cycles(import_graph()) == []


def test_the_check_sees_imports_inside_functions():
    # The check itself: a cycle through a function-level import is found.
    graph = {"search.a": {"search.b"}, "search.b": {"search.a"}}
    assert cycles(graph) == [["search.a", "search.b", "search.a"]]
