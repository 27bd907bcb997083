"""Every page family, and the build of all generated pages: path -> Page.

A page family is a module of ``site/pages`` with a ``FAMILY`` (see ``cache.Family``);
to add one, write the module and list its family here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Hashable, Iterable
from urllib.parse import urlsplit

from ..core.githistory import read_history
from ..core.load import load_project
from ..core.parsecache import ParseCache
from ..core.problems import Problems
from ..core.timings import Stopwatch
from ..errors import JournalInvalid, PageConflict
from .cache import Family, PageCache, inputs_fingerprint, other_inputs
from .context import Site
from .page import Page
from .pages import assets, campaigns, customers, feed, home, insights, interviews, packs, quotecards, quotes, redirects, segments
from .render import Renderer

# The card images first: they render what is missing on every core, before any page asks for a
# card. Then the quotes library: it needs the most memory while it is built, the least before it.
FAMILIES: dict[str, Family] = {family.name: family for family in (
    quotecards.FAMILY, quotes.FAMILY, assets.FAMILY, home.FAMILY, interviews.FAMILY, customers.FAMILY, campaigns.FAMILY,
    packs.FAMILY, segments.FAMILY, insights.FAMILY, feed.FAMILY, redirects.FAMILY,
)}


def build_pages(site: Site, exclude: tuple[str, ...] = (), built_elsewhere: Iterable[Page] = (),
                stopwatch: Stopwatch | None = None) -> dict[str, Page]:
    """Every generated file (but the ``exclude``d families), keyed by its docs path, in a stable order.

    ``built_elsewhere``: pages of excluded families that another process builds meanwhile
    (read after this process's own). ``stopwatch`` gets each family's time, and the wait for
    those pages ("waiting for the worker")."""
    stopwatch = stopwatch or Stopwatch()
    pages: dict[str, Page] = {}

    def add(family: Iterable[Page]) -> None:
        for page in family:
            if page.path in pages:
                raise PageConflict(f"two generated pages at {page.path}")
            pages[page.path] = page

    for name, family in FAMILIES.items():
        if name not in exclude:
            with stopwatch.step(name):
                add(family.pages(site))
    site.cards.clear()  # the pages hold their cards now
    if built_elsewhere:
        with stopwatch.step("waiting for the worker"):
            add(built_elsewhere)
    return dict(sorted(pages.items()))


class PageSource:
    """The generated pages of the project at ``root``, for engines that cannot run the MkDocs plugin
    (`journal build-pages`, Zensical).

    ``keep`` (a server): each :meth:`generate` re-parses only the notes whose files changed and
    re-renders only the pages whose inputs changed since the last one, as `mkdocs serve` does.
    """

    def __init__(self, root: Path, renderer: Renderer | None = None, *, site_url: str = "", settings: Hashable = (),
                 keep: bool = False):
        self.root = root
        self.renderer = renderer or Renderer()
        self.site_url = site_url
        self.settings = settings  # what else the pages depend on (the Markdown settings): part of the fingerprint
        self.parsed = ParseCache() if keep else None
        self.cache = PageCache() if keep else None

    def generate(self) -> tuple[dict[str, Page], Problems]:
        """Every generated page and the journal's warnings; JournalInvalid when it has errors."""
        journal, problems = load_project(self.root, cache=self.parsed)
        if problems.errors:
            raise JournalInvalid(problems)
        config = journal.config
        site = Site(journal, self.renderer, base_path=urlsplit(self.site_url).path or "/", site_url=self.site_url,
                    history=read_history(self.root, config.interviews_dir))
        if self.cache is not None:
            site.cache = self.cache
            site.fingerprint = inputs_fingerprint(self.root, (config, self.settings, self.site_url), journal.today,
                                                  other_inputs(self.root, config))
        return build_pages(site), problems


def generate_pages(root: Path, *, renderer: Renderer | None = None) -> dict[str, Page]:
    """Every generated page of the project at ``root``; JournalInvalid when the journal has errors.

    What engines without the MkDocs plugin build from (`journal build-pages`, Zensical)."""
    return PageSource(root, renderer).generate()[0]
