"""`mkdocs serve --dirty`: after an edit, rebuild only the pages that changed.

A dirty MkDocs build skips every page whose file reports "not modified" and keeps
the site directory between builds. The plugin lets it skip exactly the generated
pages outside the nav whose rendered page came unchanged from the serve page cache
(``Site.reuse``), provided the frame every page shares (mkdocs.yml, the nav, theme
overrides) is unchanged and the page's output is still on disk; every other page
is rebuilt as in a clean build. This module keeps what a rebuild needs from
the last successful build: those pages, the frame, the files written and the
search entries of every page, so skipped pages stay in the search index.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ...core.project import config_files

SearchEntry = dict  # {"location": "url#anchor", "title": ..., "text": ...}


@dataclass
class BuildRecord:
    """What one successful build produced."""

    frame: str  # frame_digest of the build
    pages: set[str]  # docs paths of the generated pages
    outputs: set[str]  # absolute output paths of every page and file MkDocs wrote
    search: dict[str, list[SearchEntry]] = field(default_factory=dict)  # search entries by page URL


@dataclass
class DirtyServe:
    """State of `serve --dirty` across rebuilds (the plugin instance survives them)."""

    last: BuildRecord | None = None
    skipped: set[str] = field(default_factory=set)  # this build: docs paths of the pages MkDocs skips
    skipped_urls: set[str] = field(default_factory=set)

    def plan(self, frame: str, reused: Iterable[str], exists) -> set[str]:
        """Choose the generated pages to skip: reused from the page cache, built last time in the same frame.

        ``exists(path)`` tells whether the page's output is in the site directory.
        """
        last = self.last
        if last is None or last.frame != frame:
            self.skipped = set()
        else:
            self.skipped = {path for path in reused if path in last.pages and exists(path)}
        return self.skipped

    def merge_search(self, entries: list[SearchEntry], order: list[str]) -> list[SearchEntry]:
        """This build's entries plus the last build's entries of skipped pages, in page order.

        ``order`` lists the URLs of this build's pages as MkDocs builds them, so the
        result is what a clean build would index.
        """
        now = by_url(entries)
        before = self.last.search if self.last is not None else {}
        merged: list[SearchEntry] = []
        for url in order:
            merged += before.get(url, []) if url in self.skipped_urls else now.pop(url, [])
        for rest in now.values():  # entries of pages outside `order` (another plugin's), kept as they came
            merged += rest
        return merged

    def finish(self, record: BuildRecord, site_dir: Path) -> list[str]:
        """Remember a successful build; delete what the last one wrote and this one no longer has."""
        stale = sorted(self.last.outputs - record.outputs) if self.last is not None else []
        for path in stale:
            remove_output(Path(path), site_dir)
        self.last, self.skipped, self.skipped_urls = record, set(), set()
        return stale

    def forget(self) -> None:
        """A build failed after it began writing: the next one starts from scratch."""
        self.last, self.skipped, self.skipped_urls = None, set(), set()


def by_url(entries: Iterable[SearchEntry]) -> dict[str, list[SearchEntry]]:
    """Search entries grouped by the URL of their page (a location is ``url`` or ``url#anchor``)."""
    grouped: dict[str, list[SearchEntry]] = {}
    for entry in entries:
        grouped.setdefault(str(entry.get("location", "")).split("#", 1)[0], []).append(entry)
    return grouped


def frame_digest(config_file: Path | None, settings: str, nav_pages: Iterable[tuple[str, bytes]],
                 theme_dir: Path | None) -> str:
    """A digest of what surrounds every page's body: mkdocs.yml (and what it inherits), the nav (each page's URL and
    source, which gives its title), the theme's custom_dir, and ``settings`` (site URL and folder)."""
    digest = hashlib.sha1(settings.encode())
    for path in config_files(config_file) if config_file is not None else ():
        digest.update(path.read_bytes())
    for url, source in nav_pages:
        digest.update(b"\0" + url.encode() + b"\0" + hashlib.sha1(source).digest())
    if theme_dir is not None and theme_dir.is_dir():
        for path in sorted(theme_dir.rglob("*")):
            if path.is_file():  # by content: a save in the same clock tick keeps the time stamp
                digest.update(f"\0{path}\0".encode() + hashlib.sha1(path.read_bytes()).digest())
    return digest.hexdigest()


def remove_output(path: Path, site_dir: Path) -> None:
    """Delete an output file and the folders it leaves empty (never site_dir itself)."""
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    folder = path.parent
    while folder != site_dir and folder.is_relative_to(site_dir):
        try:
            os.rmdir(folder)
        except OSError:  # not empty (or gone)
            break
        folder = folder.parent
