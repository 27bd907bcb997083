"""Search that scales: a Pagefind index of the site, built from the generated pages, never from HTML.

    records.py  what the index holds: a record per interview, account, segment, insight, campaign and guide page
    service.py  a client of the Pagefind binary's indexing service (`pagefind --service`)
    bundle.py   a bundle made byte-identical from build to build; the bundles swapped into a site folder
    live.py     the index that follows a served site

Engines call :func:`index` with the records of a site and :func:`~.bundle.write_bundle` with the
files: the Zensical engine after Zensical's build, `journal search-index` after any other engine,
the index that follows a served site (live.py) after each rebuild. A MkDocs build hands its
records to a :class:`PartsIndex` as it renders the pages; each part is written into the build's own
folder once built, and the whole bundle swapped in at the end, before the site is. The browser side is templates/assets/search.js,
on Pagefind's JavaScript API: it fetches only the parts of the index a query needs.

Pagefind holds every record it indexes until it writes the bundle, about eighty bytes of memory
for each character of text: one process for the 5,351 pages of 5,000 interviews (17 MB of text)
peaked at 1.3 GB. So the records are indexed in parts of at most ``PART`` characters of text, each
by a Pagefind process of its own, at most two at a time; each part is a bundle and the browser
merges them (Pagefind's ``mergeIndex``). The first part is the one search.js loads, with
Pagefind's script and wasm; the others are in ``part-2/``, ``part-3/``…, listed in ``parts.json``.

Parts are cut by text, not by a number of pages: memory follows the text, and a journal of long
notes (transcripts) would otherwise need gigabytes for one part. They are cut in URL order, so
the same records make the same parts and the same bytes, however they came. A build hands the
records over as it renders page after page (:class:`PartsIndex`): a part is indexed as soon as
its records came, while MkDocs renders the next pages; after the last page only the last part
(or two) is left.

Measured (pagefind 1.5.2, /usr/bin/time -v on each Pagefind process; bench/synth.py's 5,000
interviews): parts of 1,000 pages had peaked at 270 MB with the standard shape (3.4 MB of text,
3 KB of notes per interview) and at 150-160 MB with the quote-heavy one (1.85 MB of text). Parts of
3,000,000 characters peak at 240-260 MB with either shape (1,168 and 880 pages of the standard
one, 1,913 and 1,618 of the quote-heavy one): below the build's own largest process (370-400 MB)
and the 500 MB the performance issue allows one, two of them about 500 MB in all. That makes 6
parts at 5,000 interviews of the standard shape, 4 of the quote-heavy one; a first search fetches
about 45 KB and seven requests more for each part (its entry, metadata, word chunk, filters).
A part takes about 2 s of CPU, most of it once its last record came (Pagefind builds the bundle
then); a `mkdocs build` wrote the index 2.1 s after its last page.
"""

from __future__ import annotations

import json
import shutil
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Iterable

from ...errors import SearchIndexError
from ..page import Page
from ..render import Renderer
from .bundle import canonical, new_bundle_folder, swap_bundle, write_bundle, write_files
from .records import Record, guide_record, page_record
from .service import Indexer

__all__ = ["Record", "PartsIndex", "index", "site_records", "guide_records", "write_bundle", "new_bundle_folder",
           "swap_bundle", "write_files"]

PART = 3_000_000  # characters of text a part holds at most (a page longer than that is a part of its own)
PARTS = "parts.json"


def index(records: Iterable[Record]) -> dict[str, bytes]:
    """The files of the index of ``records``, by path in the index folder. The same records give the
    same bytes, in whichever order they come and whichever engine built the pages."""
    records = list(records)
    parts = PartsIndex(r.url for r in records)
    try:
        for r in records:
            parts.add(r)
        return parts.files()
    finally:
        parts.close()


