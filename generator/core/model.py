"""The typed model of a journal: interviews, their quotes and accounts, campaigns and insights.

The loaders (``core.load``, ``core.campaigns``, ``core.insights``) build it and validate every
file on the way; everything else reads it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from .config import JournalConfig
from .frontmatter import CLEARED, FrontMatter, Person
from .slugs import normalize
from .yamlfile import Key

# `journal check` warns, and campaign pages show a warning, this many days before a clearance lapses.
EXPIRY_NOTICE_DAYS = 30


@dataclass(eq=False)
class Quote:
    """A quote parsed from a blockquote with an attribution line."""

    id: str
    explicit_id: bool
    text: str
    speaker: Person
    clearance: str
    tags: tuple[str, ...]
    consent: str | None
    expires: dt.date | None
    line: int
    interview: Interview = field(repr=False)
    # Tags as written in the file; `tags` holds them after the vocabulary folded synonyms.
    written_tags: tuple[str, ...] | None = field(default=None, repr=False)
    # Campaigns citing this quote; set by core.campaigns on every load (parsed quotes are cached).
    cited_in: list[Campaign] = field(default_factory=list, repr=False)
    # Evidence of insights citing this quote; set by core.insights on every load too.
    evidence_for: list[Evidence] = field(default_factory=list, repr=False)

    @property
    def all_tags(self) -> list[str]:
        """The quote's own tags, then its interview's (spec: a quote's tags add to the file's), each once."""
        seen: set[str] = set()
        out = []
        for tag in (*self.tags, *self.interview.meta.tags):
            key = normalize(tag)
            if key not in seen:
                seen.add(key)
                out.append(tag)
        return out

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and self.expires < today

    def expires_soon(self, today: dt.date) -> bool:
        """In force today, and lapses within :data:`EXPIRY_NOTICE_DAYS` (``expires`` is its last day)."""
        return self.expires is not None and today <= self.expires <= today + dt.timedelta(days=EXPIRY_NOTICE_DAYS)

    def clearance_on(self, today: dt.date) -> str:
        """The clearance in force: an expired clearance counts as internal."""
        return "internal" if self.expired(today) else self.clearance

    def cleared_on(self, today: dt.date) -> bool:
        return self.clearance_on(today) in CLEARED


def interview_url(rel: str) -> str:
    """The page address of the interview file at ``rel`` (inside the interviews folder)."""
    stem = rel[:-3]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")].rstrip("/")
    return quote(f"interviews/{stem}/" if stem else "interviews/")


@dataclass(eq=False)
class Interview:
    """One conversation: validated front-matter, notes and quotes."""

    source: str  # path from the project root, as shown in messages
    rel: str  # path inside the interviews folder, e.g. "2026/acme.md"
    meta: FrontMatter
    extra: dict[str, str | list[str]]  # configured account fields (text) and taxonomies (lists)
    body: str  # notes with each quote replaced by a placeholder line
    body_line: int
    quotes: list[Quote]
    lines: dict[Key, int] = field(repr=False)  # front-matter field path -> line
    account: Account | None = field(default=None, repr=False)
    # Front-matter tags as written; `meta.tags` holds them after the vocabulary folded synonyms.
    # Kept because the parse cache hands the same object to the next `serve` rebuild.
    written_tags: tuple[str, ...] | None = field(default=None, repr=False)
    digest: str = field(default="", repr=False)  # of the file's text: keys `serve`'s page cache
    # `moved_from` as paths inside the interviews folder (like `rel`), oldest first.
    old_rels: tuple[str, ...] = ()

    @property
    def page_path(self) -> str:
        """Generated file path in the docs tree: interviews/2026/acme.md."""
        return "interviews/" + self.rel

    @property
    def url(self) -> str:
        """Site URL (directory style) without a leading slash, percent-encoded like MkDocs' own:
        a file name with spaces, accents, '#' or '?' still makes a working link."""
        return interview_url(self.rel)

    @property
    def old_urls(self) -> list[str]:
        """The addresses the page had before the file moved (``moved_from``): each redirects here."""
        return [interview_url(rel) for rel in self.old_rels]

    @property
    def date(self) -> dt.date:
        return self.meta.date

    @property
    def teams(self) -> list[str]:
        return sorted({i.team for i in self.meta.interviewers if i.team})

    @property
    def account_key(self) -> str:
        """The account this conversation counts for (its slug once accounts are merged)."""
        return self.account.slug if self.account else normalize(self.meta.customer)

    def line_of(self, *key: str | int) -> int:
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return 1

    def find_person(self, name: str) -> Person | None:
        wanted = " ".join(name.split()).casefold()
        return next((p for p in self.meta.people if " ".join(p.name.split()).casefold() == wanted), None)


@dataclass(eq=False)
class Account:
    """A customer: a group of people, across every interview that names it."""

    slug: str
    name: str
    aliases: list[str] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)
    attribute_sources: dict[str, str] = field(default_factory=dict)  # field -> "file:line" that set it
    interviews: list[Interview] = field(default_factory=list)  # oldest first

    @property
    def url(self) -> str:
        return f"customers/{self.slug}/"

    @property
    def relationship(self) -> str:
        return self.interviews[-1].meta.relationship if self.interviews else ""

    @property
    def first_contact(self) -> dt.date | None:
        return self.interviews[0].date if self.interviews else None

    @property
    def last_contact(self) -> dt.date | None:
        return self.interviews[-1].date if self.interviews else None

    @property
    def quotes(self) -> list[Quote]:
        return [q for i in self.interviews for q in i.quotes]


@dataclass(eq=False)
class Journal:
    """Every non-confidential interview, their accounts and quotes.

    Confidential interviews are validated but never enter this model, so no
    page, index, count or export built from it can reveal them.
    """

    config: JournalConfig
    today: dt.date
    interviews: list[Interview]  # oldest first, then by path
    accounts: dict[str, Account]  # by slug, sorted by name
    confidential_sources: frozenset[str] = frozenset()  # for `journal check` only
    # id -> file of confidential quotes: to refuse citing them, never to show them.
    confidential_quote_ids: dict[str, str] = field(default_factory=dict)
    # id -> file of quotes in files that have errors (so left out of the model until fixed).
    held_quote_ids: dict[str, str] = field(default_factory=dict)
    campaigns: list[Campaign] = field(default_factory=list)  # by name (core.campaigns)
    insights: list[Insight] = field(default_factory=list)  # by title (core.insights)
    root: Path | None = None  # the project folder it was read from (None: a journal made in memory)

    @property
    def quotes(self) -> list[Quote]:
        return [q for i in self.interviews for q in i.quotes]

    def quote(self, quote_id: str) -> Quote | None:
        return self.quotes_by_id.get(quote_id)

    def held_quote(self, quote_id: str) -> str:
        """Why a quote id that is not in the model may still be right: "" or a reason naming its file."""
        source = self.held_quote_ids.get(quote_id)
        return f"its interview {source} has errors (listed for that file); fix them first" if source else ""

    @property
    def quotes_by_id(self) -> dict[str, Quote]:
        cached = self.__dict__.get("_quotes_by_id")
        if cached is None:
            cached = self.__dict__["_quotes_by_id"] = {q.id: q for q in self.quotes}
        return cached


# --- campaigns (campaigns/*.yml, spec section 6) ---------------------------------------


@dataclass
class Citation:
    """One entry of a campaign's ``cites`` list, and the quote it names (when it still exists)."""

    id: str
    text: str
    line: int
    quote: Quote | None = None


