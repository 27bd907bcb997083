"""`journal init` and `journal --version` on the command line."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from click.testing import CliRunner

from generator.adapters.cli.app import main
from tests.support import EPOCH


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), env={"SOURCE_DATE_EPOCH": EPOCH, "NO_COLOR": "1"})


def test_init_lists_what_it_wrote_and_what_to_do_next(tmp_path: Path) -> None:
    result = invoke("init", str(tmp_path / "team"))
    assert result.exit_code == 0, result.output
    assert "created mkdocs.yml" in result.stdout and "created interviews/2026/2026-11-20-acme-logistics.md" in result.stdout
    assert "14 files written" in result.stderr and "journal new" in result.stderr and "mkdocs serve" in result.stderr


def test_init_refuses_a_folder_that_is_not_empty_without_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("", encoding="utf-8")
    result = invoke("init", str(tmp_path))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "is not empty" in " ".join(result.stderr.split()) and "--force" in result.stderr


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout == f"journal, version {version('customer-research-journal')}\n"