class PartsIndex:
    """The index of the pages at ``urls``, built while their records still come (a build renders
    page after page): the records are taken in URL order as far as they came, and a part is
    indexed as soon as the next page would take it over ``PART`` characters of text, at most two
    parts at a time. ``close`` it,
    whatever happened: a failed build stops the parts being indexed.

    With a ``folder`` (:func:`~.bundle.new_bundle_folder`), each part's files are written there as
    soon as the part is built, and :meth:`files` gives only those still to write.
    """

    def __init__(self, urls: Iterable[str], folder: Path | None = None):
        self.folder = folder
        self._order = sorted(set(urls))
        self._position = {url: k for k, url in enumerate(self._order)}
        self._came: dict[str, Record] = {}  # came before a page ahead of them in URL order
        self._taken = 0  # the pages in parts: self._order[:self._taken]
        self._part: list[Record] = []  # the part being filled, and its text
        self._text = 0
        self._built: list[Future[dict[str, bytes]]] = []
        self._stop = threading.Event()
        # Each part is a Pagefind process: two at most, so their memory stays bounded.
        self._pool = ThreadPoolExecutor(2, thread_name_prefix="journal-search-part")

    def add(self, record: Record) -> None:
        if self._stop.is_set():
            raise SearchIndexError("the search index was closed")
        position = self._position.get(record.url)
        if position is None:
            raise SearchIndexError(f"{record.url} is not one of the pages the search index was made for")
        if position < self._taken or record.url in self._came:
            raise SearchIndexError(f"{record.url} came twice to the search index")
        self._came[record.url] = record
        while self._taken < len(self._order) and self._order[self._taken] in self._came:
            self._take(self._came.pop(self._order[self._taken]))
        if self._taken == len(self._order):  # the last page came: no need to wait for files()
            self._cut()

    def _take(self, record: Record) -> None:
        self._taken += 1
        if self._part and self._text + len(record.content) > PART:
            self._cut()  # full: this page begins the next part
        self._part.append(record)
        self._text += len(record.content)

    def _cut(self) -> None:
        """Index the part filled so far (Pagefind numbers its pages in the order they come: URL order)."""
        if not self._part and self._built:
            return
        self._built.append(self._pool.submit(self._build, len(self._built) + 1, self._part))
        self._part, self._text = [], 0

    def _build(self, number: int, records: list[Record]) -> dict[str, bytes]:
        built = _index_part(records, number == 1, self._stop)
        files = {(f"part-{number}/" if number > 1 else "") + name: data for name, data in built.items()}
        if self.folder is None:
            return files
        write_files(files, self.folder)
        return {}

    def files(self) -> dict[str, bytes]:
        """Every file of the index (with a ``folder``: those not written there yet), by path in the index
        folder, once every part is built. Pages that never came are left out."""
        for url in self._order[self._taken:]:
            if url in self._came:
                self._take(self._came.pop(url))
        self._taken = len(self._order)
        self._cut()
        files: dict[str, bytes] = {}
        for part in self._built:
            files.update(part.result())
        files[PARTS] = json.dumps([f"part-{n}/" for n in range(2, len(self._built) + 1)]).encode()
        return files

    def close(self) -> None:
        """No part is started any more, one being indexed stops with its Pagefind process, and a
        ``folder`` not swapped into a site is removed."""
        self._pool.shutdown(wait=False, cancel_futures=True)  # first: a part ending now starts no other
        self._stop.set()
        self._pool.shutdown(wait=True)
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


def _index_part(records: list[Record], first: bool, stop: threading.Event) -> dict[str, bytes]:
    if stop.is_set():
        raise SearchIndexError("the search index was stopped")
    with Indexer() as indexer:
        for r in records:
            if stop.is_set():
                raise SearchIndexError("the search index was stopped")
            indexer.add(r.url, r.content, r.meta, r.filters)
        return canonical(indexer.files(), loader=first)


def site_records(pages: Iterable[Page]) -> list[Record]:
    """The records of the generated pages that search holds."""
    return [r for r in (page_record(page) for page in pages) if r is not None]


def guide_records(docs_dir: Path, renderer: Renderer, generated: Iterable[str] = (),
                  excluded: Callable[[str], bool] = lambda path: False) -> list[Record]:
    """The project's own pages in ``docs_dir`` (not the ``generated`` paths written there, nor those
    mkdocs.yml ``excluded`` from the site), rendered by ``renderer``: for engines that do not hand the
    journal their pages. The title is the page's first heading, else its file name."""
    skip = set(generated)
    out = []
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        if rel in skip or excluded(rel) or any(part.startswith(".") for part in Path(rel).parts):
            continue
        body = path.read_text(encoding="utf-8")
        if body.startswith("---\n") and "\n---\n" in body[4:]:
            body = body[4:].split("\n---\n", 1)[1]  # front-matter: not text of the page
        heading = next((line[2:].strip() for line in body.splitlines() if line.startswith("# ")), path.stem)
        out.append(guide_record(Page(rel).url, heading, renderer.markdown(body)))
    return out
