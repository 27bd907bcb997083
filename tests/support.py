"""Helpers every test folder imports as ``from tests.support import ...``: a fixed 'today',
paths, and `mkdocs build` of a project. (Case folders: ``tests.cases``; fixtures: conftest.py.)"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path
from unittest import mock

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"  # small projects built by several test folders
TODAY = dt.date(2026, 11, 20)
# 2026-11-20T00:00:00Z: builds read "today" from SOURCE_DATE_EPOCH, so tests are deterministic.
EPOCH = str(int(dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc).timestamp()))


def per_module(fixture_name: str, config: object) -> str:
    """The scope of a fixture the tests of a module share: the module. Except while `make mutate`
    maps which tests run which code (mutmut's MUTANT_UNDER_TEST=stats): a fixture built once would
    count as run by the module's first test only, and mutmut would never run the other tests on a
    mutant; each test then builds its own. Use: @pytest.fixture(scope=per_module)."""
    return "function" if os.environ.get("MUTANT_UNDER_TEST") == "stats" else "module"


def mkdocs_env() -> dict[str, str]:
    return {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}


def run_mkdocs(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build` of ``project`` in another process; ``env`` adds to its environment."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *args], cwd=project, env={**mkdocs_env(), **(env or {})},
                          capture_output=True, text=True, timeout=300)


def build_in_process(project: Path) -> Path:
    """`mkdocs build` of ``project`` in this process, as MkDocs runs it (plugins started and shut down),
    "today" at TODAY; its site dir. Raises MkDocs' Abort when the build fails. Mutation testing
    (`make mutate`) sees the code a build runs only in this process, not in a `run_mkdocs`."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with mock.patch.dict(os.environ, {"SOURCE_DATE_EPOCH": EPOCH}):
        config = load_config(str(project / "mkdocs.yml"))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    return project / "site"


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


def build_mini(tmp_path: Path) -> Path:
    """tests/fixtures/mini built with `mkdocs build --strict` in ``tmp_path/mini``, without a traceback; its site dir."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    project = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", project)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return project / "site"
