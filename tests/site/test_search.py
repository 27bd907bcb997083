"""generator.site.search: what the index records of each page, the Pagefind service, the canonical
bundle, and the index that follows a served site."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2
import pytest

from generator.core.load import load_journal
from generator.core.project import read_config
from generator.errors import SearchIndexError
from generator.site.context import Site
from generator.site.registry import build_pages
from generator.site.render import Renderer
from generator.site.search import Record, guide_records, index, site_records, write_bundle
from generator.site.search.bundle import MAGIC, canonical
from generator.site.search.live import LiveIndex
from generator.site.search.records import text_of
from tests.conftest import TODAY

QUOTES = Path(__file__).parents[1] / "fixtures" / "quotes"


@pytest.fixture(scope="module")
def pages():
    journal, problems = load_journal(QUOTES, read_config(QUOTES), today=TODAY)
    assert not problems.errors
    return build_pages(Site(journal, Renderer()))


@pytest.fixture(scope="module")
def records(pages) -> dict[str, Record]:
    return {r.url: r for r in site_records(pages.values())}


def test_the_text_of_a_page_keeps_words_apart_and_drops_markup_and_permalinks() -> None:
    html = ('<h2 id="x">Follow-ups<a class="headerlink" href="#x">¶</a></h2><p>R&amp;D &lt;b&gt;, pri<em>cing</em></p>'
            "<ul><li>one</li><li>two</li></ul><script>alert(1)</script>")
    assert text_of(html) == "Follow-ups R&D <b>, pricing one two"


def test_an_interview_is_found_with_its_date_account_relationship_tags_and_year(records) -> None:
    record = records["/interviews/2026/2026-03-04-acme/"]
    assert record.meta == {"title": "Acme Logistics · 2026-03-04", "date": "4 Mar 2026", "account": "Acme Logistics",
                           "relationship": "prospect"}
    assert record.filters["relationship"] == ["prospect"] and record.filters["account"] == ["Acme Logistics"]
    assert record.filters["year"] == ["2026"] and "on-call" in record.filters["tag"]  # a tag of one of its quotes
    assert record.sort == {"date": "2026-03-04"}
    assert "We cut our on-call pages in half" in record.content and "¶" not in record.content
    assert "jane@acme.example" not in record.content  # contacts are never on a page


def test_search_holds_accounts_segments_and_guides_not_lists_and_data(records, pages) -> None:
    account = records["/customers/acme-logistics/"]
    assert account.meta["relationship"] == "customer" and account.filters == {"relationship": ["customer"], "account": ["Acme Logistics"]}
    assert records["/segments/tag/renewal/"].meta == {"title": "Tag: renewal"}
    assert not {"/", "/quotes/", "/customers/", "/segments/", "/quotes/quotes.json"} & set(records)
    assert not any("whitecap" in r.content.lower() for r in records.values())  # the confidential interview


def test_guides_are_recorded_from_the_docs_except_generated_pages(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "guide").mkdir(parents=True)
    (docs / "guide" / "format.md").write_text("---\ntitle: ignored\n---\n# The format\n\nA **quote** ends with a dash.\n")
    (docs / "index.md").write_text("Welcome, no heading.\n")
    (docs / "interviews.md").write_text("# Generated\n")
    found = {r.url: r for r in guide_records(docs, Renderer(), generated=["interviews.md"])}
    assert set(found) == {"/", "/guide/format/"}
    assert found["/guide/format/"].meta == {"title": "The format"}
    assert found["/guide/format/"].content == "The format A quote ends with a dash."
    assert found["/"].meta == {"title": "index"}


def few(n: int = 3) -> list[Record]:
    return [Record(f"/p{k}/", f"page {k} about pricing", {"title": f"P{k}"}, {"tag": ["b", "a"][: k % 2 + 1], "year": [str(2020 + k)]},
                   {"date": f"2026-01-0{k + 1}"}) for k in range(n)]


def test_the_same_records_give_the_same_bytes_in_any_order() -> None:
    files = index(few(6))
    assert index(few(6)) == files and index(list(reversed(few(6)))) == files
    assert {"pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.en.pagefind"} <= set(files)
    assert not any(name.startswith("pagefind-ui") or name == "wasm.unknown.pagefind" for name in files)  # Pagefind's UIs: unused
    assert sum(name.startswith("fragment/") for name in files) == 6


def packed(value) -> bytes:
    return gzip.compress(MAGIC + cbor2.dumps(value), mtime=0)


def unpacked(data: bytes):
    return cbor2.loads(gzip.decompress(data)[len(MAGIC):])


def test_canonical_sorts_filters_and_sorts_and_names_files_after_their_content() -> None:
    """Pagefind writes filter values, filters and sorts in hash-map order; the canonical bundle sorts them."""
    meta = ["1.5.2", [["en_p0", 3]], [], [["year", "en_y"], ["tag", "en_t"]], [["title", [0]], ["date", [0]]], ["title"]]
    files = {
        "pagefind-entry.json": b'{"version":"1.5.2","languages":{"en":{"hash":"en_old","wasm":"en","page_count":1}}}',
        "pagefind.en_old.pf_meta": packed(meta), "filter/en_y.pf_filter": packed(["year", [["2026", [0]], ["2025", [0]]]]),
        "filter/en_t.pf_filter": packed(["tag", [["b", [0]], ["a", [0]]]]), "fragment/en_p0.pf_fragment": b"fragment",
        "pagefind.js": b"js", "pagefind-ui.js": b"ui", "wasm.en.pagefind": b"wasm", "wasm.unknown.pagefind": b"other",
    }
    out = canonical(files)
    entry = json.loads(out["pagefind-entry.json"])
    meta_file = f"pagefind.{entry['languages']['en']['hash']}.pf_meta"
    new_meta = unpacked(out[meta_file])
    assert [name for name, _ in new_meta[3]] == ["tag", "year"] and [name for name, _ in new_meta[4]] == ["date", "title"]
    for name, stem in new_meta[3]:
        data = out[f"filter/{stem}.pf_filter"]
        assert stem == "en_" + hashlib.sha1(data).hexdigest()[:7]
        values = unpacked(data)[1]
        assert [v for v, _ in values] == sorted(v for v, _ in values)
    assert meta_file == f"pagefind.en_{hashlib.sha1(out[meta_file]).hexdigest()[:10]}.pf_meta"
    assert out["fragment/en_p0.pf_fragment"] == b"fragment" and out["wasm.en.pagefind"] == b"wasm"
    assert not {"pagefind-ui.js", "wasm.unknown.pagefind", "pagefind.en_old.pf_meta", "filter/en_t.pf_filter"} & set(out)


def test_canonical_refuses_a_file_it_cannot_write_back_byte_for_byte() -> None:
    entry = b'{"version":"1.5.2","languages":{"en":{"hash":"en_m","wasm":"en","page_count":1}}}'
    not_minimal = gzip.compress(MAGIC + b"\x86\x18\x05" + b"\x80" * 5)  # [5, [], …] with 5 written in two bytes
    with pytest.raises(SearchIndexError, match="byte for byte"):
        canonical({"pagefind-entry.json": entry, "pagefind.en_m.pf_meta": not_minimal})


def test_a_bundle_replaces_the_last_one_whole(tmp_path: Path) -> None:
    old = tmp_path / "pagefind" / "fragment" / "stale.pf_fragment"
    old.parent.mkdir(parents=True)
    old.write_text("from an earlier index")
    target = write_bundle({"pagefind.js": b"js", "fragment/new.pf_fragment": b"new"}, tmp_path)
    assert target == tmp_path / "pagefind"
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()) == ["fragment/new.pf_fragment", "pagefind.js"]
    assert [p.name for p in tmp_path.iterdir()] == ["pagefind"]  # no folder left over
    assert target.stat().st_mode & 0o777 == 0o755


def test_a_pagefind_that_stops_or_is_missing_is_an_error(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    with pytest.raises(SearchIndexError, match="pagefind stopped"):
        index(few())
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "nowhere"))
    with pytest.raises(SearchIndexError, match="could not start"):
        index(few())


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
