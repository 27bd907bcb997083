"""Builds people can trust: atomic, reproducible, read-only towards the notes, offline."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from tests.support import copy_project, mkdocs_env, run_mkdocs

AUDITED = Path(__file__).parent / "integrity" / "run_mkdocs_audited.py"
NOTES = ("interviews", "campaigns", "insights")


def audited_build(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(AUDITED), *args], cwd=project, env={**mkdocs_env(), **env},
                          capture_output=True, text=True, timeout=300)


def hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def snapshot(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Content, mode and mtime of every entry: what a write, chmod or touch would change."""
    out = {}
    for p in sorted(folder.rglob("*")):
        st = p.lstat()
        out[p.relative_to(folder).as_posix()] = (hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "",
                                                 st.st_mode, st.st_mtime_ns)
    return out


def built_project(tmp: Path) -> tuple[Path, dict[str, str]]:
    project = copy_project(tmp)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project, hashes(project / "site")


def assert_unchanged_after_failure(project: Path, before: dict[str, str], result: subprocess.CompletedProcess) -> None:
    assert result.returncode != 0
    assert hashes(project / "site") == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".")] == []  # no temporary build left


def test_an_exception_mid_build_leaves_the_previous_site(tmp_path: Path) -> None:
    project, before = built_project(tmp_path)
    # A hook that fails while MkDocs renders pages, after many have been written.
    (project / "boom.py").write_text(
        "def on_page_content(html, page, **kwargs):\n"
        "    if page.file.src_uri.startswith('interviews/2026/2026-06'):\n"
        "        raise RuntimeError('template blew up')\n"
        "    return html\n", encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config + "\nhooks:\n  - boom.py\n", encoding="utf-8")
    result = run_mkdocs(project)
    assert "template blew up" in result.stderr  # a bug, not bad input: MkDocs shows its traceback
    assert_unchanged_after_failure(project, before, result)


def test_a_strict_warning_after_all_pages_leaves_the_previous_site(tmp_path: Path) -> None:
    project, before = built_project(tmp_path)
    (project / "docs" / "about.md").write_text("# About\n\n[broken](missing.md)\n", encoding="utf-8")
    result = run_mkdocs(project, "--strict")
    assert "missing.md" in result.stderr and "Traceback" not in result.stderr
    assert_unchanged_after_failure(project, before, result)


def test_builds_are_byte_identical_whatever_the_listing_order(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = copy_project(tmp_path / "a"), copy_project(tmp_path / "b")
    assert audited_build(first, "--strict").returncode == 0
    result = audited_build(second, "--strict", JOURNAL_TEST_REVERSE_LISTING="1")
    assert result.returncode == 0, result.stderr
    one, two = hashes(first / "site"), hashes(second / "site")
    assert len(one) > 100
    assert sorted(one) == sorted(two)
    assert [path for path in one if one[path] != two[path]] == []


def test_the_build_never_writes_into_the_notes(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    folders = [project / name for name in NOTES]
    for folder in folders:  # read-only too, for a CI that does not run as root
        for path in [folder, *folder.rglob("*")]:
            path.chmod(path.stat().st_mode & ~0o222)
    before = {f.name: snapshot(f) for f in folders}
    try:
        result = audited_build(project, "--strict", JOURNAL_TEST_GUARD=os.pathsep.join(map(str, folders)))
        assert result.returncode == 0, result.stderr
        assert "GUARD" not in result.stderr
        assert {f.name: snapshot(f) for f in folders} == before
    finally:
        for folder in folders:
            for path in [folder, *folder.rglob("*")]:
                path.chmod(path.stat().st_mode | 0o200)


def test_the_guard_catches_a_write(tmp_path: Path) -> None:
    """The audit hook above is not vacuous: a hook writing into interviews/ is stopped."""
    project = copy_project(tmp_path)
    (project / "sneaky.py").write_text(
        "def on_post_build(config, **kwargs):\n"
        "    open('interviews/cache.txt', 'w').write('x')\n", encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config + "\nhooks:\n  - sneaky.py\n", encoding="utf-8")
    result = audited_build(project, JOURNAL_TEST_GUARD=str(project / "interviews"))
    assert result.returncode == 97 and "GUARD: write to interviews/cache.txt" in result.stderr


class _Resources(HTMLParser):
    """Every URL a browser would fetch to show the page (not links a person follows)."""

    FETCHED_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon"}

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and set(a.get("rel", "").lower().split()) & self.FETCHED_LINKS:
            self.urls.append(a.get("href", ""))
        for name in ("src", "poster", "data"):
            if name in a and tag in ("script", "img", "iframe", "audio", "video", "source", "embed", "object", "track", "input"):
                self.urls.append(a[name])
        if "srcset" in a:
            self.urls += [part.split()[0] for part in a["srcset"].split(",") if part.strip()]
        if "style" in a:
            self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", a["style"])


def _external(url: str) -> bool:
    return bool(re.match(r"^\s*(https?:)?//", url, re.I))


def test_no_page_fetches_anything_from_outside_the_site(sample_site: Path) -> None:
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) > 50
    found: dict[str, list[str]] = {}
    seen = 0
    for page in pages:
        scan = _Resources()
        text = page.read_text(encoding="utf-8")
        scan.feed(text)
        seen += len(scan.urls)
        inline_css = " ".join(re.findall(r"<style[^>]*>(.*?)</style>", text, re.S))
        external = [u for u in scan.urls + re.findall(r"(?:url\(|@import)\s*['\"]?([^'\")\s;]+)", inline_css) if _external(u)]
        if external:
            found[page.relative_to(sample_site).as_posix()] = external
    assert seen > len(pages)  # the scan sees the theme's own scripts and styles
    assert found == {}
    for css in sample_site.rglob("*.css"):
        urls = re.findall(r"(?:url\(|@import)\s*['\"]?([^'\")\s;]+)", css.read_text(encoding="utf-8"))
        assert [u for u in urls if _external(u)] == [], css.relative_to(sample_site)
    # Material's bundle fetches mermaid from a CDN only for pages with a mermaid diagram: none may have one.
    assert not [p for p in pages if 'class="mermaid"' in p.read_text(encoding="utf-8")]
