"""The home page (dashboard)."""

from __future__ import annotations

from typing import Iterator

from ..render import Page
from ..site import Site

RECENT = 10


def build(site: Site) -> Iterator[Page]:
    journal = site.journal
    recent = list(reversed(journal.interviews[-RECENT:]))
    yield site.renderer.page("index.md", "home.html.j2", title="Research journal", in_nav=True,
                             journal=journal, recent=recent, today=site.today)
