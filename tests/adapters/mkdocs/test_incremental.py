"""generator.adapters.mkdocs.incremental: `mkdocs serve --dirty` rebuilds only what an edit changed.

The serve test runs MkDocs' build in-process the way `mkdocs serve --dirty` does (one
on_startup, then dirty builds into one site folder, the plugin instances kept), and
compares every file, the search index included, with a clean `mkdocs build` of the same journal.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.adapters.mkdocs.incremental import BuildRecord, DirtyServe, remove_output
from generator.adapters.mkdocs.session import session
from generator.site.search import Record

from tests.support import EPOCH, FIXTURES, indexed_pages, run_mkdocs

MINI = FIXTURES / "mini"
URL = "http://127.0.0.1:8000/"
ACME = "interviews/2026/2026-03-04-acme.md"


class Served:
    """A journal project and the site folder of its `serve --dirty` builds."""

    def __init__(self, project: Path, site: Path):
        self.project, self.site = project, site
        first = self.config()
        first.plugins.on_startup(command="serve", dirty=True)
        self.plugins = first.plugins
        build(first, serve_url=URL, dirty=True)

    def config(self):
        config = load_config(config_file=str(self.project / "mkdocs.yml"), site_dir=str(self.site))
        config.site_url = URL
        return config

    def rebuild(self) -> None:
        build(self.config(), serve_url=URL, dirty=True)

    def page(self, url: str) -> Path:
        return self.site / url / "index.html"

    def indexed(self) -> dict[str, str]:
        """The text of each page in the search index, by URL, once the index of the last build is in."""
        session(self.project.resolve()).live_index.wait()
        return {url: fragment["content"] for url, fragment in indexed_pages(self.site).items()}


def write_interview(project: Path, rel: str, date: str, customer: str, quote: str) -> None:
    text = (project / ACME).read_text().replace("2026-03-04", date).replace("Acme Logistics", customer)
    text = text.replace("#fewer-pages", f"#q-{date}")
    (project / rel).write_text(text.replace("We cut our on-call pages in half the first month.", quote))


def assert_same_as_a_full_build(served: Served) -> None:
    """Every file of the served site is what a clean `mkdocs build` (another process) writes."""
    served.indexed()  # the search index comes after the build
    full = served.site.with_name("full")
    (served.project / "full.yml").write_text(f"INHERIT: mkdocs.yml\nsite_url: {URL}\n")
    result = run_mkdocs(served.project, "-f", "full.yml", "-d", str(full))
    assert result.returncode == 0, result.stderr
    files = lambda site: sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file() and p.suffix != ".gz")  # noqa: E731
    assert files(served.site) == files(full)
    for rel in files(full):
        assert (served.site / rel).read_bytes() == (full / rel).read_bytes(), rel


@pytest.fixture
def served(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    project = tmp_path / "mini"
    shutil.copytree(MINI, project)
    write_interview(project, "interviews/2026/2026-05-02-acme.md", "2026-05-02", "Acme Logistics", "Routing got simpler.")
    write_interview(project, "interviews/2026/2026-06-01-brightline.md", "2026-06-01", "Brightline Freight",
                    "Our drivers trust the schedule now.")
    served = Served(project, tmp_path / "served")
    yield served
    served.plugins.on_startup(command="build", dirty=False)  # the plugin instances outlive this test


def stamp(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_ino, st.st_mtime_ns


def test_serve_dirty_rebuilds_only_the_edited_interview_and_what_depends_on_it(served: Served, caplog) -> None:
    untouched = served.page("interviews/2026/2026-05-02-acme")
    other = served.page("interviews/2026/2026-06-01-brightline")
    before = {page: stamp(page) for page in (untouched, other)}
    note = served.project / ACME
    note.write_text(note.read_text().replace("in half the first month", "in half the second month"))
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.journal"):
        served.rebuild()

    for url in ("interviews/2026/2026-03-04-acme", "customers/acme-logistics", "quotes"):
        assert "in half the second month" in served.page(url).read_text(), url
        assert "in half the first month" not in served.page(url).read_text(), url
    assert {page: stamp(page) for page in (untouched, other)} == before
    assert "skipped 3 unchanged pages" in caplog.text  # two interviews and Brightline's account page
    assert "second month" in served.indexed()["/interviews/2026/2026-03-04-acme/"]
    assert_same_as_a_full_build(served)


def test_serve_dirty_drops_deleted_pages_and_builds_new_and_renamed_ones(served: Served) -> None:
    interviews = served.project / "interviews" / "2026"
    (interviews / "2026-06-01-brightline.md").rename(interviews / "2026-06-01-brightline-call.md")
    (interviews / "2026-05-02-acme.md").unlink()
    write_interview(served.project, "interviews/2026/2026-07-09-acme.md", "2026-07-09", "Acme Logistics",
                    "The new dashboard saves me an hour a week.")
    served.rebuild()

    assert not served.page("interviews/2026/2026-05-02-acme").exists()
    assert not (served.site / "interviews" / "2026" / "2026-06-01-brightline").exists()
    assert "Our drivers trust the schedule now." in served.page("interviews/2026/2026-06-01-brightline-call").read_text()
    assert "saves me an hour a week" in served.page("interviews/2026/2026-07-09-acme").read_text()
    assert "Routing got simpler." not in served.page("customers/acme-logistics").read_text()
    indexed = served.indexed()
    assert "/interviews/2026/2026-07-09-acme/" in indexed and not any("2026-05-02-acme" in url for url in indexed)
    assert_same_as_a_full_build(served)


@pytest.mark.parametrize("edited", ["mkdocs.yml", "base.yml"])
def test_serve_dirty_rebuilds_every_page_when_the_configuration_changes(served: Served, edited: str) -> None:
    mkdocs_yml = served.project / "mkdocs.yml"
    if edited == "base.yml":  # mkdocs.yml inherits the team's shared settings
        (served.project / "base.yml").write_text(mkdocs_yml.read_text())
        mkdocs_yml.write_text("INHERIT: base.yml  # the team's shared settings\n")
        served.rebuild()
    untouched = served.page("interviews/2026/2026-05-02-acme")
    config = served.project / edited
    config.write_text(config.read_text().replace("Mini journal", "Renamed journal"))
    served.rebuild()
    assert "Renamed journal" in untouched.read_text()


def test_a_failed_serve_build_makes_the_next_one_complete(tmp_path: Path) -> None:
    state = DirtyServe()
    state.last = None
    assert state.plan("frame", {"a.md"}, lambda path: True) == set()
    state.finish(BuildRecord("frame", {"a.md", "b.md"}, set()), tmp_path)
    assert state.plan("frame", {"a.md"}, lambda path: True) == {"a.md"}
    assert state.plan("frame", {"a.md"}, lambda path: False) == set()  # output gone
    assert state.plan("other frame", {"a.md"}, lambda path: True) == set()
    state.forget()
    assert state.plan("frame", {"a.md"}, lambda path: True) == set()


def test_merge_records_takes_skipped_pages_records_from_the_last_build(tmp_path: Path) -> None:
    old = {url: Record(url, f"old {url}") for url in ("a/", "b/", "gone/")}
    state = DirtyServe()
    state.finish(BuildRecord("f", set(), set(), old), tmp_path)
    state.skipped_urls = {"b/"}
    now = {"a/": Record("a/", "new a"), "c/": Record("c/", "c")}
    assert state.merge_records(now, ["a/", "b/", "c/"]) == {"a/": now["a/"], "b/": old["b/"], "c/": now["c/"]}


def test_removing_a_stale_output_removes_the_folders_it_empties(tmp_path: Path) -> None:
    page = tmp_path / "site" / "interviews" / "2026" / "x" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("x")
    (tmp_path / "site" / "interviews" / "keep.txt").write_text("k")
    remove_output(page, tmp_path / "site")
    assert not (tmp_path / "site" / "interviews" / "2026").exists()
    assert (tmp_path / "site" / "interviews" / "keep.txt").exists()


def test_serve_dirty_follows_account_facts_that_another_interview_sets(served: Served) -> None:
    newest = served.project / "interviews" / "2026" / "2026-05-02-acme.md"
    newest.write_text(newest.read_text().replace("channel: on-site", "channel: on-site\nindustry: Logistics"))
    served.rebuild()
    assert "Logistics" in served.page("segments/industry/logistics").read_text()
    assert_same_as_a_full_build(served)


def test_serve_dirty_rebuilds_only_the_page_of_a_notes_only_edit(served: Served, caplog) -> None:
    library = served.page("quotes")
    before = stamp(library)
    note = served.project / ACME
    note.write_text(note.read_text().replace("Notes.", "Notes, edited."))
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.journal"):
        served.rebuild()
    assert stamp(library) == before  # in the nav, unchanged: not written again
    assert "Notes, edited." in served.page("interviews/2026/2026-03-04-acme").read_text()
    # The interview's page and about.md (the docs' own pages are always rebuilt); nothing else shows
    # notes. The generated pages in the nav are read for their titles, not written again.
    assert "journal: rebuilt 2 pages" in caplog.text
    assert_same_as_a_full_build(served)
