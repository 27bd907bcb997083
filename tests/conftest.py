"""Shared fixtures: one build of the sample journal. (Helpers: tests/support.py; case folders: tests/cases/.)"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.support import build_with_zensical, copy_project, run_mkdocs

# One card cache for the whole run (its builds in subprocesses and xdist workers inherit it): a card
# is rendered once, not once per test. Tests of the cache itself use folders of their own.
_CARD_CACHE = None if "JOURNAL_CACHE_DIR" in os.environ else tempfile.mkdtemp(prefix="journal-test-cache-")
os.environ.setdefault("JOURNAL_CACHE_DIR", _CARD_CACHE or "")


def pytest_unconfigure(config) -> None:
    if _CARD_CACHE is not None:
        shutil.rmtree(_CARD_CACHE, ignore_errors=True)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The sample journal built once with `mkdocs build --strict`; returns the site dir."""
    project = copy_project(tmp_path_factory.mktemp("sample"))
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr  # --strict aborts on warnings; say so plainly
    return project / "site"


@pytest.fixture(scope="session")
def zensical_sample_site(tmp_path_factory) -> Path:
    """The sample journal built once with `journal build --engine zensical --strict`; returns the site dir."""
    return build_with_zensical(copy_project(tmp_path_factory.mktemp("zensical-sample")))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under `make mutate` (tests/mutate.py), the tests of the mutated module's own test file run first:
    tests mirror the package, so most mutants fail there, in a second rather than after every test."""
    mutant = os.environ.get("MUTANT_UNDER_TEST", "")  # e.g. generator.views.export.x_inert__mutmut_3
    if mutant.startswith("generator."):
        *package, module, _ = mutant.split(".")
        own = "/".join(["tests", *package[1:], f"test_{module}.py"])
        items.sort(key=lambda item: item.nodeid.split("::")[0] != own)  # stable: the rest keep their order
