"""generator.site.search.bundle: Pagefind's bundle made canonical, and swapped into a site folder."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2
import pytest

from generator.errors import SearchIndexError
from generator.site.search import write_bundle
from generator.site.search.bundle import MAGIC, canonical


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
