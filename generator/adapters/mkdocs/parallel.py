"""Interview pages rendered in a forked worker while the caller does other work.

MkDocs builds pages one after another on one core. Rendering the interview
pages (Markdown, sanitising, templates) in a second process, streamed in the
order MkDocs asks for them, lets both cores work: the build then costs about
as much as MkDocs' own share, whatever the journal's size. The worker first
builds the quotes library while the caller builds the other generated pages.

Which side is faster depends on the journal (long notes: the worker's Markdown;
many short ones: MkDocs' theme), so neither waits for the other: when MkDocs asks
for a page the worker has not finished, this process renders the next chunk of
pages itself meanwhile.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from multiprocessing.pool import AsyncResult
from typing import Iterator

from ...core.model import Interview
from ...site.pages import interviews as interview_pages
from ...site.context import Site
from ...site.page import Page
from ...site.search.records import Record, page_record
from ...site.registry import FAMILIES

CHUNK = 32
WINDOW = 16  # chunks rendered ahead of MkDocs: about 16 MB of pages, waiting
# Families of other pages the worker builds first, while the caller builds the rest (the
# quotes library: a third of their time, and the most memory while it is built).
OFFLOADED = ("quotes",)
_SITE: Site | None = None  # inherited by the forked worker
_ORDERED: list[Interview] = []  # its interviews in page order, as MkDocs asks for them


def _render_chunk(bounds: tuple[int, int]) -> tuple[list[tuple[Page, Record | None]], float]:
    """The interview pages of a chunk with their search records, and the seconds they took.

    The worker makes the records too (a page's HTML stripped to its words): one step less for
    the process that runs MkDocs."""
    assert _SITE is not None
    started = time.perf_counter()
    pages = [interview_pages.render(_SITE, i) for i in _ORDERED[bounds[0] : bounds[1]]]
    return [(page, page_record(page)) for page in pages], time.perf_counter() - started


def _build_families(names: tuple[str, ...]) -> tuple[list[Page], float]:
    assert _SITE is not None
    started = time.perf_counter()
    pages = [page for name in names for page in FAMILIES[name].build(_SITE)]
    return pages, time.perf_counter() - started


def _in_page_order(interviews: list[Interview]) -> list[Interview]:
    return sorted(interviews, key=lambda i: i.page_path)


class InterviewPageStream:
    """Renders every interview page (and the ``OFFLOADED`` families) in a worker process;
    ``get`` returns interview pages as they come.

    The worker renders at most ``WINDOW`` chunks ahead of the pages asked for: pages rendered
    far ahead would wait in this process's memory. When it is behind, ``get`` renders the chunk
    after the window here rather than wait.
    """

    def __init__(self, site: Site):
        global _SITE, _ORDERED
        _SITE, _ORDERED = site, _in_page_order(site.journal.interviews)
        n = len(site.journal.interviews)
        self._pool = multiprocessing.get_context("fork").Pool(1)
        self._chunks = deque((i, min(i + CHUNK, n)) for i in range(0, n, CHUNK))
        self._pending: deque[AsyncResult] = deque()
        self._ready: dict[str, tuple[Page, Record | None]] = {}
        self.families_seconds = self.interview_seconds = 0.0  # the worker's time, for the build's timings
        self.own_seconds, self.own_pages = 0.0, 0  # the interview pages this process rendered while the worker was busy
        self.waited = 0.0  # how long ``get`` waited for the worker: MkDocs was idle meanwhile
        self._families = self._pool.apply_async(_build_families, (OFFLOADED,))
        self._submit()

    def families(self) -> Iterator[Page]:
        """The pages of the ``OFFLOADED`` families, once the worker has built them."""
        pages, self.families_seconds = self._families.get()  # re-raises a worker's exception here
        yield from pages

    def _submit(self) -> None:
        # Near the end the worker gets at most half of what is left: rather than wait for its last
        # chunks, this process renders the other half.
        while self._chunks and len(self._pending) < min(WINDOW, len(self._chunks)):
            self._pending.append(self._pool.apply_async(_render_chunk, (self._chunks.popleft(),)))

    def placeholders(self) -> dict[str, Page]:
        """The pages' paths and titles, known without rendering, for MkDocs' file list (in the
        order the pages are rendered: ``_ORDERED``, which this stream set)."""
        out = {}
        for interview in _ORDERED:
            title = interview_pages.page_title(interview)
            out[interview.page_path] = Page(interview.page_path, title=title)
        return out

    def get(self, path: str) -> tuple[Page, Record | None]:
        """The interview page at ``path`` and its search record."""
        while path not in self._ready:
            if not self._pending:
                raise KeyError(f"no interview page {path}")
            if not self._pending[0].ready() and self._chunks:  # the worker is behind: help it
                pages, seconds = _render_chunk(self._chunks.popleft())
                self.own_seconds += seconds
                self.own_pages += len(pages)
            else:
                started = time.perf_counter()
                pages, seconds = self._pending.popleft().get()  # re-raises a worker's exception here
                self.waited += time.perf_counter() - started
                self.interview_seconds += seconds
                self._submit()
            for page, record in pages:
                self._ready[page.path] = page, record
        return self._ready.pop(path)

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()
