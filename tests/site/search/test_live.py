"""generator.site.search.live: the index that follows a served site."""

from __future__ import annotations

import json
from pathlib import Path

from generator.errors import SearchIndexError
from generator.site.search import Record
from generator.site.search.live import LiveIndex


def few(n: int) -> list[Record]:
    return [Record(f"/p{k}/", f"page {k}") for k in range(n)]


def test_the_live_index_follows_the_site_without_indexing_the_same_records_twice(tmp_path: Path) -> None:
    built: list[list[Record]] = []
    lines: list[str] = []

    def build(records: list[Record]) -> dict[str, bytes]:
        built.append(records)
        if records and records[0].content == "fail":
            raise SearchIndexError("no")
        return {"pagefind-entry.json": json.dumps([r.url for r in records]).encode()}

    live = LiveIndex(build, lines.append)
    entry = tmp_path / "pagefind" / "pagefind-entry.json"
    live.update(few(2), tmp_path)
    live.wait()
    assert json.loads(entry.read_text()) == ["/p0/", "/p1/"] and len(built) == 1
    live.update(few(2), tmp_path)  # the same records: nothing to do
    live.wait()
    assert len(built) == 1
    entry.unlink()  # a plain `serve` rebuild empties the site folder: the last bundle comes back, not re-indexed
    live.update(few(2), tmp_path)
    assert entry.is_file() and len(built) == 1
    live.update([Record("/x/", "fail")], tmp_path)
    live.wait()
    assert "the search index was not updated: no" in lines[-1] and json.loads(entry.read_text()) == ["/p0/", "/p1/"]
    live.update(few(3), tmp_path)
    live.wait()
    assert json.loads(entry.read_text()) == ["/p0/", "/p1/", "/p2/"] and lines[-1].startswith("search index of 3 pages updated")
