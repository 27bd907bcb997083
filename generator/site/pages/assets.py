"""Static assets of generated pages (CSS, JS), served from the site itself."""

from __future__ import annotations

from typing import Iterator

from ...resources import ASSETS_DIR
from ..page import Page
from ..cache import Family
from ..context import Site

ASSETS = ("journal.css", "customers.css", "customers.js", "quotes.css", "copy.js", "quotes.js", "segments.css", "insights.css",
          "search.css", "search.js", "cards.css")
ASSET_DIR = "assets/journal/"
# What every page loads through the theme: the stylesheets (the engine's extra_css) and the search box's
# script (extra_javascript); the other scripts come with the pages using them.
STYLESHEETS = tuple(ASSET_DIR + name for name in ASSETS if name.endswith(".css"))
SCRIPTS = (ASSET_DIR + "search.js",)


def build(site: Site) -> Iterator[Page]:
    for name in ASSETS:
        yield Page(ASSET_DIR + name, (ASSETS_DIR / name).read_text(encoding="utf-8"))


FAMILY = Family("assets", build)
