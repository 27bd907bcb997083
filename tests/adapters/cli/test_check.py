"""generator.adapters.cli.check: `journal check` output, exit codes, path filtering; the installed command exits cleanly (app)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from click.testing import CliRunner

from generator import __version__
from generator.adapters.cli.app import main

from tests import cases

THREE_MISTAKES = cases.case("check", "three-mistakes")
VALID = cases.case("check", "valid-minimal")


def run(*args: str, root: Path):
    return CliRunner().invoke(main, ["--root", str(root), *args], env={"SOURCE_DATE_EPOCH": "1795132800"})


def test_three_mistakes_give_three_located_lines_and_exit_1() -> None:
    result = run("check", root=THREE_MISTAKES)
    assert result.exit_code == 1
    lines = [l for l in result.stdout.splitlines() if ": error: " in l]
    assert len(lines) == 3
    assert all(l.startswith("interviews/2026/acme.md:") for l in lines)
    assert "1 interview checked: 3 errors" in result.output  # a note with errors is counted too
    assert "Traceback" not in result.output


def test_clean_journal_exits_0() -> None:
    result = run("check", root=VALID)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_paths_limit_output_but_keep_cross_file_problems(tmp_path: Path) -> None:
    root = cases.project(cases.case("bad-inputs", "duplicate-quote-id"), tmp_path)
    only_a = run("check", str(root / "interviews" / "a.md"), root=root)
    assert only_a.exit_code == 1  # the duplicate involves a.md too
    assert "already used in interviews/a.md" in only_a.stdout


def test_internal_error_is_one_line_without_traceback(tmp_path: Path, monkeypatch) -> None:
    import generator.adapters.cli.check as cli

    def boom(*a, **k):
        raise RuntimeError("kaput")

    monkeypatch.setattr(cli, "load_project", boom)
    result = run("check", root=VALID)
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    assert "internal error: RuntimeError: kaput" in result.output


def test_project_error_text_is_printed_as_is(monkeypatch) -> None:
    import generator.adapters.cli.check as cli
    from generator.errors import ProjectError

    def bad(root):
        raise ProjectError("mkdocs.yml: [/journal] is [bold]odd[/bold]")

    monkeypatch.setattr(cli, "read_config", bad)
    result = run("check", root=VALID)
    assert result.exit_code == 2
    assert "error: mkdocs.yml: [/journal] is [bold]odd[/bold]" in result.output

def test_check_reports_insight_problems_with_the_insight_file(tmp_path: Path) -> None:
    confidential = cases.case("insights", "confidential")
    root = cases.project(confidential, tmp_path)
    result = run("check", str(root / "insights" / "claim.md"), root=root)
    want = cases.expected(confidential)
    assert result.exit_code == want.exit == 1
    assert result.stdout.splitlines() == want.stdout
    weak = cases.case("insights", "weak-support")
    warned = run("check", root=cases.project(weak, tmp_path))
    assert warned.exit_code == 0 and warned.stdout.splitlines() == cases.expected(weak).stdout
    assert len(warned.stdout.splitlines()) == 4


INSTALLED = [
    # (arguments after --root three-mistakes, exit code, exact standard output, last line of standard error)
    (["check"], 1, cases.expected(THREE_MISTAKES).stdout, "✗ 1 interview checked: 3 errors, 0 warnings"),
    (["--root", str(VALID), "check"], 0, [], "✓ 1 interview checked: 0 errors, 0 warnings"),
    (["frobnicate"], 2, [], "Error: No such command 'frobnicate'."),
    (["--version"], 0, [f"journal, version {__version__}"], None),
]


def installed(*args: str) -> subprocess.CompletedProcess:
    """The installed `journal` command, on the three-mistakes case, with a bare environment."""
    command = [str(Path(sys.executable).parent / "journal"), "--root", str(THREE_MISTAKES), *args]
    return subprocess.run(command, capture_output=True, text=True, env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"})


@pytest.mark.parametrize(("args", "code", "stdout", "stderr_end"), INSTALLED, ids=["errors", "clean", "unknown-command", "version"])
def test_the_installed_command_exits_with_the_right_code_and_all_its_output(args: list[str], code: int, stdout: list[str], stderr_end: str | None) -> None:
    """Nothing `journal` prints may be lost on the way out, and its exit code is the command's."""
    result = installed(*args)
    assert result.returncode == code, result.stderr
    assert result.stdout.splitlines() == stdout
    assert (result.stderr.splitlines() or [None])[-1] == stderr_end
    assert "Traceback" not in result.stderr


def test_the_installed_commands_help_is_printed_to_its_last_line() -> None:
    result = installed("--help")
    lines = result.stdout.splitlines()
    assert result.returncode == 0 and result.stderr == ""
    assert lines[0] == "Usage: journal [OPTIONS] COMMAND [ARGS]..."
    assert "Commands:" in lines and lines[-1].split()[0] == "tags"  # the last command of the list
