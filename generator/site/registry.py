"""Every page family, and the build of all generated pages: path -> Page.

A page family is a module of ``site/pages`` with a ``FAMILY`` (see ``cache.Family``);
to add one, write the module and list its family here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..core.githistory import read_history
from ..core.load import load_project
from ..errors import JournalInvalid, PageConflict
from .cache import Family
from .context import Site
from .page import Page
from .pages import assets, campaigns, customers, feed, home, insights, interviews, quotes, redirects, segments
from .render import Renderer

# The quotes library first: it needs the most memory while it is built, the least before it.
FAMILIES: dict[str, Family] = {family.name: family for family in (
    quotes.FAMILY, assets.FAMILY, home.FAMILY, interviews.FAMILY, customers.FAMILY, campaigns.FAMILY,
    segments.FAMILY, insights.FAMILY, feed.FAMILY, redirects.FAMILY,
)}


def build_pages(site: Site, exclude: tuple[str, ...] = (), built_elsewhere: Iterable[Page] = ()) -> dict[str, Page]:
    """Every generated file (but the ``exclude``d families), keyed by its docs path, in a stable order.

    ``built_elsewhere``: pages of excluded families that another process builds meanwhile
    (read after this process's own)."""
    pages: dict[str, Page] = {}

    def add(family: Iterable[Page]) -> None:
        for page in family:
            if page.path in pages:
                raise PageConflict(f"two generated pages at {page.path}")
            pages[page.path] = page

    for name, family in FAMILIES.items():
        if name not in exclude:
            add(family.pages(site))
    site.cards.clear()  # the pages hold their cards now
    add(built_elsewhere)
    return dict(sorted(pages.items()))


def generate_pages(root: Path, *, renderer: Renderer | None = None) -> dict[str, Page]:
    """Every generated page of the project at ``root``; JournalInvalid when the journal has errors.

    What engines without the MkDocs plugin build from (`journal build-pages`, Zensical)."""
    journal, problems = load_project(root)
    if problems.errors:
        raise JournalInvalid(problems)
    history = read_history(root, journal.config.interviews_dir)
    return build_pages(Site(journal, renderer or Renderer(), history=history))
