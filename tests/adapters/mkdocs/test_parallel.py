"""generator.adapters.mkdocs.parallel: interview pages streamed from a worker, in MkDocs' order."""

from __future__ import annotations

import os
import time

import pytest

from generator.adapters.mkdocs import parallel
from generator.core.load import load_project
from generator.site.context import Site
from generator.site.pages import interviews as interview_pages
from generator.site.render import Renderer
from generator.site.search.records import page_record
from tests.support import REPO

_render = parallel._render_chunk
_MAIN = os.getpid()


def _late_render(bounds: tuple[int, int]):
    """The worker's chunks, each late: the process that asks for pages is faster."""
    if os.getpid() != _MAIN:
        time.sleep(3)
    return _render(bounds)


@pytest.fixture(scope="module")
def site() -> Site:
    journal, problems = load_project(REPO)  # the sample journal
    assert not problems.errors
    return Site(journal, Renderer())


def expected(site: Site) -> dict[str, tuple[str | None, object]]:
    pages = [interview_pages.render(site, i) for i in site.journal.interviews]
    return {page.path: (page.html, page_record(page)) for page in pages}


def stream_all(site: Site, *, worker_first: bool) -> tuple[dict[str, tuple[str | None, object]], parallel.InterviewPageStream]:
    """Every interview page from a stream; ``worker_first``: once the worker has rendered its window."""
    stream = parallel.InterviewPageStream(site)
    try:
        if worker_first:
            stream._pending[-1].wait()  # the worker takes its chunks in order
        got = {}
        for path in stream.placeholders():
            page, record = stream.get(path)
            got[path] = (page.html, record)
        return got, stream
    finally:
        stream.close()


def test_every_interview_page_comes_with_its_search_record(site: Site, monkeypatch) -> None:
    monkeypatch.setattr(parallel, "CHUNK", 1)
    monkeypatch.setattr(parallel, "WINDOW", 1000)
    got, _ = stream_all(site, worker_first=True)
    assert got == expected(site)
    assert len(got) >= 20


def test_this_process_renders_the_pages_a_late_worker_has_not(site: Site, monkeypatch) -> None:
    monkeypatch.setattr(parallel, "CHUNK", 1)
    monkeypatch.setattr(parallel, "WINDOW", 1)
    monkeypatch.setattr(parallel, "_render_chunk", _late_render)  # the forked worker inherits it
    got, stream = stream_all(site, worker_first=False)
    assert got == expected(site)
    assert stream.own_pages == len(got) - 1  # the worker's first chunk is the only one waited for


def test_the_worker_is_given_at_most_half_of_what_is_left(site: Site, monkeypatch) -> None:
    """So that at the end this process renders pages rather than wait for the worker's last ones."""
    monkeypatch.setattr(parallel, "CHUNK", 1)
    monkeypatch.setattr(parallel, "WINDOW", 1000)
    stream = parallel.InterviewPageStream(site)
    try:
        given, left = len(stream._pending), len(stream._chunks)
    finally:
        stream.close()
    assert given + left == len(site.journal.interviews)
    assert given - left in (0, 1)


def test_a_page_nobody_renders_is_an_error(site: Site) -> None:
    stream = parallel.InterviewPageStream(site)
    try:
        with pytest.raises(KeyError):
            stream.get("interviews/1999/nothing.md")
    finally:
        stream.close()
