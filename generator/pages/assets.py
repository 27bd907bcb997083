"""Static assets of generated pages (CSS, JS), served from the site itself."""

from __future__ import annotations

from typing import Iterator

from ..render import TEMPLATES_DIR, Page
from ..site import Site

ASSETS = ("journal.css", "customers.css", "customers.js", "quotes.css", "quotes.js", "segments.css", "insights.css")
ASSET_DIR = "assets/journal/"


def build(site: Site) -> Iterator[Page]:
    for name in ASSETS:
        yield Page(ASSET_DIR + name, (TEMPLATES_DIR / "assets" / name).read_text(encoding="utf-8"))