@dataclass(eq=False)
class Campaign:
    """A campaign file: its name, owner and the quotes it cites, in the file's order."""

    slug: str
    source: str
    name: str
    owner: str | None = None
    summary: str | None = None
    date: dt.date | None = None
    cites: list[Citation] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"campaigns/{self.slug}/"

    @property
    def quotes(self) -> list[Quote]:
        return [c.quote for c in self.cites if c.quote is not None]


# --- insights (insights/*.md, spec section 7) ------------------------------------------


@dataclass(eq=False)
class Evidence:
    """One entry of an insight's ``evidence`` list, and the quote it names (once checked)."""

    id: str
    stance: str  # supports | contradicts
    note: str | None
    line: int
    quote: Quote | None = None
    insight: Insight | None = field(default=None, repr=False)

    @property
    def supports(self) -> bool:
        return self.stance == "supports"


def insight_url(slug: str) -> str:
    return f"insights/{slug}/"


@dataclass(eq=False)
class Insight:
    """An insight file: a claim (the Markdown body) and the quotes that support or contradict it."""

    slug: str
    source: str
    title: str
    status: str
    owner: str
    segments: list[str]
    evidence: list[Evidence]
    body: str
    status_line: int = 1
    segment_lines: list[int] = field(default_factory=list)

    @property
    def url(self) -> str:
        return insight_url(self.slug)

    @property
    def found(self) -> list[Evidence]:
        """Evidence whose quote exists in the (non-confidential) journal."""
        return [e for e in self.evidence if e.quote is not None]

    @property
    def supporting(self) -> list[Evidence]:
        return [e for e in self.found if e.supports]

    @property
    def contradicting(self) -> list[Evidence]:
        return [e for e in self.found if not e.supports]

    @property
    def newest(self) -> dt.date | None:
        """Date of the newest conversation behind the evidence."""
        return max((e.quote.interview.date for e in self.found), default=None)
