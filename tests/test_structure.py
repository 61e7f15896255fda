"""The shape of the code: no import cycle between curator's modules, no private name used across
them (read from the source with `ast`, function-level imports included)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "curator"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES: dict[str, Path] = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


@dataclass(frozen=True)
class Use:
    """One use of another curator module: what is imported (or read) from it, and where."""

    module: str
    name: str | None  # a name taken from the module (None for `import curator.x`)
    line: int


def absolute(module: str, node: ast.ImportFrom) -> str:
    """The module an ImportFrom names, relative imports resolved."""
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if not is_package(module):
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def uses(module: str, source: str | None = None) -> Iterator[Use]:
    """Every import of a curator module in `module` (at any depth: inside functions too), and
    every attribute read through a name bound to a curator module (`feeds._base`); `source`
    stands in for the module's file when given."""
    if source is None:
        source = MODULES[module].read_text(encoding="utf-8")
    tree = ast.parse(source)
    aliases: dict[str, str] = {}  # a local name bound to a curator module -> that module
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in MODULES:
                    yield Use(alias.name, None, node.lineno)
                    if alias.asname:
                        aliases[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom):
            source = absolute(module, node)
            if source not in MODULES:
                continue
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                if submodule in MODULES:  # `from curator import feeds`
                    yield Use(submodule, None, node.lineno)
                    aliases[alias.asname or alias.name] = submodule
                else:
                    yield Use(source, alias.name, node.lineno)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
        ):
            yield Use(aliases[node.value.id], node.attr, node.lineno)


GRAPH: dict[str, set[str]] = {
    module: {use.module for use in uses(module) if use.module != module} for module in MODULES
}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles of `graph`, each as the path that closes it (depth-first search)."""
    found: list[list[str]] = []
    state: dict[str, str] = {}  # "open" while on the current path, "done" after

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                found.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, path)
        path.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    return found


def test_the_walk_sees_the_modules_and_the_imports_inside_functions() -> None:
    """The checks below can fail: the walk finds modules and function-level imports."""
    assert {"curator.app", "curator.feeds", "curator.feeds.parse", "curator.cli"} <= set(MODULES)
    assert "curator.feeds.fast" in GRAPH["curator.feeds.parse"]
    source = (
        "import curator.store as db\n"
        "def later():\n"
        "    from curator import feeds\n"
        "    from curator.feeds.common import _hidden, plain_text\n"
        "    return feeds._base, db.Store, plain_text\n"
    )
    found = {(u.module, u.name) for u in uses("curator.app", source)}
    assert found == {
        ("curator.store", None),
        ("curator.feeds", None),
        ("curator.feeds.common", "_hidden"),
        ("curator.feeds.common", "plain_text"),
        ("curator.feeds", "_base"),
        ("curator.store", "Store"),
    }


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_between_curator_modules() -> None:
    assert cycles(GRAPH) == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_private_name_is_used_from_another_curator_module(module: str) -> None:
    private = [
        f"{MODULES[module].relative_to(PACKAGE.parent)}:{use.line}: {use.module}.{use.name}"
        for use in uses(module)
        if use.module != module
        and use.name is not None
        and use.name.startswith("_")
        and not use.name.startswith("__")
    ]
    assert private == []
