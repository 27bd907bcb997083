"""The staging folder Zensical builds from: ``.journal/zensical/`` in the project, never one of its own folders.

    .journal/zensical/build.yml      the configuration derived from mkdocs.yml for a build (see config.py)
    .journal/zensical/serve.yml      the same for a server, which writes to serve/
    .journal/zensical/docs/          the team's docs/ and the journal's generated pages
    .journal/zensical/site/          where a build writes, before the finished site replaces site_dir
    .journal/zensical/.cache/        Zensical's own cache

Zensical reads a relative link in a page's HTML as relative to its Markdown file, so on
``customers.md`` it would add a ``../`` to every link the journal made relative to the page's
address (``/customers/``), which breaks a site served below a path. Each generated page is
therefore staged as ``<its address>/index.md``, where the two agree.

A sync writes only the files whose content changed and removes those no longer there, so a
Zensical server watching the folder rebuilds only what an edit changed. The team's pages are
staged as they are, but for their Markdown links to generated pages staged at another path.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
import shutil
from pathlib import Path
from typing import Callable, Iterator, Mapping
from urllib.parse import unquote

from ...site.page import Page, link_or_copy, page_url, same_file

STAGING = Path(".journal") / "zensical"
DOCS = "docs"  # relative: Zensical refuses a docs_dir outside its configuration's folder
SITES = {"build": "site", "serve": "serve"}  # where Zensical writes, by command (also inside that folder)


def staged_path(path: str) -> str:
    """Where a generated file is staged: a Markdown page as ``<address>/index.md``, any other file where it is."""
    if not path.endswith(".md") or path == "index.md" or path.endswith("/index.md"):
        return path
    return page_url(path) + "index.md"


def moved_pages(pages: Mapping[str, Page]) -> dict[str, str]:
    """The generated files staged at another path than their own: path -> staged path."""
    return {path: staged_path(path) for path in pages if staged_path(path) != path}


def team_docs(docs_dir: Path) -> dict[str, Path]:
    """The team's files in docs/ by their path in it (hidden files and folders left out, as MkDocs does)."""
    found: dict[str, Path] = {}
    if not docs_dir.is_dir():
        return found
    for folder, dirs, files in os.walk(docs_dir, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                path = Path(folder) / name
                found[path.relative_to(docs_dir).as_posix()] = path
    return found


class Staging:
    """The staging folder of the project at ``root``; remembers what it wrote, so a sync compares cheaply."""

    def __init__(self, root: Path):
        self.dir = root / STAGING
        self.docs = self.dir / DOCS
        self._tmp = self.dir / ".writing"
        self._digests: dict[str, str] = {}  # staged path -> digest of what is there
        self._stamps: dict[str, object] = {}  # what each file was staged from (see sync)
        self._paths: set[str] = set()  # the staged files after the last sync

    def sync(self, pages: Mapping[str, Page], docs: Mapping[str, Path]) -> list[str]:
        """Make docs/ of the staging folder hold exactly ``pages`` (staged) and the team's ``docs``;
        the staged paths written or removed."""
        self.docs.mkdir(parents=True, exist_ok=True)
        self._tmp.mkdir(parents=True, exist_ok=True)
        moved = moved_pages(pages)
        moves = hashlib.sha1(repr(sorted(moved.items())).encode()).hexdigest()
        wanted: dict[str, Callable[[], bool]] = {}  # staged path -> puts it there; whether that wrote it
        # What says a file is as the last sync staged it, so it is not even made again: a team file's
        # (mtime, size, the moves its links follow); a page the server's cache reused (the same object).
        stamps: dict[str, object] = {}
        for path, source in docs.items():
            stat = source.stat()
            stamps[path] = (stat.st_mtime_ns, stat.st_size, moves)
            wanted[path] = lambda path=path, source=source: self._put(path, _team_file(path, source, moved))
        for path, page in pages.items():
            staged = staged_path(path)
            stamps[staged] = page
            if page.file is not None:  # a card image: linked from the card cache, not read
                wanted[staged] = lambda staged=staged, file=page.file: self._link(staged, file)
            else:
                wanted[staged] = lambda staged=staged, page=page: self._put(staged, page.data if page.data is not None else _bytes(page.content))
        changed = [path for path, put in wanted.items() if self._stamps.get(path) != stamps[path] and put()]
        self._stamps = stamps
        if set(wanted) != self._paths:  # a file added or gone: compare with the folder itself
            for path in sorted(set(self._existing()) - set(wanted)):
                (self.docs / path).unlink()
                self._digests.pop(path, None)
                changed.append(path)
            _remove_empty_folders(self.docs)
            self._paths = set(wanted)
        return changed

    def _put(self, path: str, data: bytes) -> bool:
        """Write ``data`` at ``path`` unless it is there already; whether it was written."""
        target = self.docs / path
        digest = hashlib.sha1(data).hexdigest()
        if path not in self._digests and target.is_file():
            self._digests[path] = hashlib.sha1(target.read_bytes()).hexdigest()
        if self._digests.get(path) == digest:
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        part = self._tmp / hashlib.sha1(path.encode()).hexdigest()
        part.write_bytes(data)
        os.replace(part, target)  # a watching server never reads half a file
        self._digests[path] = digest
        return True

    def _link(self, path: str, source: Path) -> bool:
        """Put the file ``source`` at ``path`` (see ``link_or_copy``) unless it is there already; whether it was."""
        target = self.docs / path
        if same_file(source, target):
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(source, target)
        self._digests.pop(path, None)
        return True

    def _existing(self) -> Iterator[str]:
        for folder, _, files in os.walk(self.docs):
            for name in files:
                yield (Path(folder) / name).relative_to(self.docs).as_posix()

    def write_config(self, name: str, text: str) -> Path:
        """Write a configuration file into the staging folder, when its text changed (a server watches it)."""
        path = self.dir / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        return path

    def clear_site(self, name: str) -> Path:
        """The empty folder Zensical builds into (what a failed build left there is removed first)."""
        site = self.dir / name
        shutil.rmtree(site, ignore_errors=True)
        return site


# A Markdown link's target ending in .md (inline, or a reference definition), and its #fragment.
_MD_LINK = re.compile(r"(\]\(\s*<?|^[ ]{0,3}\[[^\]]+\]:\s*<?)([^()\s<>#]+\.md)(#[^()\s<>]*)?", re.M)


def relink(text: str, path: str, moved: Mapping[str, str]) -> str:
    """A team page's Markdown links to generated pages staged elsewhere (``customers.md``), pointed at
    where they are (``customers/index.md``): Zensical checks every link against the staged files."""
    folder = posixpath.dirname(path)

    def swap(link: re.Match) -> str:
        target = moved.get(posixpath.normpath(posixpath.join(folder, unquote(link.group(2)))))
        if target is None:
            return link.group(0)
        return link.group(1) + posixpath.relpath(target, folder or ".") + (link.group(3) or "")

    return _MD_LINK.sub(swap, text)


def _team_file(path: str, source: Path, moved: Mapping[str, str]) -> bytes:
    data = source.read_bytes()
    if not path.endswith(".md") or not moved:
        return data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:  # Zensical will say what it thinks of it
        return data
    return relink(text, path, moved).encode("utf-8")


def _bytes(content: str | bytes) -> bytes:
    return content if isinstance(content, bytes) else content.encode("utf-8")


def _remove_empty_folders(top: Path) -> None:
    for folder, _, _ in os.walk(top, topdown=False):  # the deepest first, so a parent emptied by its children goes too
        if Path(folder) != top and not os.listdir(folder):
            os.rmdir(folder)
