"""Turn a journal into the mapping of generated files: path -> content."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar
from urllib.parse import urljoin

from ..core.model import Journal
from .render import Page, Renderer
from ..resources import TEMPLATES_DIR

Builder = Callable[["Site"], Iterable[Page]]
T = TypeVar("T")


@dataclass
class Site:
    """What every page builder gets: the model, the renderer, and site settings."""

    journal: Journal
    renderer: Renderer
    base_path: str = "/"  # path of the site root on its host, for absolute URLs in exports
    site_url: str = ""  # mkdocs.yml site_url (scheme and host), for links that leave the site (the feed)
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. git history, campaigns
    # `serve` only: rendered pages (and parts) kept across rebuilds, and the fingerprint of
    # every input other than the interviews (see inputs_fingerprint and reuse).
    page_cache: dict[str, tuple[tuple, Any]] | None = None
    fingerprint: str = ""
    reused: set[str] = field(default_factory=set)  # docs paths of the pages this build took from page_cache
    _interview_keys: dict[str, tuple] = field(default_factory=dict, repr=False)
    _journal_key: tuple | None = field(default=None, repr=False)
    cards: dict[str, Any] = field(default_factory=dict, repr=False)  # this build's quote cards (cards.quote_card)

    def reuse(self, slot: str, key: tuple, make: Callable[[], T]) -> T:
        """`serve`: what an earlier build made for ``slot`` while ``key`` (its inputs besides
        the fingerprint) is unchanged, else ``make()``. Reused pages are noted in ``reused``.
        Whatever a page takes from ``extra`` belongs in its ``key`` (interview pages: their git
        history), so a change to one file's history re-renders one page."""
        if self.page_cache is None:
            return make()
        key = (key, self.fingerprint)
        hit = self.page_cache.get(slot)
        if hit is not None and hit[0] == key:
            self.reused.update(p.path for p in (hit[1] if isinstance(hit[1], list) else [hit[1]]) if isinstance(p, Page))
            return hit[1]
        value = make()
        self.page_cache[slot] = (key, value)
        return value

    def interview_key(self, interview: Any) -> tuple:
        """What an interview gives every page but its own: its path, its parsed facts (front-matter
        and quotes, not the notes' prose) and its account's name, relationship and attributes
        (which other interviews of the account may set). Empty outside `serve`."""
        if self.page_cache is None:
            return ()
        key = self._interview_keys.get(interview.source)
        if key is None:
            a = interview.account
            face = (a.slug, a.name, a.relationship, tuple(sorted(a.attributes.items()))) if a is not None else ()
            facts = self.reuse("facts:" + interview.source, (interview.digest,), lambda: interview_facts(interview))
            key = self._interview_keys[interview.source] = (interview.source, facts, face)
        return key

    def journal_key(self) -> tuple:
        """The interview keys of the whole journal: what journal-wide pages (dashboard, library) derive from."""
        if self._journal_key is None:
            self._journal_key = tuple(self.interview_key(i) for i in self.journal.interviews)
        return self._journal_key

    @property
    def today(self) -> dt.date:
        return self.journal.today

    def absolute(self, url: str) -> str:
        return absolute_url(self.base_path, url)

    def full_url(self, url: str) -> str:
        """``https://host/base/url`` with a site_url; the root-relative path without one."""
        return urljoin(self.site_url, self.absolute(url)) if self.site_url else self.absolute(url)


def interview_facts(interview: Any) -> str:
    """A digest of an interview as parsed, without its notes: front-matter, extra fields and quotes."""
    text = repr((interview.meta, interview.extra, interview.written_tags, interview.quotes,
                 [q.written_tags for q in interview.quotes]))
    return hashlib.sha1(text.encode()).hexdigest()


def absolute_url(base_path: str, url: str) -> str:
    """A site URL (no leading slash) as an absolute path on the host: /journal/quotes/."""
    return base_path.rstrip("/") + "/" + url


def builders() -> dict[str, Builder]:
    from .pages import assets, campaigns, customers, feed, home, insights, interviews, quotes, segments

    # The quotes library first: it needs the most memory while it is built, the least before it.
    return {"quotes": quotes.build, "assets": assets.build, "home": home.build, "interviews": interviews.build,
            "customers": customers.build, "campaigns": campaigns.build, "segments": segments.build,
            "insights": insights.build, "feed": feed.build}


def build_pages(site: Site, exclude: tuple[str, ...] = (), built_elsewhere: Iterable[Page] = ()) -> dict[str, Page]:
    """Every generated file (but the ``exclude``d families), keyed by its docs path, in a stable order.

    ``built_elsewhere``: pages of excluded families that another process builds meanwhile
    (read after this process's own)."""
    pages: dict[str, Page] = {}

    def add(family: Iterable[Page]) -> None:
        for page in family:
            if page.path in pages:
                raise ValueError(f"two generated pages at {page.path}")
            pages[page.path] = page

    for name, build in builders().items():
        if name in exclude:
            continue
        # Pages other than an interview's own derive from the interviews' facts, not their prose:
        # `serve` reuses a whole family while those are unchanged (and page by page within it).
        add(build(site) if name == "interviews" else site.reuse("family:" + name, site.journal_key(),
                                                                lambda: list(build(site))))
    site.cards.clear()  # the pages hold their cards now
    add(built_elsewhere)
    return dict(sorted(pages.items()))


def write_pages(pages: dict[str, Page], docs_dir: Path) -> None:
    """Write generated files to disk (pre-build step for generators without plugins)."""
    for path, page in pages.items():
        target = docs_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.content, encoding="utf-8")


def inputs_fingerprint(root: Path, config: Any, today: dt.date, extra_files: list[Path]) -> str:
    """A digest of everything but the interviews that generated pages depend on.

    Templates, configuration, "today" and the journal's other files (accounts,
    tags, campaigns, insights). `serve` reuses a rendered interview page while
    this and the interview's own text are unchanged.
    """
    digest = hashlib.sha1(repr((config, today.isoformat())).encode())
    for path in sorted(TEMPLATES_DIR.rglob("*")) + sorted(extra_files):
        if path.is_file():
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
