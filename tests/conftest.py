"""Shared fixtures: a fixed 'today' and one build of the sample journal (case folders: tests/cases/)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 20)
# 2026-11-20T00:00:00Z: builds read "today" from SOURCE_DATE_EPOCH, so tests are deterministic.
EPOCH = str(int(dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc).timestamp()))


def mkdocs_env() -> dict[str, str]:
    return {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}


def run_mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *args], cwd=project, env=mkdocs_env(),
                          capture_output=True, text=True, timeout=300)


def build_fixture(fixture: Path, tmp: Path) -> Path:
    """A copy of ``fixture`` (a project folder) under ``tmp``, built with `mkdocs build --strict`; its site dir."""
    project = tmp / fixture.name
    shutil.copytree(fixture, project)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


def copy_project(tmp: Path, sample: bool = True) -> Path:
    """A copy of the repository's journal project (mkdocs.yml, docs, interviews, ...) in tmp."""
    target = tmp / "project"
    target.mkdir()
    for name in ("mkdocs.yml", "docs", "interviews", "campaigns", "insights"):
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, target / name)
        elif src.is_file():
            shutil.copy2(src, target / name)
    return target


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The sample journal built once with `mkdocs build --strict`; returns the site dir."""
    project = copy_project(tmp_path_factory.mktemp("sample"))
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr  # --strict aborts on warnings; say so plainly
    return project / "site"
