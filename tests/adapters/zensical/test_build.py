"""`journal build --engine zensical`: the sample journal built by both engines gives the same journal,
a journal with errors builds nothing, and the project's own folders are never written to."""

from __future__ import annotations

import hashlib
import html
import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.adapters.zensical.guard import MESSAGE
from tests.support import FIXTURES, build_with_zensical, copy_project, mkdocs_env, run_journal

MINI = FIXTURES / "mini"
# What only one engine writes: its theme's files, its search index, MkDocs' gzipped sitemap.
THEME = re.compile(r"^(assets/(javascripts|stylesheets|images)/|search/|search\.json$|sitemap\.xml\.gz$)")
EXPORTS = ("quotes/quotes.json", "quotes/quotes.csv", "feed.xml")


def site_files(site: Path) -> set[str]:
    """The site's files that are the journal's and the team's, not the engine's."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()} - {
        p for p in (q.relative_to(site).as_posix() for q in site.rglob("*")) if THEME.match(p)}


def journal_block(page: str) -> str | None:
    """The generated body of a page: the whole <div class="journal">…</div> element, without the
    data-search-* markers (Material's search plugin takes them out of the pages it indexes)."""
    page = re.sub(r'\sdata-search-\w+(="[^"]*")?', "", page)
    start = page.find('<div class="journal">')
    if start < 0:
        return None
    depth = 0
    for tag in re.finditer(r"<(/?)div\b", page[start:]):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return page[start : start + tag.end() + 1]
    raise AssertionError("unclosed journal block")


def snapshot(project: Path) -> dict[str, str]:
    """A digest of every file of the project's own folders and mkdocs.yml."""
    out = {}
    for name in ("mkdocs.yml", "docs", "interviews", "campaigns", "insights"):
        path = project / name
        for file in [path] if path.is_file() else sorted(path.rglob("*")) if path.is_dir() else []:
            if file.is_file():
                out[file.relative_to(project).as_posix()] = hashlib.sha1(file.read_bytes()).hexdigest()
    return out


def test_both_engines_build_the_same_addresses(sample_site: Path, zensical_sample_site: Path) -> None:
    mkdocs, zensical = site_files(sample_site), site_files(zensical_sample_site)
    assert mkdocs == zensical
    assert {"index.html", "customers/index.html", "quotes/index.html", "assets/journal/journal.css", *EXPORTS} <= zensical
    assert len([p for p in zensical if p.startswith("interviews/")]) > 20


def test_exports_and_assets_are_byte_identical(sample_site: Path, zensical_sample_site: Path) -> None:
    shared = [p for p in site_files(sample_site) if not p.endswith(".html") and not p.endswith("sitemap.xml")]
    assert set(EXPORTS) <= set(shared)
    for path in shared:
        assert (sample_site / path).read_bytes() == (zensical_sample_site / path).read_bytes(), path


def test_every_generated_page_has_the_same_body_and_title(sample_site: Path, zensical_sample_site: Path) -> None:
    compared = 0
    for path in sorted(p for p in site_files(sample_site) if p.endswith(".html")):
        mkdocs, zensical = (sample_site / path).read_text(), (zensical_sample_site / path).read_text()
        assert journal_block(mkdocs) == journal_block(zensical), path
        title = re.compile(r"<title>(.*?)</title>", re.S)
        assert title.search(mkdocs).group(1).strip() == title.search(zensical).group(1).strip(), path
        compared += journal_block(mkdocs) is not None
    assert compared > 100


def test_every_relative_link_stays_inside_the_site(zensical_sample_site: Path) -> None:
    """Zensical reads a link in a page's HTML as relative to its Markdown file: staged as customers.md,
    the customers page's links would gain a ../ and leave a site served below a path."""
    broken, checked = [], 0
    for page in zensical_sample_site.rglob("*.html"):
        here = posixpath.dirname(page.relative_to(zensical_sample_site).as_posix())
        for raw in re.findall(r'\s(?:href|src)="([^"]*)"', page.read_text()):
            url = urlsplit(html.unescape(raw))
            if url.scheme or url.netloc or not url.path or url.path.startswith("/"):
                continue
            checked += 1
            target = posixpath.normpath(posixpath.join(here, unquote(url.path)))
            file = zensical_sample_site / target
            if target.startswith("..") or not (file.is_file() or (file / "index.html").is_file()):
                broken.append(f"{page.relative_to(zensical_sample_site)}: {raw}")
    assert checked > 5000 and broken == []


def test_a_failing_journal_builds_nothing(tmp_path: Path) -> None:
    project = tmp_path / "mini"
    shutil.copytree(MINI, project)
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("the previous site")
    bad = project / "interviews" / "2026" / "2026-03-04-acme.md"
    bad.write_text(bad.read_text().replace("relationship: customer", "relationship: custmer"))
    before = snapshot(project)
    result = run_journal(project, "build", "--engine", "zensical")
    assert result.returncode == 1
    assert "interviews/2026/2026-03-04-acme.md:4: error: relationship: 'custmer'" in result.stderr
    assert "Traceback" not in result.stderr
    assert (project / "site" / "index.html").read_text() == "the previous site"
    assert snapshot(project) == before
    assert not (project / ".journal").exists()  # nothing staged either
    assert sorted(p.name for p in project.iterdir()) == ["docs", "interviews", "mkdocs.yml", "site"]


def test_a_failing_zensical_build_keeps_the_previous_site(tmp_path: Path) -> None:
    project = tmp_path / "mini"
    shutil.copytree(MINI, project)
    site = build_with_zensical(project)
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (project / "docs" / "about.md").write_text("# About\n\nSee [the missing page](missing.md).\n")  # a warning
    result = run_journal(project, "build", "--engine", "zensical", "--strict")
    assert result.returncode == 1
    assert "Zensical's build failed" in result.stderr and "the site was not changed" in result.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert not list(project.glob(".journal-build-*")) and not list(project.glob(".site.journal-old-*"))


def test_a_build_writes_only_the_site_and_the_staging_folder(tmp_path: Path) -> None:
    project = tmp_path / "mini"
    shutil.copytree(MINI, project)
    (project / "docs" / "guide.md").write_text("# Guide\n\nSee [every account](customers.md#journal-accounts).\n")
    before = snapshot(project)
    site = build_with_zensical(project)  # --strict: the link to the generated page resolves
    assert snapshot(project) == before
    assert sorted(p.name for p in project.iterdir()) == [".journal", "docs", "interviews", "mkdocs.yml", "site"]
    assert "Acme Logistics" in (site / "customers" / "acme-logistics" / "index.html").read_text()
    assert 'href="../customers/#journal-accounts"' in (site / "guide" / "index.html").read_text()
    staged = project / ".journal" / "zensical" / "docs"
    assert (staged / "about.md").read_bytes() == (project / "docs" / "about.md").read_bytes()
    assert (staged / "customers" / "index.md").is_file() and not (staged / "customers.md").exists()


def test_a_docs_page_at_a_generated_address_fails_the_build(tmp_path: Path) -> None:
    project = tmp_path / "mini"
    shutil.copytree(MINI, project)
    (project / "docs" / "quotes.md").write_text("# My quotes\n")
    result = run_journal(project, "build", "--engine", "zensical")
    assert result.returncode == 1
    assert "docs/quotes.md has the address of a generated page (/quotes/); rename or remove it" in result.stderr
    assert not (project / "site").exists()


def test_file_names_with_spaces_accents_and_hash_get_working_pages(tmp_path: Path) -> None:
    project = tmp_path / "mini"
    shutil.copytree(MINI, project)
    folder = project / "interviews" / "2026"
    (folder / "2026-03-04-acme.md").rename(folder / "Café notes – Acme #1?.md")
    site = build_with_zensical(project)
    page = site / "interviews" / "2026" / "Café notes – Acme #1?" / "index.html"
    assert "We cut our on-call pages in half" in page.read_text()
    account = (site / "customers" / "acme-logistics" / "index.html").read_text()
    link = re.search(r'href="([^"]*Caf[^"]*)"', account).group(1)
    assert (site / "customers" / "acme-logistics" / unquote(urlsplit(link).path) / "index.html").resolve() == page.resolve()


@pytest.mark.parametrize("command", ["build", "serve"])
def test_zensical_run_on_mkdocs_yml_directly_stops_and_says_why(tmp_path: Path, command: str) -> None:
    """The sample's mkdocs.yml lists the guard: Zensical, which skips the journal plugin, stops with the
    command to run instead (MkDocs, which runs the plugin, builds the sample with it: see sample_site)."""
    project = copy_project(tmp_path)
    args = ["-a", "127.0.0.1:0"] if command == "serve" else []
    result = subprocess.run([sys.executable, "-m", "zensical", command, *args], cwd=project, env=mkdocs_env(),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert MESSAGE in result.stderr
    assert "journal build --engine zensical" in MESSAGE
