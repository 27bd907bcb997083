"""The suite's own rules (docs/testing.md): a test never asserts under an `if` (the branch may
silently not run), and nothing skips or expects a failure (a skipped test passes whatever the code
does), not even a parametrized test whose list of cases came out empty."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support import REPO

TEST_FILES = sorted((REPO / "tests").rglob("test_*.py"))
SKIPS = ("skip", "skipif", "importorskip", "xfail")


def relative(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def is_check(node: ast.AST) -> bool:
    """An assert, or a Playwright expectation (expect(…).to_…)."""
    return isinstance(node, ast.Assert) or (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr.startswith(("to_", "not_to_")))


def asserts_under_if(tree: ast.Module) -> list[str]:
    found = []
    for test in ast.walk(tree):
        if isinstance(test, ast.FunctionDef) and test.name.startswith("test"):
            found += [f"{test.name}: line {node.lineno}: if {ast.unparse(node.test)}" for node in ast.walk(test)
                      if isinstance(node, ast.If) and any(is_check(n) for n in ast.walk(node))]
    return found


def skips(tree: ast.Module) -> list[str]:
    return [f"line {node.lineno}: {ast.unparse(node)}" for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and node.attr in SKIPS]


def test_the_rules_see_every_test_file() -> None:
    assert len(TEST_FILES) > 60 and REPO / "tests" / "test_cases.py" in TEST_FILES


@pytest.mark.parametrize("path", TEST_FILES, ids=relative)
def test_no_test_asserts_under_an_if_or_skips(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert asserts_under_if(tree) == []
    assert skips(tree) == []


def test_the_rules_find_what_they_forbid() -> None:
    tree = ast.parse("def test_a(x):\n    if x:\n        assert x\n\n"
                     "def test_b(page):\n    if page:\n        expect(page).to_have_url('/')\n\n"
                     "@pytest.mark.skipif(True, reason='')\ndef test_c():\n    pytest.importorskip('x')\n")
    assert asserts_under_if(tree) == ["test_a: line 2: if x", "test_b: line 6: if page"]
    assert skips(tree) == ["line 9: pytest.mark.skipif", "line 11: pytest.importorskip"]


def test_an_empty_list_of_cases_fails_the_collection(request: pytest.FixtureRequest) -> None:
    assert request.config.getini("empty_parameter_set_mark") == "fail_at_collect"  # pyproject.toml
