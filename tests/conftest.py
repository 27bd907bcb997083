"""Shared fixtures: a fixed 'today', case folders, and one build of the sample journal."""

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


def run_journal(project: Path, *args: str) -> subprocess.CompletedProcess:
    """The `journal` command, in ``project``, as a child process (e.g. ``build --engine zensical``)."""
    return subprocess.run([sys.executable, "-m", "generator.adapters.cli.app", *args], cwd=project, env=mkdocs_env(),
                          capture_output=True, text=True, timeout=600)


def build_with_zensical(project: Path) -> Path:
    """`journal build --engine zensical --strict` in ``project``; its site dir."""
    result = run_journal(project, "build", "--engine", "zensical", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


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


def case_project(case: Path, tmp: Path) -> Path:
    """A journal in tmp: the shared ``_journal/`` next to ``case``, with the case's files added or replacing."""
    project = tmp / "project"
    shutil.copytree(case.parent / "_journal", project)
    shutil.copytree(case, project, dirs_exist_ok=True)
    return project


def case_messages(case: Path, tmp: Path) -> tuple[list[str], list[str]]:
    """(the problems of loading the case's journal, the case's expected.txt), one message a line."""
    from generator.core.load import load_journal
    from generator.core.project import read_config

    project = case_project(case, tmp)
    _, problems = load_journal(project, read_config(project), today=TODAY)
    return [p.format() for p in problems], (case / "expected.txt").read_text(encoding="utf-8").splitlines()


def case_folders(root: Path) -> list[Path]:
    """The cases of a data-driven folder (``_journal`` and other ``_`` folders are shared input)."""
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("_"))


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
