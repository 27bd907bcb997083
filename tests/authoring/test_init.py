"""generator.authoring.init: `journal init` makes a journal that checks clean and builds as it is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.authoring.init import init_journal, scaffold
from generator.core.load import load_project
from generator.errors import ProjectError
from tests.support import TODAY, build_with_zensical, mkdocs_env, run_mkdocs

FILES = [
    ".github/workflows/journal.yml", ".gitignore", ".gitlab-ci.yml", ".pre-commit-config.yaml", "README.md",
    "campaigns/example-webinar.yml", "docs/about.md", "insights/example-alert-fatigue.md",
    "interviews/2026/2026-11-20-acme-logistics.md", "interviews/accounts.yml", "interviews/tags.yml",
    "mkdocs.yml", "requirements.txt", "schema/interview.schema.json",
]


def test_the_new_journal_checks_clean_and_builds_strict(tmp_path: Path) -> None:
    team = tmp_path / "team"
    report = init_journal(team, today=TODAY, version="9.9.9")
    assert report.created == FILES and report.kept == []
    journal, problems = load_project(team, today=TODAY)
    assert list(problems) == []
    assert [i.source for i in journal.interviews] == ["interviews/2026/2026-11-20-acme-logistics.md"]
    assert [c.name for c in journal.campaigns] == ["Example webinar"] and len(journal.insights) == 1
    assert {q.clearance for q in journal.quotes} == {"public", "anonymous"}
    result = run_mkdocs(team, "--strict")
    assert result.returncode == 0, result.stderr
    account = (team / "site" / "customers" / "acme-logistics" / "index.html").read_text(encoding="utf-8")
    assert "Jane Doe" in account and "jane@acme.example" not in account


def test_the_new_journal_builds_with_zensical_and_zensical_alone_stops(tmp_path: Path) -> None:
    """Its mkdocs.yml lists the guard: `zensical build` there fails with the command to use instead."""
    team = tmp_path / "team"
    init_journal(team, today=TODAY, version="9.9.9")
    site = build_with_zensical(team)
    assert "Jane Doe" in (site / "customers" / "acme-logistics" / "index.html").read_text(encoding="utf-8")
    assert ".journal/" in (team / ".gitignore").read_text().splitlines()
    direct = subprocess.run([sys.executable, "-m", "zensical", "build"], cwd=team, env=mkdocs_env(),
                            capture_output=True, text=True, timeout=300)
    assert direct.returncode == 1 and "journal build --engine zensical" in direct.stderr


def test_the_version_is_pinned_and_the_date_is_today(tmp_path: Path) -> None:
    files = scaffold(TODAY, "9.9.9")
    assert "customer-research-journal==9.9.9" in files["requirements.txt"]
    assert "customer-research-journal 9.9.9" in files["README.md"]
    assert files["interviews/2026/2026-11-20-acme-logistics.md"].startswith("---\ndate: 2026-11-20\n")
    assert "{#example-fewer-pages public" in files["interviews/2026/2026-11-20-acme-logistics.md"]


def test_ci_checks_then_builds_with_the_whole_history() -> None:
    files = scaffold(TODAY, "9.9.9")
    github = yaml.safe_load(files[".github/workflows/journal.yml"])
    steps = github["jobs"]["check-and-build"]["steps"]
    assert next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))["with"]["fetch-depth"] == 0
    run = "\n".join(s.get("run", "") for s in steps)
    assert run.index("pip install -r requirements.txt") < run.index("journal check") < run.index("mkdocs build --strict")
    gitlab = yaml.safe_load(files[".gitlab-ci.yml"])
    assert gitlab["variables"]["GIT_DEPTH"] == 0
    script = "\n".join(gitlab["build"]["script"])
    assert script.index("journal check") < script.index("mkdocs build --strict")
    hook = yaml.safe_load(files[".pre-commit-config.yaml"])["repos"][0]["hooks"][0]
    assert hook["entry"] == "journal check" and hook["require_serial"] is True
    assert {"site/", ".venv/"} <= set(files[".gitignore"].splitlines())


def test_a_folder_that_is_not_empty_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ProjectError, match="is not empty.*--force"):
        init_journal(tmp_path, today=TODAY, version="1")
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_force_adds_the_missing_files_and_changes_no_existing_one(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: Ours\n", encoding="utf-8")
    (tmp_path / "interviews").mkdir()
    (tmp_path / "interviews" / "tags.yml").write_text("ours:\n", encoding="utf-8")
    report = init_journal(tmp_path, today=TODAY, version="1", force=True)
    assert report.kept == ["interviews/tags.yml", "mkdocs.yml"]
    assert report.created == [f for f in FILES if f not in report.kept]
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: Ours\n"
    assert (tmp_path / "interviews" / "tags.yml").read_text(encoding="utf-8") == "ours:\n"


def test_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "team").write_text("", encoding="utf-8")
    with pytest.raises(ProjectError, match="is a file"):
        init_journal(tmp_path / "team", today=TODAY, version="1")


def test_git_init_runs_once_and_never_inside_a_repository(tmp_path: Path, monkeypatch) -> None:
    report = init_journal(tmp_path / "team", today=TODAY, version="1")
    assert report.git == "made it a git repository" and (tmp_path / "team" / ".git").is_dir()
    nested = init_journal(tmp_path / "team" / "nested", today=TODAY, version="1")
    assert nested.git == "it is inside a git repository already" and not (tmp_path / "team" / "nested" / ".git").exists()
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    without = init_journal(tmp_path / "plain", today=TODAY, version="1")
    assert without.git.startswith("git was not found") and not (tmp_path / "plain" / ".git").exists()
    assert subprocess.run(["git", "-C", str(tmp_path / "team"), "status"], capture_output=True, env={"PATH": "/usr/bin:/bin"}).returncode == 0


def test_a_folder_that_cannot_be_written_is_a_plain_error(tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / "interviews").write_text("a file where a folder should go", encoding="utf-8")
    with pytest.raises(ProjectError, match=r"cannot write .*/interviews/2026/2026-11-20-acme-logistics.md: Not a directory \(written so far: \.github"):
        init_journal(team, today=TODAY, version="1", force=True)
