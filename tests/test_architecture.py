"""The package's layers, read from its imports: dependencies point one way, frameworks stay in
their adapters, no cycles (function-level imports included), small modules, one exception tree.

The layers, lowest first (a module may import its own layer and those below it):

    generator.errors, generator.resources   the exception tree; where packaged files are
    generator.core        read and validate files into the typed model
    generator.views       read-only derivations of the model (account view, dashboard, exports)
    generator.site        the model as generated pages: {path: Page}
    generator.authoring   new notes, tag edits, the JSON Schema
    generator.adapters    MkDocs plugin, `journal` CLI, Zensical pre-build

`generator/__init__.py` is the public facade: it may import anything, nothing imports it.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import generator
from generator.errors import JournalError

PACKAGE = Path(generator.__file__).parent
MAX_TOP_LEVEL_MODULES = 10
MAX_LINES = 450

# layer -> layers it may import (besides its own)
LAYERS: dict[str, set[str]] = {
    "base": set(),
    "core": {"base"},
    "views": {"base", "core"},
    "site": {"base", "core", "views"},
    "authoring": {"base", "core", "views"},
    "adapters.mkdocs": {"base", "core", "views", "site", "authoring"},
    "adapters.zensical": {"base", "core", "views", "site", "authoring"},
    "adapters.cli": {"base", "core", "views", "site", "authoring", "adapters.mkdocs", "adapters.zensical"},
}
FRAMEWORKS = {"mkdocs": "adapters.mkdocs", "material": "adapters.mkdocs", "click": "adapters.cli", "rich": "adapters.cli",
              "zensical": "adapters.zensical"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> str:
    parts = module.split(".")[1:]
    if not parts or parts[0] in ("errors", "resources"):
        return "base"
    if parts[0] == "adapters" and len(parts) > 1:
        return f"adapters.{parts[1]}"
    return parts[0]


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports_of(module: str) -> list[tuple[str, int]]:
    """(imported module, line) of every import in ``module``, however deep, except under
    ``if TYPE_CHECKING:``. ``from x import y`` counts as importing ``x.y`` when that is a module."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking_only(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.append((sub if sub in MODULES else target, node.lineno))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def internal_graph() -> dict[str, set[str]]:
    return {m: {t for t, _ in imports_of(m) if t in MODULES and t != m} for m in MODULES}


def test_no_import_cycles() -> None:
    graph = internal_graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def connect(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    assert cycles == []


def test_dependencies_point_down_the_layers() -> None:
    wrong = []
    for module in MODULES:
        if module == "generator":
            continue  # the facade
        mine = layer_of(module)
        for target, line in imports_of(module):
            if target == "generator":
                wrong.append(f"{module}:{line} imports the facade 'generator'; import the module itself")
            elif target in MODULES and layer_of(target) not in LAYERS[mine] | {mine}:
                wrong.append(f"{module}:{line} ({mine}) imports {target} ({layer_of(target)})")
    assert wrong == []


@pytest.mark.parametrize("framework", sorted(FRAMEWORKS))
def test_frameworks_only_in_their_adapter(framework: str) -> None:
    home = FRAMEWORKS[framework]
    outside = [f"{m}:{line}" for m in MODULES for t, line in imports_of(m)
               if t.split(".")[0] == framework and layer_of(m) != home]
    assert outside == []


def test_layer_rules_see_a_forbidden_import(tmp_path: Path) -> None:
    """The checks above would catch the core importing MkDocs, or a cycle (they are not vacuous)."""
    assert layer_of("generator.core.load") == "core"
    assert "site" not in LAYERS["core"] and "adapters.mkdocs" not in LAYERS["site"]
    assert any(t == "generator.core.load" for t, _ in imports_of("generator.adapters.mkdocs.plugin"))
    assert any(t.startswith("mkdocs") for t, _ in imports_of("generator.adapters.mkdocs.plugin"))


def test_small_modules_and_few_at_the_top() -> None:
    top = [m for m, p in MODULES.items() if p.parent == PACKAGE]
    assert len(top) <= MAX_TOP_LEVEL_MODULES, top
    long = {m: n for m, p in MODULES.items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_every_exception_is_a_journal_error() -> None:
    loose = []
    for info in pkgutil.walk_packages(generator.__path__, "generator."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if (inspect.isclass(value) and issubclass(value, BaseException) and value.__module__ == info.name
                    and not issubclass(value, JournalError)):
                loose.append(f"{info.name}.{name}")
    assert loose == []
