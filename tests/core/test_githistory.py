"""generator.core.githistory: last edited and authors of every interview, from one `git log`."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.core import githistory
from generator.core.githistory import FileHistory, read_history
from generator.core.load import load_journal
from generator.site.pages import interviews
from generator.core.project import read_config
from generator.site.render import Renderer
from generator.site.cache import PageCache
from generator.site.context import Site

from tests.support import FIXTURES, TODAY, run_mkdocs

MINI = FIXTURES / "mini"
ACME = "interviews/2026/2026-03-04-acme.md"
HALYARD = "interviews/2026/2026-04-01-halyard.md"


def git(repo: Path, *args: str, author: str = "Sam Lee", date: str = "2026-03-05T10:00:00+00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": f"{author.split()[0].lower()}@corp.example",
           "GIT_COMMITTER_NAME": author, "GIT_COMMITTER_EMAIL": "ci@corp.example", "GIT_AUTHOR_DATE": date,
           "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def commit_all(repo: Path, message: str, **who: str) -> None:
    git(repo, "add", "-A", **who)
    git(repo, "commit", "-q", "-m", message, **who)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    """The mini journal with history: Sam writes both notes, Priya edits Acme, Ana renames it."""
    root = tmp_path / "journal"
    shutil.copytree(MINI, root)
    old = root / "interviews" / "2026" / "acme-draft.md"
    (root / ACME).rename(old)
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "first notes", author="Sam Lee", date="2026-03-05T10:00:00+00:00")
    old.write_text(old.read_text().replace("Notes.", "Notes, edited."), encoding="utf-8")
    commit_all(root, "edit", author="Priya Nair", date="2026-03-09T10:00:00+00:00")
    git(root, "mv", str(old), str(root / ACME))
    commit_all(root, "rename", author="Ana Ruiz", date="2026-03-12T10:00:00+00:00")
    return root


def test_one_git_call_gives_every_file_its_last_edit_and_authors(repo: Path, monkeypatch) -> None:
    calls: list[list[str]] = []
    real_run = subprocess.run
    monkeypatch.setattr(githistory.subprocess, "run", lambda cmd, **kw: calls.append(cmd) or real_run(cmd, **kw))
    history = read_history(repo, "interviews")
    assert len(calls) == 1 and calls[0][:4] == ["git", "-c", "core.quotepath=off", "log"]
    assert history == {
        # the rename is followed back: Sam wrote it as acme-draft.md, Priya edited it there
        ACME: FileHistory(dt.date(2026, 3, 12), ("Sam Lee", "Priya Nair", "Ana Ruiz")),
        HALYARD: FileHistory(dt.date(2026, 3, 5), ("Sam Lee",)),
    }


def test_authors_are_listed_once_in_order_of_first_edit() -> None:
    log = ("\x1e2026-05-01\x1fSam Lee\x1f\n\nM\tinterviews/a.md\n"
           "\x1e2026-04-01\x1fPriya Nair\x1f\n\nM\tinterviews/a.md\n"
           "\x1e2026-03-01\x1fSam Lee\x1fHEAD -> main\n\nA\tinterviews/a.md\n")
    assert githistory.parse_log(log) == {"interviews/a.md": FileHistory(dt.date(2026, 5, 1), ("Sam Lee", "Priya Nair"))}


def shallow_clone(repo: Path, target: Path, depth: int) -> Path:
    subprocess.run(["git", "clone", "-q", "--depth", str(depth), repo.as_uri(), str(target)], check=True, capture_output=True)
    return target


def test_shallow_clone_has_no_history_and_says_so(repo: Path, tmp_path: Path) -> None:
    """--depth 1 (GitHub's default checkout): the one commit fetched seems to add every note today."""
    clone = shallow_clone(repo, tmp_path / "clone", 1)
    history = read_history(clone, "interviews")
    assert history == {} and history.cut_off
    assert not read_history(repo, "interviews").cut_off
    journal, _ = load_journal(clone, read_config(clone), today=TODAY)
    html = {p.path: p.html for p in interviews.build(Site(journal, Renderer(), history=history))}[ACME]
    assert "Last edited: unknown (this site was built from a shallow git clone" in html
    assert "edited by" not in html


def test_a_shallow_clone_holding_the_notes_whole_history_shows_it(tmp_path: Path) -> None:
    """The oldest commit fetched (grafted) seems to add everything it holds: when it holds no
    note yet, every change of the notes is among the commits fetched, and the dates are right."""
    root = tmp_path / "journal"
    root.mkdir()
    (root / "README.md").write_text("The journal.\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "readme", author="Jo Kim", date="2026-01-02T10:00:00+00:00")
    (root / "README.md").write_text("The journal, soon with notes.\n", encoding="utf-8")
    commit_all(root, "readme again", author="Jo Kim", date="2026-01-03T10:00:00+00:00")
    shutil.copytree(MINI, root, dirs_exist_ok=True)
    commit_all(root, "notes", author="Sam Lee", date="2026-03-05T10:00:00+00:00")
    clone = shallow_clone(root, tmp_path / "clone", 2)  # "readme again" is the oldest fetched, without notes
    history = read_history(clone, "interviews")
    assert not history.cut_off
    assert history[ACME] == FileHistory(dt.date(2026, 3, 5), ("Sam Lee",))
    assert read_history(shallow_clone(root, tmp_path / "clone1", 1), "interviews").cut_off


def test_mkdocs_build_in_a_shallow_clone_says_last_edited_is_unknown(repo: Path, tmp_path: Path) -> None:
    clone = shallow_clone(repo, tmp_path / "clone", 1)
    result = run_mkdocs(clone)
    assert result.returncode == 0, result.stderr
    assert "shallow git clone" in result.stderr and "fetch-depth: 0" in result.stderr
    page = (clone / "site" / "interviews" / "2026" / "2026-03-04-acme" / "index.html").read_text(encoding="utf-8")
    assert "Last edited: unknown" in page


def test_without_git_or_outside_a_repository_there_is_no_history(tmp_path: Path, monkeypatch) -> None:
    shutil.copytree(MINI, tmp_path / "plain")
    assert read_history(tmp_path / "plain", "interviews") == {}  # not a repository
    monkeypatch.setenv("PATH", str(tmp_path / "no-such-dir"))  # no git at all
    assert read_history(tmp_path / "plain", "interviews") == {}


def test_interview_page_shows_last_edited_and_names_never_emails(repo: Path) -> None:
    journal, _ = load_journal(repo, read_config(repo), today=TODAY)
    site = Site(journal, Renderer(), history=read_history(repo, "interviews"))
    html = {p.path: p.html for p in interviews.build(site)}
    assert 'Last edited <time datetime="2026-03-12">12 Mar 2026</time> · edited by Sam Lee, Priya Nair, Ana Ruiz' in html[ACME]
    assert "@corp.example" not in html[ACME]
    bare = Site(journal, Renderer())
    assert "Last edited" not in {p.path: p.html for p in interviews.build(bare)}[ACME]


def test_serve_cache_rerenders_a_page_when_its_history_changes(repo: Path) -> None:
    journal, _ = load_journal(repo, read_config(repo), today=TODAY)
    cache = PageCache()
    first = Site(journal, Renderer(), history=read_history(repo, "interviews"), cache=cache)
    assert "Ana Ruiz" in {p.path: p.html for p in interviews.build(first)}[ACME]
    later = {ACME: FileHistory(dt.date(2026, 4, 2), ("Sam Lee", "Jo Kim"))}
    again = Site(journal, Renderer(), history=later, cache=cache)
    assert "Jo Kim" in {p.path: p.html for p in interviews.build(again)}[ACME]


def test_mkdocs_build_shows_history_in_a_repository_and_omits_it_outside(repo: Path, tmp_path: Path) -> None:
    assert run_mkdocs(repo).returncode == 0
    page = (repo / "site" / "interviews" / "2026" / "2026-03-04-acme" / "index.html").read_text(encoding="utf-8")
    assert "edited by Sam Lee, Priya Nair, Ana Ruiz" in page
    plain = tmp_path / "plain"
    shutil.copytree(MINI, plain)
    result = run_mkdocs(plain)
    assert result.returncode == 0, result.stderr
    assert "Last edited" not in (plain / "site" / "interviews" / "2026" / "2026-03-04-acme" / "index.html").read_text(encoding="utf-8")


def test_a_whole_build_asks_git_once(repo: Path, tmp_path: Path, monkeypatch) -> None:
    from click.testing import CliRunner

    from generator.adapters.cli.app import main

    calls: list[list[str]] = []
    real_run = subprocess.run
    monkeypatch.setattr(githistory.subprocess, "run", lambda cmd, **kw: calls.append(cmd) or real_run(cmd, **kw))
    result = CliRunner().invoke(main, ["--root", str(repo), "build-pages", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert [c[3] for c in calls] == ["log"]
    assert "edited by Sam Lee, Priya Nair, Ana Ruiz" in (tmp_path / "out" / ACME).read_text(encoding="utf-8")
