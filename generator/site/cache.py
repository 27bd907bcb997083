"""`mkdocs serve`: what a rebuild takes from the last build, and what each thing depends on.

A rebuild re-renders only what its inputs changed. Every page family declares, once,
what each of its pages (or shared parts, like quote cards) derives from, as a
:class:`Cached`; the builders never build cache keys themselves. A value is reused
while its declared inputs and the build's *fingerprint* (templates, options, "today",
the journal's files other than interviews) are unchanged.

The inputs are made of a small vocabulary (:class:`Inputs`): an interview's *facts*
(front-matter and quotes, not its prose) and its account's face; the whole journal's
facts. Outside `serve` there is no cache and every input is empty: nothing is computed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Generic, Hashable, Iterable, TypeVar

from ..core.config import JournalConfig
from ..core.model import Interview
from ..resources import TEMPLATES_DIR
from .page import Page

if TYPE_CHECKING:
    from .context import Site

Item = TypeVar("Item")
Value = TypeVar("Value")


@dataclass(frozen=True)
class Slot:
    """Where one value is kept: its family and the item's key in that family."""

    family: str
    key: str


class PageCache:
    """Values of earlier builds, each with the inputs it was made from; kept across `serve` rebuilds."""

    def __init__(self) -> None:
        self._entries: dict[Slot, tuple[Hashable, Any]] = {}

    def get(self, slot: Slot, inputs: Hashable, make: Callable[[], Value], reused: set[str]) -> Value:
        """The value kept for ``slot`` while ``inputs`` are the same, else ``make()`` (and keep it).
        The docs paths of reused pages are added to ``reused``."""
        hit = self._entries.get(slot)
        if hit is not None and hit[0] == inputs:
            value = hit[1]
            reused.update(p.path for p in (value if isinstance(value, list) else [value]) if isinstance(p, Page))
            return value
        value = make()
        self._entries[slot] = (inputs, value)
        return value


@dataclass(frozen=True)
class Cached(Generic[Item, Value]):
    """Something a page family makes per item (a page, a quote card) and what it depends on.

    ``inputs(site, item)`` must name everything ``make`` reads from the journal (through
    :class:`Inputs`), besides what the build's fingerprint covers; that is the whole protocol.
    """

    family: str
    key: Callable[[Item], str]
    inputs: Callable[[Site, Item], Hashable]
    make: Callable[[Site, Item], Value]

    def get(self, site: Site, item: Item) -> Value:
        if site.cache is None:
            return self.make(site, item)
        return site.cache.get(Slot(self.family, self.key(item)), (self.inputs(site, item), site.fingerprint),
                              lambda: self.make(site, item), site.reused)


class Inputs:
    """The inputs vocabulary: comparable keys of what pages derive from; empty without a cache."""

    def __init__(self, site: Site):
        self._site = site
        self._interviews: dict[str, tuple] = {}
        self._journal: tuple | None = None

    def interview(self, interview: Interview) -> tuple:
        """What an interview gives every page but its own: its path, its facts (front-matter and
        quotes, not the notes' prose) and its account's name, relationship and attributes
        (which other interviews of the account may set)."""
        if self._site.cache is None:
            return ()
        key = self._interviews.get(interview.source)
        if key is None:
            a = interview.account
            face = (a.slug, a.name, a.relationship, tuple(sorted(a.attributes.items()))) if a is not None else ()
            key = self._interviews[interview.source] = (interview.source, FACTS.get(self._site, interview), face)
        return key

    def journal(self) -> tuple:
        """The facts of every interview: what journal-wide pages (dashboard, library) derive from."""
        if self._journal is None:
            self._journal = tuple(self.interview(i) for i in self._site.journal.interviews)
        return self._journal


def interview_facts(interview: Interview) -> str:
    """A digest of an interview as parsed, without its notes: front-matter, extra fields and quotes."""
    text = repr((interview.meta, interview.extra, interview.written_tags, interview.quotes,
                 [q.written_tags for q in interview.quotes]))
    return hashlib.sha1(text.encode()).hexdigest()


# The facts digest of an interview is itself kept while the file's text is unchanged.
FACTS: Cached[Interview, str] = Cached("facts", lambda i: i.source, lambda site, i: (i.digest,),
                                       lambda site, i: interview_facts(i))


def inputs_fingerprint(root: Path, config: Any, today: dt.date, extra_files: list[Path]) -> str:
    """A digest of everything but the interviews that generated pages depend on.

    Templates, configuration, "today" and the journal's other files (accounts,
    tags, campaigns, insights). `serve` reuses a rendered interview page while
    this and the interview's own text are unchanged.
    """
    digest = hashlib.sha1(repr((config, today.isoformat())).encode())
    # Python's bytecode beside the templates' package marker is no input (and appears on first import).
    templates = [p for p in TEMPLATES_DIR.rglob("*") if "__pycache__" not in p.parts]
    for path in sorted(templates) + sorted(extra_files):
        if path.is_file():
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def other_inputs(root: Path, config: JournalConfig) -> list[Path]:
    """The journal's files other than interviews (accounts, tags, campaigns, insights, the cards'
    logo): part of the fingerprint."""
    folder = root / config.interviews_dir
    logo = config.cards.logo
    found = [folder / "accounts.yml", folder / "tags.yml", *([root / logo] if logo else [])]
    for extra in (config.campaigns_dir, config.insights_dir):
        found += sorted((root / extra).rglob("*")) if (root / extra).is_dir() else []
    return found


def journal_facts(site: Site) -> tuple:
    return site.inputs.journal()


@dataclass(frozen=True)
class Family:
    """A kind of generated page, made by ``build``.

    ``whole`` names what the whole family derives from: under `serve` the family is taken
    from the last build, without building anything, while that is unchanged. It is the
    journal's facts for every family but the interview pages, whose notes' prose matters
    (``whole=None``: they are reused page by page, through their own :class:`Cached`).
    """

    name: str
    build: Callable[[Site], Iterable[Page]]
    whole: Callable[[Site], Hashable] | None = journal_facts

    def pages(self, site: Site) -> list[Page]:
        if self.whole is None or site.cache is None:
            return list(self.build(site))
        return site.cache.get(Slot("family", self.name), (self.whole(site), site.fingerprint),
                              lambda: list(self.build(site)), site.reused)
