"""The MkDocs plugin's search: the journal's Pagefind index in every build, Material's own search off."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support import FIXTURES, index_files, indexed_pages, run_mkdocs

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
