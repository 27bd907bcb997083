"""generator.site.search.service, through ``index``: the Pagefind binary's indexing service."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import SearchIndexError
from generator.site.search import Record, index


def few(n: int = 3) -> list[Record]:
    return [Record(f"/p{k}/", f"page {k} about pricing", {"title": f"P{k}"}, {"tag": ["b", "a"][: k % 2 + 1], "year": [str(2020 + k)]})
            for k in range(n)]


def test_the_same_records_give_the_same_bytes_in_any_order() -> None:
    files = index(few(6))
    assert index(few(6)) == files and index(list(reversed(few(6)))) == files
    assert {"pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.en.pagefind"} <= set(files)
    assert not any(name.startswith("pagefind-ui") or name == "wasm.unknown.pagefind" for name in files)  # Pagefind's UIs: unused
    assert sum(name.startswith("fragment/") for name in files) == 6


def test_a_pagefind_that_stops_or_is_missing_is_an_error(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    with pytest.raises(SearchIndexError, match="pagefind stopped"):
        index(few())
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "nowhere"))
    with pytest.raises(SearchIndexError, match="could not start"):
        index(few())

