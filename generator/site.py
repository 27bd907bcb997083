"""Turn a journal into the mapping of generated files: path -> content."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from .model import Journal
from .render import Page, Renderer

Builder = Callable[["Site"], Iterable[Page]]


@dataclass
class Site:
    """What every page builder gets: the model, the renderer, and site settings."""

    journal: Journal
    renderer: Renderer
    base_path: str = "/"  # path of the site root on its host, for absolute URLs in exports
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. git history, campaigns

    @property
    def today(self) -> dt.date:
        return self.journal.today

    def absolute(self, url: str) -> str:
        return absolute_url(self.base_path, url)


def absolute_url(base_path: str, url: str) -> str:
    """A site URL (no leading slash) as an absolute path on the host: /journal/quotes/."""
    return base_path.rstrip("/") + "/" + url


def builders() -> dict[str, Builder]:
    from .pages import assets, campaigns, customers, feed, home, insights, interviews, quotes, segments

    return {"assets": assets.build, "home": home.build, "interviews": interviews.build, "customers": customers.build,
            "quotes": quotes.build, "campaigns": campaigns.build, "segments": segments.build,
            "insights": insights.build, "feed": feed.build}


def build_pages(site: Site, exclude: tuple[str, ...] = ()) -> dict[str, Page]:
    """Every generated file (but the ``exclude``d families), keyed by its docs path, in a stable order."""
    pages: dict[str, Page] = {}
    for name, build in builders().items():
        if name in exclude:
            continue
        for page in build(site):
            if page.path in pages:
                raise ValueError(f"two generated pages at {page.path}")
            pages[page.path] = page
    return dict(sorted(pages.items()))


def write_pages(pages: dict[str, Page], docs_dir: Path) -> None:
    """Write generated files to disk (pre-build step for generators without plugins)."""
    for path, page in pages.items():
        target = docs_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.content, encoding="utf-8")
