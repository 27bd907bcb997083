"""generator.site.library: the quotes library's records in chunks, the id index, and the page that holds
only the first screen of them."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from generator.site import library
from generator.site.context import Site
from generator.site.library import CHUNK, PAGE, Record, State, Tag, Visit, Voice, data_files, encode_chunk, id_files
from generator.site.registry import build_pages
from generator.site.render import Renderer
from tests.quote_journal import interview, load
from tests.support import decode_library_chunk, library_manifest, library_records


def record(n: int, account: str = "Acme", tags: tuple[str, ...] = ("pricing",)) -> Record:
    visit = Visit(account, f"../customers/{account.lower()}/", account.lower(), "customer", "a customer",
                  f"../interviews/{account.lower()}/", "2026-03-04", "4 Mar 2026", "call", "logistics")
    voice = Voice("Jane Doe (Ops)", "Jane Doe VP", "champion", "ops", '" — Jane Doe, Acme')
    state = State("public", "public", '<span class="journal-badge">public</span>', '"', "Copy with attribution", "png")
    return Record(f"q{n}", f"Quote number {n}", "", visit, voice, state, tuple(Tag(f"<a>{t}</a>", t) for t in tags), "", "")


def as_dict(r: Record) -> dict:
    out = {name: getattr(r, name) for name in ("id", "text", "html", "notes", "cite")}
    out.update(visit=r.visit._asdict(), voice=r.voice._asdict(), state=r.state._asdict(), tags=[t._asdict() for t in r.tags])
    out["copy"] = r.state.head + r.text + r.voice.tail
    return out


def test_a_chunk_decodes_to_its_records_and_writes_shared_parts_once() -> None:
    records = [record(1), record(2, tags=("pricing", "renewal")), record(3, account="Borealis")]
    chunk = encode_chunk(records)
    assert decode_library_chunk(json.loads(json.dumps(chunk)), library.SCHEMA) == [as_dict(r) for r in records]
    assert len(chunk["voice"]) == 1 and len(chunk["state"]) == 1  # three quotes, one speaker and one badge
    assert len(chunk["visit"]) == 2 and len(chunk["tags"]) == 2
    assert len(chunk["s"]) == len(set(chunk["s"]))
    assert chunk["q"][0][:2] == ["q1", "Quote number 1"]  # id and text as they are


def test_data_files_cut_the_records_in_chunks_named_by_their_content(monkeypatch) -> None:
    monkeypatch.setattr(library, "CHUNK", 2)
    monkeypatch.setattr(library, "IDS_PER_FILE", 2)
    records = [record(n) for n in range(5)]
    manifest, pages = data_files(records, "quotes/")
    files = {p.path: p.content for p in pages}
    assert manifest["total"] == 5 and manifest["chunk"] == 2 and len(manifest["chunks"]) == 3
    assert all(re.fullmatch(r"data/q-[0-9a-f]{12}\.json", url) for url in manifest["chunks"])
    decoded = [r["id"] for url in manifest["chunks"] for r in decode_library_chunk(json.loads(files["quotes/" + url]), manifest["schema"])]
    assert decoded == [f"q{n}" for n in range(5)]
    # The id index: files of two ids each, listed by their first id; each maps an id to its position.
    assert [first for first, _ in manifest["ids"]] == ["q0", "q2", "q4"]
    positions = {k: v for _, url in manifest["ids"] for k, v in json.loads(files["quotes/" + url]).items()}
    assert positions == {f"q{n}": n for n in range(5)}
    # Same records, same names; one record changed, only its chunk's name changes.
    again, _ = data_files([*records[:4], record(4, account="Borealis")], "quotes/")
    assert again["chunks"][:2] == manifest["chunks"][:2] and again["chunks"][2] != manifest["chunks"][2]


def test_the_id_index_sorts_as_javascript_compares_strings() -> None:
    """JavaScript compares UTF-16 code units: an id with a character beyond U+FFFF sorts before U+FF21."""
    ids = ["\uff21x", "\U0001d49cx", "b"]
    files = id_files(ids)
    assert [first for first, _ in files] == ["b"]
    assert list(files[0][1]) == ["b", "\U0001d49cx", "\uff21x"]
    assert sorted(ids) == ["b", "\uff21x", "\U0001d49cx"]  # Python's own order differs


@pytest.fixture(scope="module")
def big_library(tmp_path_factory) -> dict:
    """A journal with more quotes than the first screen shows."""
    root = tmp_path_factory.mktemp("library")
    files = {}
    for n in range(40):
        quotes = "\n".join(f"> Quote {k} of interview {n}.\n> — Jane Doe {{#i{n:02d}-q{k} public}}\n" for k in range(4))
        files[f"interviews/i{n:02d}.md"] = interview(date=str(dt.date(2026, 1, 1) + dt.timedelta(days=n)), quotes=quotes)
    journal, problems = load(root, files)
    assert not problems.errors
    return build_pages(Site(journal, Renderer()))


def test_the_page_holds_the_first_screen_and_the_data_every_quote(big_library) -> None:
    html = big_library["quotes/index.md"].html
    shown = re.findall(r'<figure class="journal-quote[^"]*" id="([^"]+)"', html)
    assert len(shown) == PAGE < 160
    assert shown[0] == "i39-q0" and shown[-1] == "i15-q3"  # newest first
    assert "The newest 100 of 160 quotes" in html
    records = library_records(html, lambda url: big_library["quotes/" + url].content)
    assert [r["id"] for r in records][:PAGE] == shown and len(records) == 160
    assert records[-1]["id"] == "i00-q3"
    assert library_manifest(html)["page"] == PAGE and CHUNK >= PAGE  # the first chunk holds the first screen
