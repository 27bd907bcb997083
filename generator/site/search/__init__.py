"""Search that scales: a Pagefind index of the site, built from the generated pages, never from HTML.

    records.py  what the index holds: a record per interview, account, segment, insight and guide page
    service.py  a client of the Pagefind binary's indexing service (`pagefind --service`)
    bundle.py   the bundle made byte-identical from build to build, and swapped into a site folder

Engines call :func:`index` with the records of a build and :func:`~.bundle.write_bundle` with
the files: the MkDocs plugin after each build (into the build's own folder, before the site is
swapped in), `journal search-index` after an engine without plugins has built the site. The
browser side is templates/assets/search.js, on Pagefind's JavaScript API: it fetches only the
parts of the index a query needs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from ..page import Page
from ..render import Renderer
from .bundle import canonical, write_bundle
from .records import Record, guide_record, page_record
from .service import Indexer

__all__ = ["Record", "index", "site_records", "guide_records", "write_bundle"]


def index(records: Iterable[Record]) -> dict[str, bytes]:
    """The bundle's files for ``records``. They go in by URL: Pagefind numbers pages in the order
    they come, and the same records then give the same bytes, whichever engine built the pages."""
    with Indexer() as indexer:
        for r in sorted(records, key=lambda r: r.url):
            indexer.add(r.url, r.content, r.meta, r.filters, r.sort)
        return canonical(indexer.files())


def site_records(pages: Iterable[Page]) -> list[Record]:
    """The records of the generated pages that search holds."""
    return [r for r in (page_record(page) for page in pages) if r is not None]


def guide_records(docs_dir: Path, renderer: Renderer, generated: Iterable[str] = (),
                  excluded: Callable[[str], bool] = lambda path: False) -> list[Record]:
    """The project's own pages in ``docs_dir`` (not the ``generated`` paths written there, nor those
    mkdocs.yml ``excluded`` from the site), rendered by ``renderer``: for engines that do not hand the
    journal their pages. The title is the page's first heading, else its file name."""
    skip = set(generated)
    out = []
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        if rel in skip or excluded(rel) or any(part.startswith(".") for part in Path(rel).parts):
            continue
        body = path.read_text(encoding="utf-8")
        if body.startswith("---\n") and "\n---\n" in body[4:]:
            body = body[4:].split("\n---\n", 1)[1]  # front-matter: not text of the page
        heading = next((line[2:].strip() for line in body.splitlines() if line.startswith("# ")), path.stem)
        out.append(guide_record(Page(rel).url, heading, renderer.markdown(body)))
    return out
