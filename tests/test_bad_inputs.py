"""The bad-input corpus (tests/cases/bad-inputs/, see its README): every case gives exactly the
expected located messages and exit code, and never a traceback."""

from __future__ import annotations

import importlib.util
import logging
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from generator.adapters.cli.app import main

from .conftest import EPOCH, run_mkdocs

CORPUS = Path(__file__).parent / "cases" / "bad-inputs"
CASES = sorted(p for p in CORPUS.iterdir() if (p / "expected.txt").is_file())
MKDOCS_YML = """site_name: Bad input
theme: {name: material, font: false}
plugins: [search, journal]
"""


def materialise(case: Path, tmp: Path) -> Path:
    """A copy of the case's journal in ``tmp``; a case's make.py writes files git can't hold well."""
    root = tmp / case.name
    shutil.copytree(case, root, symlinks=True, ignore=shutil.ignore_patterns("expected.txt", "make.py", "__pycache__"))
    (root / "interviews").mkdir(exist_ok=True)
    recipe = case / "make.py"
    if recipe.is_file():
        spec = importlib.util.spec_from_file_location(f"bad_inputs_{case.name}", recipe)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.make(root, (CORPUS.parent / "valid-interview.md").read_text(encoding="utf-8"))
    return root


def expected(case: Path) -> tuple[int, list[str]]:
    """(exit code, stdout lines) of `journal check`; see README.md."""
    first, *lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert first.startswith("exit "), f"{case.name}/expected.txt must start with 'exit N'"
    return int(first.split()[1]), [l for l in lines if not l.startswith("stderr: ")]


def expected_stderr(case: Path) -> list[str]:
    lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    return [l.removeprefix("stderr: ") for l in lines if l.startswith("stderr: ")]


def check(root: Path):
    return CliRunner().invoke(main, ["--root", str(root), "check"], env={"SOURCE_DATE_EPOCH": EPOCH})


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_journal_check(case: Path, tmp_path: Path) -> None:
    code, lines = expected(case)
    result = check(materialise(case, tmp_path))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.stdout.splitlines() == lines
    assert result.exit_code == code
    stderr = " ".join(result.stderr.split())  # the console wraps long lines
    for part in expected_stderr(case):
        assert part in stderr


def as_mkdocs_project(root: Path) -> Path:
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    return root


FAILING = [c for c in CASES if expected(c)[0] == 1]


@pytest.mark.parametrize("case", FAILING, ids=[c.name for c in FAILING])
def test_mkdocs_build_in_process_fails_located(case: Path, tmp_path: Path, caplog, monkeypatch) -> None:
    """Every failing case through MkDocs' own build (in this process: ~30 ms a case)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    root = as_mkdocs_project(materialise(case, tmp_path))
    config = load_config(str(root / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    caplog.set_level(logging.WARNING, logger="mkdocs")
    try:
        with pytest.raises(Abort):  # MkDocs' way out for a failed build: no other exception
            build(config)
    finally:
        config.plugins.on_shutdown()
    logged = caplog.messages
    for line in expected(case)[1]:
        if ": error: " in line:
            assert line in logged
    assert not (root / "site").exists()
    assert not [p.name for p in root.iterdir() if p.name.startswith(".journal-build-")]


# One case of each kind of failure: unreadable file, YAML syntax, YAML trap, schema,
# quote syntax, cross-file, accounts.yml, campaign, refused link.
BUILD_CASES = ["binary-md", "colon-in-value", "billion-laughs", "confidential-capitalised",
               "unclosed-attribution-brace", "duplicate-quote-id", "accounts-yml-bad-fields",
               "campaign-invalid-yaml", "symlink-outside", "unclosed-front-matter"]


@pytest.mark.parametrize("name", BUILD_CASES)
def test_mkdocs_build_fails_located_and_leaves_no_site(name: str, tmp_path: Path) -> None:
    case = CORPUS / name
    code, lines = expected(case)
    assert code == 1 and lines
    root = as_mkdocs_project(materialise(case, tmp_path))
    result = run_mkdocs(root)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for line in lines:
        if ": error: " in line:
            assert line in result.stderr
    assert not (root / "site").exists()
    assert not [p.name for p in root.iterdir() if p.name.startswith(".journal-build-")]
