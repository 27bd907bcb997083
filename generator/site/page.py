"""A generated file of the docs tree: a Markdown page (a title and its body HTML) or a data file."""

from __future__ import annotations

import json
import os
import shutil
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from markupsafe import escape

# Characters: a body this long is kept compressed until an engine takes it. A large journal's
# account and segment pages wait in memory for MkDocs to ask for them (170 MB of text at 45,000
# quotes, the build's peak); compressed, they take a tenth of that, for a few tenths of a second.
BIG_HTML = 1 << 17


@dataclass(frozen=True)
class Searchable:
    """A page the search index holds, and what it records besides the page's text: ``meta`` is
    shown with a hit (``title`` as its heading), ``filters`` narrow a search. (No sort keys: the index
    comes in parts, and Pagefind merges parts' results by score only; see site/search.)"""

    meta: dict[str, str]
    filters: dict[str, list[str]] = field(default_factory=dict)


class Page:
    """A generated file of the docs tree: a Markdown page (title + body HTML) or a data file.

    A data file is text, bytes (``data``: a campaign pack), or a file on disk (``file``: a card
    image in the card cache), which engines link or copy into the site rather than read."""

    __slots__ = ("path", "_text", "title", "_html", "search_html", "search", "meta", "in_nav", "data", "file")

    def __init__(self, path: str, content: str | None = None, *, title: str | None = None, html: str | None = None,
                 search_html: str | None = None, meta: dict[str, Any] | None = None, in_nav: bool = False,
                 data: bytes | None = None, file: Path | None = None):
        self.path = path  # e.g. "interviews/2026/acme.md", "quotes/quotes.json"
        self._text = content  # data files' text; Markdown pages derive theirs from title + html
        self.data = data
        self.file = file
        self.title = title
        self.html = html
        self.search_html = search_html  # a leaner body for the search index, when it differs
        self.search: Searchable | None = None  # None: the page is not in the search index (site/search)
        self.meta = meta or {}  # extra front-matter
        self.in_nav = in_nav

    @property
    def html(self) -> str | None:
        """The body HTML of a Markdown page (the plugin hands it to MkDocs as is)."""
        body = self._html
        return zlib.decompress(body).decode("utf-8") if isinstance(body, bytes) else body

    @html.setter
    def html(self, body: str | None) -> None:
        self._html = zlib.compress(body.encode("utf-8"), 1) if body is not None and len(body) > BIG_HTML else body

    @property
    def has_html(self) -> bool:
        """A page with a body (without reading it: see ``html``)."""
        return self._html is not None

    @property
    def content(self) -> str:
        """The file's full text (what a pre-build step writes to disk)."""
        if self._text is not None:
            return self._text
        return markdown_page(self.title or "", self.html or "", self.meta)

    @property
    def is_markdown(self) -> bool:
        """A page built from a title and body HTML (not a data file)."""
        return self._text is None and not self.is_binary

    @property
    def is_binary(self) -> bool:
        """A data file of bytes or on disk: see ``data`` and ``file``; ``content`` does not apply."""
        return self.data is not None or self.file is not None

    @property
    def front_matter(self) -> str:
        """Just the front-matter: enough for MkDocs, which gets the HTML from the plugin."""
        return markdown_page(self.title or "", "", self.meta)

    @property
    def url(self) -> str:
        return page_url(self.path)


def page_url(path: str) -> str:
    """Directory-style site URL (no leading slash) of a docs path."""
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[:-5].rstrip("/")
    return stem + "/" if stem else ""


def markdown_page(title: str, html: str, meta: dict[str, Any] | None = None) -> str:
    """A Markdown file whose front-matter holds the (escaped) title and whose body is HTML.

    Themes insert the title raw into <title> and the nav, so it is escaped here.
    JSON is valid YAML, which keeps the front-matter safe whatever the title holds.
    """
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False, sort_keys=True)}" for key, value in
             {"title": str(escape(title)), **(meta or {})}.items()]
    return "---\n" + "\n".join(lines) + "\n---\n" + (f"\n{wrap_body(html)}" if html else "")


def wrap_body(html: str) -> str:
    """One block-level element, so any Markdown processor passes the body through whole."""
    return f'<div class="journal">\n{html.strip()}\n</div>\n'


def write_pages(pages: dict[str, Page], docs_dir: Path) -> None:
    """Write generated files to disk (pre-build step for generators without plugins)."""
    for path, page in pages.items():
        target = docs_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if page.file is not None:
            link_or_copy(page.file, target)
        elif page.data is not None:
            target.write_bytes(page.data)
        else:
            target.write_text(page.content, encoding="utf-8")


def link_or_copy(source: Path | str, target: Path | str) -> None:
    """Put ``source`` at ``target``: a hard link (no bytes copied: thousands of card images), or a
    copy with its modification time where links cannot be made (another file system)."""
    try:
        os.link(source, target)
    except FileExistsError:
        if not same_file(source, target):
            os.unlink(target)
            link_or_copy(source, target)
    except OSError:
        shutil.copy2(source, target)


def same_file(source: Path | str, target: Path | str) -> bool:
    """Does ``target`` hold ``source`` already: the same file (a link to it), or its copy (same size
    and modification time; card cache files never change once written)?"""
    try:
        a, b = os.stat(source), os.stat(target)
    except OSError:
        return False
    return (a.st_ino, a.st_dev) == (b.st_ino, b.st_dev) or (a.st_size, a.st_mtime_ns) == (b.st_size, b.st_mtime_ns)


def clashing_docs(pages: Mapping[str, Page], docs: Mapping[str, str]) -> list[tuple[str, Page]]:
    """(docs file, generated page) pairs at one path or one address; ``docs``: each docs file's URL by its path."""
    by_url = {url: src for src, url in docs.items()}
    return [(path if path in docs else by_url[page.url], page) for path, page in pages.items()
            if path in docs or page.url in by_url]


def clash_message(docs_label: str, clash: tuple[str, Page]) -> str:
    src, page = clash
    return f"{docs_label}/{src} has the address of a generated page (/{page.url}); rename or remove it"
