"""The files of a built site's search index (Pagefind), read back: what each page's record holds."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

MAGIC = b"pagefind_dcd"


def fragments(site: Path) -> dict[str, dict]:
    """Each indexed page's fragment (url, content, meta, filters), by its URL."""
    out = {}
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(MAGIC), path
        fragment = json.loads(data[len(MAGIC):])
        out[fragment["url"]] = fragment
    return out


def bundle(site: Path) -> dict[str, bytes]:
    """Every file of the index, by its path in the bundle."""
    folder = site / "pagefind"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
