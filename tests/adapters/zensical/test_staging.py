"""The staging folder: where each file goes, and a sync that writes only what changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.adapters.zensical.engine import Engine
from generator.adapters.zensical.staging import Staging, relink, staged_path, team_docs
from generator.errors import JournalInvalid
from generator.site.page import Page
from tests.support import REPO, copy_project


@pytest.mark.parametrize("path, staged", [
    ("index.md", "index.md"),
    ("customers.md", "customers/index.md"),
    ("customers/acme/index.md", "customers/acme/index.md"),
    ("interviews/2026/2026-03-04-acme.md", "interviews/2026/2026-03-04-acme/index.md"),
    ("quotes/quotes.json", "quotes/quotes.json"),
    ("assets/journal/journal.css", "assets/journal/journal.css"),
])
def test_a_page_is_staged_at_its_address(path: str, staged: str) -> None:
    assert staged_path(path) == staged


def test_team_links_to_a_moved_page_follow_it() -> None:
    moved = {"customers.md": "customers/index.md", "interviews/2026/a.md": "interviews/2026/a/index.md"}
    text = ("[All](customers.md) [top](customers.md#top) [a note](../interviews/2026/a.md) [same](about.md)\n"
            "[ref]: ../customers.md\n[c](guide/customers.md)\n")
    assert relink(text, "guide/start.md", moved) == (
        "[All](customers.md) [top](customers.md#top) [a note](../interviews/2026/a/index.md) [same](about.md)\n"
        "[ref]: ../customers/index.md\n[c](guide/customers.md)\n")  # guide/customers.md is not the generated page
    assert relink("[All](customers.md#top)", "start.md", moved) == "[All](customers/index.md#top)"


def test_a_sync_writes_only_what_changed_and_removes_what_is_gone(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "guide").mkdir(parents=True)
    (docs / "guide" / "about.md").write_text("# About\n")
    (docs / ".notes.md").write_text("hidden")
    staging = Staging(tmp_path)
    pages = {"customers.md": Page("customers.md", title="Customers", html="<p>2</p>"),
             "interviews/2026/a.md": Page("interviews/2026/a.md", title="A", html="<p>a</p>"),
             "quotes/quotes.json": Page("quotes/quotes.json", "{}")}
    first = staging.sync(pages, team_docs(docs))
    assert sorted(first) == ["customers/index.md", "guide/about.md", "interviews/2026/a/index.md", "quotes/quotes.json"]
    assert (staging.docs / "customers" / "index.md").read_text() == pages["customers.md"].content
    assert staging.sync(pages, team_docs(docs)) == []  # nothing changed, nothing written
    assert Staging(tmp_path).sync(pages, team_docs(docs)) == []  # a new process compares with what is on disk

    pages["customers.md"] = Page("customers.md", title="Customers", html="<p>3</p>")
    del pages["interviews/2026/a.md"]
    (docs / "guide" / "about.md").write_text("# About us\n")
    assert sorted(staging.sync(pages, team_docs(docs))) == ["customers/index.md", "guide/about.md", "interviews/2026/a/index.md"]
    assert not (staging.docs / "interviews").exists()  # emptied folders go too
    assert (staging.docs / "guide" / "about.md").read_text() == "# About us\n"
    assert not (staging.docs / ".notes.md").exists()
    assert sorted(p.name for p in docs.rglob("*")) == [".notes.md", "about.md", "guide"]  # docs/ as it was


def test_after_an_edit_a_server_restages_only_the_pages_it_changed(tmp_path: Path) -> None:
    """`journal serve --engine zensical`: the notes' prose changed on one interview page, nowhere else."""
    project = copy_project(tmp_path)
    engine = Engine(project, keep=True)
    engine.prepare("serve")
    assert len(engine.changed) > 100
    engine.prepare("serve")
    assert engine.changed == []
    note = next((project / "interviews").rglob("*northwind*.md"))
    note.write_text(note.read_text() + "\nA sentence added while serving.\n")
    engine.prepare("serve")
    assert engine.changed == [f"interviews/{note.relative_to(project / 'interviews').with_suffix('').as_posix()}/index.md"]
    assert engine.staging.docs.joinpath(engine.changed[0]).read_text().count("A sentence added while serving.") == 1


def test_a_journal_with_errors_leaves_the_staged_pages_as_they_were(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    engine = Engine(project, keep=True)
    engine.prepare("serve")
    staged = {p: p.read_bytes() for p in engine.staging.dir.rglob("*") if p.is_file() and ".cache" not in p.parts}
    note = next((project / "interviews").rglob("*northwind*.md"))
    note.write_text(note.read_text().replace("relationship:", "relationship: custmer\nold_relationship:", 1))
    with pytest.raises(JournalInvalid):
        engine.prepare("serve")
    assert {p: p.read_bytes() for p in engine.staging.dir.rglob("*") if p.is_file() and ".cache" not in p.parts} == staged


def test_the_staging_folder_is_ignored_by_git() -> None:
    assert ".journal/" in (REPO / ".gitignore").read_text().splitlines()
