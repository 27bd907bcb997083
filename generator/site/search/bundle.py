"""Pagefind's bundle made byte-identical from build to build, and put in a site folder.

Pagefind 1.5.2 writes each filter's values, the list of filters and the sorts in hash-map
order, so its ``filter/*.pf_filter``, ``pagefind.*.pf_meta`` and ``pagefind-entry.json``
change on every run (upstream issue #638; fragments and word-index chunks are stable).
:func:`canonical` sorts them and renames the files after their new content. Those files are
gzip-compressed CBOR after a ``pagefind_dcd`` header; each is decoded and re-encoded with
cbor2, and refused unless the re-encoding of what was read gives back Pagefind's own bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import cbor2

from ...errors import SearchIndexError

FOLDER = "pagefind"  # where the bundle lives in the site; search.js looks for it there
MAGIC = b"pagefind_dcd"
# What the browser needs: the search API, its worker, the entry file; the per-language wasm and
# metadata; the word index, fragments and filters. Not Pagefind's own UIs (search.js is ours).
LOADED = ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json")
# pf_meta: [version, pages, index chunks, filters [[name, file]], sorts [[name, [pages]]], meta fields]
META_FILTERS, META_SORTS = 3, 4


def _decode(name: str, data: bytes) -> Any:
    raw = gzip.decompress(data)
    if not raw.startswith(MAGIC):
        raise SearchIndexError(f"pagefind wrote {name} in a form this version of the journal does not know")
    value = cbor2.loads(raw[len(MAGIC):])
    if cbor2.dumps(value) != raw[len(MAGIC):]:
        raise SearchIndexError(f"pagefind's {name} cannot be rewritten byte for byte: is pagefind not 1.5.2?")
    return value


def _encode(value: Any) -> bytes:
    return gzip.compress(MAGIC + cbor2.dumps(value), compresslevel=9, mtime=0)


def _hash(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def canonical(files: dict[str, bytes], loader: bool = True) -> dict[str, bytes]:
    """The files the browser needs, with filters and sorts in sorted order and names to match;
    ``loader``: with Pagefind's script and wasm (a bundle merged into another uses that one's)."""
    entry = json.loads(files["pagefind-entry.json"])
    wasm = {f"wasm.{info['wasm']}.pagefind" for info in entry["languages"].values()} if loader else set()
    out = {name: data for name, data in files.items() if name.startswith(("index/", "fragment/"))
           or name in wasm or (name in LOADED if loader else name == "pagefind-entry.json")}
    for language, info in sorted(entry["languages"].items()):
        meta_name = f"pagefind.{info['hash']}.pf_meta"
        meta = _decode(meta_name, files[meta_name])
        filters = []
        for filter_name, stem in meta[META_FILTERS]:
            name = f"filter/{stem}.pf_filter"
            values = _decode(name, files[name])  # [filter name, [[value, [page numbers]], ...]]
            values[1].sort(key=lambda value: value[0])
            data = _encode(values)
            stem = f"{language}_{_hash(data)[:7]}"
            out[f"filter/{stem}.pf_filter"] = data
            filters.append([filter_name, stem])
        meta[META_FILTERS] = sorted(filters)
        meta[META_SORTS] = sorted(meta[META_SORTS], key=lambda sort: sort[0])
        data = _encode(meta)
        info["hash"] = f"{language}_{_hash(data)[:10]}"
        out[f"pagefind.{info['hash']}.pf_meta"] = data
    out["pagefind-entry.json"] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return dict(sorted(out.items()))


def write_bundle(files: dict[str, bytes], site_dir: Path) -> Path:
    """Put ``files`` in ``site_dir``/pagefind: written into a fresh folder first, then swapped in
    (Pagefind never deletes what an earlier index left, and a reader never sees half a bundle)."""
    fresh = new_bundle_folder(site_dir)
    write_files(files, fresh)
    return swap_bundle(fresh, site_dir)


def new_bundle_folder(site_dir: Path) -> Path:
    """A fresh folder in ``site_dir`` to write a bundle into, before :func:`swap_bundle` puts it in place."""
    site_dir.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{FOLDER}-new-", dir=site_dir))
    fresh.chmod(0o755)  # mkdtemp's 0700 would hide it from a web server running as another user
    return fresh


def write_files(files: dict[str, bytes], folder: Path) -> None:
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def swap_bundle(fresh: Path, site_dir: Path) -> Path:
    """The bundle written into ``fresh`` (:func:`new_bundle_folder`) in place of the site's last one."""
    target = site_dir / FOLDER
    old = site_dir / f".{FOLDER}-old-{os.getpid()}-{fresh.name.rsplit('-', 1)[-1]}"
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return target
