"""generator.adapters.cli.check: `journal check` as a pre-commit hook, in a real git repository.

The hook is run the way pre-commit (https://pre-commit.com) runs the hook that
`.pre-commit-hooks.yaml` declares: its `entry` with the staged files that match
`files`, all in one process. pre-commit itself fetches hook repositories from
the internet, so a git hook script does exactly that instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.adapters.cli.app import main

from tests import cases
from tests.support import EPOCH, REPO

CAMPAIGNS = cases.base("campaigns")
BIN = Path(sys.executable).parent
HOOK = REPO / ".pre-commit-hooks.yaml"

GOOD = """---
date: 2026-05-02
customer: Bluegate Freight
relationship: prospect
people:
  - {name: Omar Haddad, role: COO}
---
Notes.

> Our drivers need the app offline.
> — Omar Haddad {#offline-app}
"""


def hook_script() -> str:
    """A git pre-commit hook doing what pre-commit does with our hook definition."""
    (spec,) = yaml.safe_load(HOOK.read_text(encoding="utf-8"))
    return textwrap.dedent(f"""\
        #!{sys.executable}
        import re, subprocess, sys
        out = subprocess.run(["git", "diff", "--staged", "--name-only", "--no-ext-diff", "-z", "--diff-filter=ACMRTUXB"],
                             capture_output=True, check=True).stdout.decode()
        files = [f for f in out.split("\\0") if f and re.search({spec["files"]!r}, f)]
        if not files:
            sys.exit(0)
        entry = {spec["entry"].split()!r}
        entry[0] = {str(BIN)!r} + "/" + entry[0]
        sys.exit(subprocess.run(entry + (files if {spec["pass_filenames"]!r} else [])).returncode)
        """)


def git(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Sam Lee", "GIT_AUTHOR_EMAIL": "sam@corp.example", "GIT_COMMITTER_NAME": "Sam Lee",
           "GIT_COMMITTER_EMAIL": "sam@corp.example", "SOURCE_DATE_EPOCH": EPOCH}
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    """A small journal with a campaign and accounts.yml, committed, with the hook installed."""
    root = tmp_path / "journal"
    shutil.copytree(CAMPAIGNS, root)
    shutil.copytree(cases.case("campaigns", "valid") / "campaigns", root / "campaigns")
    (root / "interviews" / "accounts.yml").write_text("Bluegate Freight:\n  industry: Logistics\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: J\nplugins: [journal]\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    assert git(root, "commit", "-q", "-m", "journal").returncode == 0
    hook = root / ".git" / "hooks" / "pre-commit"
    hook.write_text(hook_script(), encoding="utf-8")
    hook.chmod(0o755)
    return root


def commit(repo: Path, files: dict[str, str]) -> subprocess.CompletedProcess:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
        git(repo, "add", name)
    return git(repo, "commit", "-q", "-m", "notes")


def commits(repo: Path) -> int:
    return int(git(repo, "rev-list", "--count", "HEAD").stdout)


def test_hook_definition_is_what_the_docs_promise() -> None:
    (spec,) = yaml.safe_load(HOOK.read_text(encoding="utf-8"))
    assert spec["id"] == "journal-check" and spec["entry"] == "journal check" and spec["language"] == "python"
    assert spec["files"] == "^(interviews|campaigns|insights)/" and spec["pass_filenames"] is True
    assert spec["require_serial"] is True  # one process: each run reads the whole journal


def test_a_good_note_is_committed(repo: Path) -> None:
    result = commit(repo, {"interviews/2026/bluegate.md": GOOD})
    assert result.returncode == 0, result.stdout + result.stderr
    assert commits(repo) == 2


def test_a_bad_note_is_refused_with_file_line_and_the_fix(repo: Path) -> None:
    result = commit(repo, {"interviews/2026/bluegate.md": GOOD.replace("relationship: prospect", "relationship: prospekt")})
    assert result.returncode == 1
    assert ("interviews/2026/bluegate.md:4: error: relationship: 'prospekt' is not one of customer, prospect, "
            "lost-customer, competitor-customer — did you mean 'prospect'?") in result.stderr  # git shows hooks' output on stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert commits(repo) == 1


@pytest.mark.parametrize(("files", "expected"), [
    # the staged note reuses a quote id of a committed note that is not staged
    ({"interviews/2026/bluegate.md": GOOD.replace("#offline-app", "#fewer-pages")},
     "interviews/2026/bluegate.md:11: error: quote: the quote id 'fewer-pages' is already used in interviews/a.md:11"),
    # the staged note disagrees with accounts.yml
    ({"interviews/2026/bluegate.md": GOOD.replace("people:", "industry: Retail\npeople:")},
     "interviews/2026/bluegate.md:5: error: industry: 'Retail' here, but 'Logistics' in interviews/accounts.yml:2"),
    # an edit of a cited quote's text breaks a campaign that is not staged
    ({"interviews/a.md": (CAMPAIGNS / "interviews" / "a.md").read_text(encoding="utf-8").replace("in half", "by a third")},
     "campaigns/spring-webinar.yml:"),
    # a renamed quote id: the campaign still cites the old one
    ({"interviews/a.md": (CAMPAIGNS / "interviews" / "a.md").read_text(encoding="utf-8").replace("#fewer-pages", "#fewer-page")},
     "the quote 'fewer-pages' no longer exists — did you mean 'fewer-page'?"),
    # a cited quote's interview becomes confidential
    ({"interviews/a.md": (CAMPAIGNS / "interviews" / "a.md").read_text(encoding="utf-8").replace("people:", "confidential: true\npeople:")},
     "its interview is now confidential"),
], ids=["duplicate-quote-id", "account-conflict", "cited-text-changed", "cited-id-renamed", "cited-became-confidential"])
def test_cross_file_problems_involving_the_staged_file_are_reported(repo: Path, files: dict[str, str], expected: str) -> None:
    result = commit(repo, files)
    assert result.returncode == 1, result.stdout + result.stderr
    assert expected in result.stderr
    assert commits(repo) == 1


def test_problems_of_other_files_do_not_block_a_good_note(repo: Path) -> None:
    (repo / "interviews" / "broken.md").write_text("---\ndate: someday\n---\n", encoding="utf-8")  # not staged
    result = commit(repo, {"interviews/2026/bluegate.md": GOOD})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken.md" not in result.stderr


def test_files_outside_the_journal_skip_the_check(repo: Path) -> None:
    (repo / "interviews" / "broken.md").write_text("---\ndate: someday\n---\n", encoding="utf-8")
    result = commit(repo, {"README.md": "hello\n"})
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_staged_is_the_hook_without_pre_commit(repo: Path, monkeypatch) -> None:
    monkeypatch.chdir(repo)

    def check_staged():
        return CliRunner().invoke(main, ["--root", str(repo), "check", "--staged"], env={"SOURCE_DATE_EPOCH": EPOCH})

    (repo / "interviews" / "broken.md").write_text("---\ndate: someday\n---\n", encoding="utf-8")
    assert check_staged().exit_code == 0  # nothing staged
    (repo / "interviews" / "2026").mkdir()
    (repo / "interviews" / "2026" / "bluegate.md").write_text(GOOD.replace("#offline-app", "#fewer-pages"), encoding="utf-8")
    git(repo, "add", "interviews/2026/bluegate.md", "campaigns")
    result = check_staged()
    assert result.exit_code == 1
    assert "interviews/2026/bluegate.md:11: error: quote: the quote id 'fewer-pages' is already used" in result.stdout
    assert "broken.md" not in result.stdout


def test_check_staged_outside_git_says_so_in_one_line(tmp_path: Path) -> None:
    shutil.copytree(CAMPAIGNS, tmp_path / "j")
    result = CliRunner().invoke(main, ["--root", str(tmp_path / "j"), "check", "--staged"])
    assert result.exit_code == 2
    assert "--staged works inside a git repository" in result.output and "Traceback" not in result.output


def test_a_merge_conflict_is_refused_at_its_marker_until_resolved(repo: Path, monkeypatch) -> None:
    """A real merge that both branches changed; `git add` marks it resolved, the markers are still there."""
    note = repo / "interviews" / "a.md"
    original = note.read_text(encoding="utf-8")
    git(repo, "checkout", "-q", "-b", "feature-x")
    assert commit(repo, {"interviews/a.md": original.replace("Notes.", "Notes from the on-site visit."),
                         "interviews/accounts.yml": "Bluegate Freight:\n  industry: Transport\n"}).returncode == 0
    git(repo, "checkout", "-q", "main")
    assert commit(repo, {"interviews/a.md": original.replace("Notes.", "Notes from the call."),
                         "interviews/accounts.yml": "Bluegate Freight:\n  industry: Freight\n"}).returncode == 0
    assert git(repo, "merge", "feature-x").returncode == 1  # CONFLICT (content)
    line = next(n for n, text in enumerate(note.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("<<<<<<<"))

    monkeypatch.chdir(repo)
    unresolved = CliRunner().invoke(main, ["--root", str(repo), "check", "--staged"], env={"SOURCE_DATE_EPOCH": EPOCH})
    assert unresolved.exit_code == 1
    assert f"interviews/a.md:{line}: error: unresolved merge conflict (<<<<<<< HEAD … >>>>>>> feature-x" in unresolved.stdout
    assert "interviews/accounts.yml:2: error: unresolved merge conflict" in unresolved.stdout
    assert "not valid YAML" not in unresolved.stdout

    git(repo, "add", "interviews/a.md", "interviews/accounts.yml")  # "resolved", markers and all
    result = git(repo, "commit", "-q", "--no-edit")
    assert result.returncode == 1
    assert f"interviews/a.md:{line}: error: unresolved merge conflict" in result.stderr
    assert "git checkout --ours (or --theirs) -- interviews/a.md" in result.stderr
    assert commits(repo) == 2  # the merge was not committed


def test_a_note_moved_without_moved_from_is_a_warning_at_commit(repo: Path, monkeypatch) -> None:
    monkeypatch.chdir(repo)
    (repo / "interviews" / "2025").mkdir()
    git(repo, "mv", "interviews/a.md", "interviews/2025/a.md")
    result = CliRunner().invoke(main, ["--root", str(repo), "check", "--staged"], env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.exit_code == 0, result.output  # a warning: the commit goes through
    assert ("interviews/2025/a.md:1: warning: moved_from: git shows this file moved from interviews/a.md: add "
            "'moved_from: interviews/a.md' so its old address redirects here") in result.stdout
    note = repo / "interviews" / "2025" / "a.md"
    note.write_text(note.read_text(encoding="utf-8").replace("people:", "moved_from: interviews/a.md\npeople:"), encoding="utf-8")
    git(repo, "add", "interviews/2025/a.md")
    result = CliRunner().invoke(main, ["--root", str(repo), "check", "--staged"], env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.exit_code == 0 and "warning" not in result.stdout, result.output
