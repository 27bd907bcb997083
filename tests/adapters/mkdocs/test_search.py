"""The MkDocs plugin's search: the journal's Pagefind index in every build, Material's own search off."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.adapters.mkdocs.plugin import JournalPlugin
from generator.errors import SearchIndexError
from generator.site import search
from generator.site.search import PartsIndex, Record, new_bundle_folder
from tests.support import FIXTURES, build_in_process, index_files, indexed_pages, run_mkdocs

MINI = FIXTURES / "mini"


def build(tmp_path: Path, name: str = "mini"):
    project = tmp_path / name
    if not project.exists():
        shutil.copytree(MINI, project)  # its mkdocs.yml lists Material's `search` before the journal
    return project, run_mkdocs(project, "--strict")


def test_a_build_holds_the_journals_index_and_not_materials(tmp_path: Path) -> None:
    project, result = build(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Material's search plugin is turned off" in result.stderr
    site = project / "site"
    assert not (site / "search").exists()  # Material's search_index.json
    page = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert 'data-md-component="search"' not in page and "assets/journal/search.js" in page
    indexed = indexed_pages(site)
    assert {"/interviews/2026/2026-03-04-acme/", "/customers/acme-logistics/", "/about/"} <= set(indexed)
    assert indexed["/interviews/2026/2026-03-04-acme/"]["meta"]["account"] == "Acme Logistics"
    assert not any("halyard" in url or "Whitecap" in f["content"] for url, f in indexed.items())  # the confidential note


def test_rebuilds_write_a_byte_identical_index(tmp_path: Path) -> None:
    project, first = build(tmp_path)
    assert first.returncode == 0, first.stderr
    before = index_files(project / "site")
    _, second = build(tmp_path)
    assert second.returncode == 0, second.stderr
    assert index_files(project / "site") == before
    assert any(name.startswith("filter/") for name in before)  # the files Pagefind writes in hash-map order


def test_a_failed_index_fails_the_build_and_keeps_the_previous_site(tmp_path: Path, monkeypatch) -> None:
    project, result = build(tmp_path)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    _, failed = build(tmp_path)
    assert failed.returncode != 0 and "journal: pagefind stopped" in failed.stderr and "Traceback" not in failed.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert not list(project.glob(".journal-build-*"))


def test_a_build_indexes_its_pages_in_parts_as_it_renders_them(tmp_path: Path, monkeypatch) -> None:
    """In-process, with parts of at most 120 characters: every page of the one-part build, in parts
    that the first lists, in URL order."""
    project, result = build(tmp_path, "whole")
    assert result.returncode == 0, result.stderr
    whole = indexed_pages(project / "site")
    monkeypatch.setattr(search, "PART", 120)
    parts = tmp_path / "parts"
    shutil.copytree(MINI, parts)
    site = build_in_process(parts)
    listed = json.loads((site / "pagefind" / "parts.json").read_text())
    assert len(listed) >= 3 and listed == [f"part-{n}/" for n in range(2, len(listed) + 2)]
    assert indexed_pages(site) == whole and not list(site.glob(".pagefind-*"))  # written part by part, swapped in
    urls = [list(indexed_pages(site, part)) for part in ["", *listed]]
    assert [url for part in urls for url in sorted(part)] == sorted(whole)
    for part in urls:
        assert len(part) == 1 or sum(len(whole[url]["content"]) for url in part) <= 120 * 1.1  # Pagefind's text, near ours


def test_a_failed_build_stops_its_search_index(tmp_path: Path) -> None:
    plugin = JournalPlugin()
    plugin.command = "build"
    plugin.index = parts = PartsIndex(["/a/", "/b/"], new_bundle_folder(tmp_path))
    plugin.on_build_error(error=RuntimeError("a page could not be rendered"))
    assert plugin.index is None and list(tmp_path.iterdir()) == []  # nor is a part left in the site folder
    with pytest.raises(SearchIndexError, match="closed"):
        parts.add(Record("/a/", "a page rendered after the build failed"))
