"""generator.site.search.PartsIndex: the index in parts of at most PART characters of text, in URL order,
each indexed as soon as its records came."""

from __future__ import annotations

import json
import random
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

from generator.errors import SearchIndexError
from generator.site import search
from generator.site.search import PartsIndex, Record, index, new_bundle_folder, swap_bundle, write_files
from tests.support import index_files


def few(n: int) -> list[Record]:
    return [Record(f"/p{k}/", f"page {k} about pricing", {"title": f"P{k}"}, {"tag": ["b", "a"][: k % 2 + 1], "year": [str(2020 + k)]})
            for k in range(n)]


@pytest.fixture
def started(monkeypatch) -> list[list[str]]:
    """Parts of two of ``few``'s pages (20 characters each); the URLs of each part, in the order
    Pagefind gets them, as each part starts."""
    monkeypatch.setattr(search, "PART", 40)
    out: list[list[str]] = []
    real = search._index_part

    def spy(records, first, stop):
        out.append([r.url for r in records])
        return real(records, first, stop)

    monkeypatch.setattr(search, "_index_part", spy)
    return out


def test_a_part_is_indexed_once_its_records_came(started) -> None:
    records = few(5)  # parts: p0 p1 | p2 p3 | p4
    parts = PartsIndex(r.url for r in reversed(records))
    try:
        parts.add(records[3])
        parts.add(records[0])
        parts.add(records[1])
        parts.add(records[4])  # the first part is full: p2 would take it over 40 characters, but p2 is still to come
        assert started == []
        parts.add(records[2])  # and the last page came: no part waits for files()
        wait_for(lambda: len(started) == 3)
        assert sorted(started) == [["/p0/", "/p1/"], ["/p2/", "/p3/"], ["/p4/"]]  # in URL order, whichever came first
        files = parts.files()
    finally:
        parts.close()
    assert files == index(records) and len(started) == 6  # index() made the same three parts


def test_a_large_index_comes_in_parts_that_the_first_lists(started) -> None:
    """No Pagefind process indexes more than PART characters of text (its memory grows with the text it holds)."""
    files = index(few(5))
    assert json.loads(files["parts.json"]) == ["part-2/", "part-3/"]
    for part, pages in (("", 2), ("part-2/", 2), ("part-3/", 1)):
        names = {name[len(part):] for name in files if name.startswith(part)}
        if not part:
            names = {name for name in names if not name.startswith("part-")}
        assert sum(n.startswith("fragment/") for n in names) == pages, part
        assert "pagefind-entry.json" in names and any(n.endswith(".pf_meta") for n in names), part
        assert ("pagefind.js" in names and "wasm.en.pagefind" in names) == (part == ""), part  # one loader, the first's
    assert max(len(urls) for urls in started) == 2


def test_the_same_records_in_any_order_give_the_same_bytes(started) -> None:
    records = few(7)
    shuffled = records[:]
    random.Random(18).shuffle(shuffled)
    parts = PartsIndex(r.url for r in shuffled)
    try:
        for r in shuffled:
            parts.add(r)
        files = parts.files()
    finally:
        parts.close()
    assert files == index(records) == index(records)


def test_a_record_not_announced_or_sent_twice_is_an_error(started) -> None:
    parts = PartsIndex(["/p0/", "/p1/", "/p2/"])
    try:
        with pytest.raises(SearchIndexError, match="/p9/ is not one of the pages"):
            parts.add(Record("/p9/", "a page the build did not announce"))
        parts.add(few(3)[2])
        with pytest.raises(SearchIndexError, match="/p2/ came twice"):
            parts.add(few(3)[2])
        parts.add(few(3)[0])
        parts.add(few(3)[1])
        wait_for(lambda: len(started) == 2)
        with pytest.raises(SearchIndexError, match="/p1/ came twice"):  # its part is indexed
            parts.add(few(3)[1])
    finally:
        parts.close()


def test_pages_that_never_came_are_left_out(started) -> None:
    parts = PartsIndex(["/p0/", "/p1/", "/p2/", "/p3/"])
    try:
        parts.add(few(3)[0])
        parts.add(few(3)[2])  # waits for /p1/, which never comes
        files = parts.files()
    finally:
        parts.close()
    assert started == [["/p0/", "/p2/"]] and json.loads(files["parts.json"]) == []


def test_a_part_holds_at_most_part_characters_unless_one_page_is_longer(started) -> None:
    sizes = [10, 10, 15, 100, 10, 35, 5]
    records = [Record(f"/p{k}/", "x" * (n - 1) + " ") for k, n in enumerate(sizes)]
    index(records)
    assert started == [["/p0/", "/p1/", "/p2/"], ["/p3/"], ["/p4/"], ["/p5/", "/p6/"]]  # 35, 100, 10 (+35 > 40), 40


def test_with_a_folder_each_part_is_written_there_once_built(started, tmp_path: Path) -> None:
    """A build writes the parts into the site folder as they come, then parts.json, then swaps them in."""
    records = few(5)
    folder = new_bundle_folder(tmp_path)
    parts = PartsIndex((r.url for r in records), folder)
    try:
        for r in records[:3]:  # the first part is full
            parts.add(r)
        wait_for(lambda: any(folder.glob("*.pf_meta")))  # written before the last page came
        for r in records[3:]:
            parts.add(r)
        rest = parts.files()
        assert rest == {"parts.json": b'["part-2/", "part-3/"]'}
        write_files(rest, folder)
        swap_bundle(folder, tmp_path)
    finally:
        parts.close()
    assert index_files(tmp_path) == index(records)


def test_close_removes_a_folder_not_swapped_in(started, tmp_path: Path) -> None:
    folder = new_bundle_folder(tmp_path)
    parts = PartsIndex(["/p0/", "/p1/", "/p2/"], folder)
    for r in few(3):
        parts.add(r)
    parts.close()
    assert list(tmp_path.iterdir()) == []


def test_close_stops_the_parts_being_indexed_and_those_waiting(monkeypatch) -> None:
    """A failed build closes the index (the plugin's on_build_error): no Pagefind process is left."""
    monkeypatch.setattr(search, "PART", 1)  # a page a part
    running: list[str] = []

    def slow(records, first, stop):  # a part that takes until it is stopped
        running.append(records[0].url)
        assert stop.wait(30)
        raise SearchIndexError("the search index was stopped")

    monkeypatch.setattr(search, "_index_part", slow)
    parts = PartsIndex(r.url for r in few(4))
    for r in few(4):
        parts.add(r)
    wait_for(lambda: len(running) == 2)
    started = time.perf_counter()
    parts.close()
    assert time.perf_counter() - started < 5
    assert sorted(running) == ["/p0/", "/p1/"]  # two at a time; the other two never started
    with pytest.raises(SearchIndexError, match="closed"):
        parts.add(Record("/p0/", "after the build failed"))


def test_a_stopped_part_ends_its_pagefind_process(monkeypatch) -> None:
    processes = []

    class Tracked(search.Indexer):
        def __init__(self) -> None:
            super().__init__()
            processes.append(self._process)

    monkeypatch.setattr(search, "Indexer", Tracked)
    stop = threading.Event()

    def records() -> Iterator[Record]:
        yield few(1)[0]
        stop.set()  # the build failed while this part was being sent
        yield few(2)[1]

    with pytest.raises(SearchIndexError, match="stopped"):
        search._index_part(records(), True, stop)
    assert len(processes) == 1 and processes[0].poll() is not None


def wait_for(condition, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)
