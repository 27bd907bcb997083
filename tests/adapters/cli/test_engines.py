"""`journal build` and `journal serve`: MkDocs by default, Zensical on request, and a clear word when it is missing."""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.adapters.cli.app import main
from tests.adapters.serving import free_port, processes, wait_for, wait_until_gone
from tests.support import EPOCH, FIXTURES, mkdocs_env, run_journal

MINI = FIXTURES / "mini"


def mini(tmp_path: Path) -> Path:
    project = tmp_path / "mini"
    shutil.copytree(MINI, project)
    return project


def test_the_default_engine_is_mkdocs_with_the_plugin(tmp_path: Path) -> None:
    project = mini(tmp_path)
    result = run_journal(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "search" / "search_index.json").is_file()  # MkDocs' search plugin, not Zensical's
    assert "Acme Logistics" in (project / "site" / "customers" / "acme-logistics" / "index.html").read_text()
    assert not (project / ".journal").exists()


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_site_dir_puts_the_site_elsewhere(tmp_path: Path, engine: str) -> None:
    """As CI for GitLab Pages needs (`--site-dir public`)."""
    project = mini(tmp_path)
    result = run_journal(project, "build", "--engine", engine, "--site-dir", "public")
    assert result.returncode == 0, result.stderr
    assert "Acme Logistics" in (project / "public" / "customers" / "acme-logistics" / "index.html").read_text()
    assert not (project / "site").exists()


def test_mkdocs_exit_code_and_messages_come_through(tmp_path: Path) -> None:
    project = mini(tmp_path)
    note = project / "interviews" / "2026" / "2026-03-04-acme.md"
    note.write_text(note.read_text().replace("relationship: customer", "relationship: custmer"))
    result = run_journal(project, "build", "--engine", "mkdocs")
    assert result.returncode == 1
    assert "interviews/2026/2026-03-04-acme.md:4: error: relationship: 'custmer'" in result.stderr
    assert not (project / "site").exists()


def test_serve_runs_mkdocs_serve_and_stops_it(tmp_path: Path) -> None:
    project = mini(tmp_path)
    url = f"http://127.0.0.1:{free_port()}/"
    journal = subprocess.Popen([sys.executable, "-m", "generator.adapters.cli.app", "serve", "-a", url[7:-1]], cwd=project,
                               env=mkdocs_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(url + "customers/acme-logistics/", "Acme Logistics")
        assert len(processes("mkdocs serve", project)) == 1
        os.kill(journal.pid, signal.SIGTERM)
        assert journal.wait(timeout=30) == 128 + signal.SIGTERM
        wait_until_gone("mkdocs serve", project, url)
    finally:
        journal.kill()
        for pid in processes("mkdocs serve", project):
            os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize("command", ["build", "serve"])
def test_without_zensical_installed_the_message_says_how_to_install_it(tmp_path: Path, monkeypatch, command: str) -> None:
    project = mini(tmp_path)
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "zensical" else real(name, *a))
    result = CliRunner().invoke(main, ["--root", str(project), command, "--engine", "zensical"], env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.exit_code == 2
    assert "Zensical is not installed: pip install 'customer-research-journal[zensical]'" in result.output
    assert "Traceback" not in result.output
    assert not (project / ".journal").exists() and not (project / "site").exists()


@pytest.mark.parametrize("command", ["build", "serve"])
def test_help_names_both_engines(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "[mkdocs|zensical]" in result.output and "docs/engines.md" in result.output
