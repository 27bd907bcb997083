"""The typed model of a journal: validated front-matter and the objects derived from it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from .config import JournalConfig
from .slugs import normalize

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Clearance = Literal["internal", "anonymous", "public"]
CLEARANCES: tuple[str, ...] = ("internal", "anonymous", "public")
CLEARED: tuple[str, ...] = ("anonymous", "public")


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Person(_Strict):
    """Someone at the customer we talked to."""

    name: Text
    role: Text | None = None
    department: Text | None = None
    persona: Text | None = None
    contact: Text | None = Field(default=None, description="PRIVATE: never rendered, indexed or exported")


class Interviewer(_Strict):
    """Someone on our side."""

    name: Text
    team: Text | None = None


def _no_datetime(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        raise ValueError("has a time; write only the date, e.g. 2026-03-04")
    return value


class FrontMatter(_Strict):
    """The front-matter of one interview file (spec section 2)."""

    date: dt.date = Field(description="ISO date of the conversation")
    customer: Text = Field(description="the account's display name")
    relationship: Text = Field(description="customer | prospect | lost-customer | competitor-customer (configurable)")
    people: list[Person] = Field(min_length=1, description="the people we talked to")
    interviewers: list[Interviewer] = Field(default_factory=list, description="who on our side talked: a name or {name, team}")
    channel: Text | None = None
    products: list[Text] = Field(default_factory=list)
    competitors: list[Text] = Field(default_factory=list)
    tags: list[Text] = Field(default_factory=list)
    industry: Text | None = None
    size: Text | None = None
    region: Text | None = None
    summary: Text | None = None
    clearance: Clearance = Field(default="internal", description="default clearance of this file's quotes")
    consent: Text | None = Field(default=None, description="who approved the clearance, or a reference to the signed form")
    expires: dt.date | None = Field(default=None, description="when the clearance of this file's quotes lapses")
    confidential: bool = Field(default=False, description="true: the whole file is left out of every output")

    _dates = field_validator("date", "expires", mode="before")(classmethod(lambda cls, v: _no_datetime(v)))

    @field_validator("interviewers", mode="before")
    @classmethod
    def _names_to_objects(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"name": v} if isinstance(v, str) else v for v in value]
        return value


FRONT_MATTER_FIELDS: tuple[str, ...] = tuple(FrontMatter.model_fields)


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
    interview: "Interview" = field(repr=False)
    # Tags as written in the file; `tags` holds them after the vocabulary folded synonyms.
    written_tags: tuple[str, ...] | None = field(default=None, repr=False)
    # Campaigns citing this quote; set by generator.campaigns on every load (parsed quotes are cached).
    cited_in: list[Any] = field(default_factory=list, repr=False)
    # Insights citing this quote as evidence (generator.insights.Evidence); set on every load too.
    evidence_for: list[Any] = field(default_factory=list, repr=False)

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

    def clearance_on(self, today: dt.date) -> str:
        """The clearance in force: an expired clearance counts as internal."""
        return "internal" if self.expired(today) else self.clearance

    def cleared_on(self, today: dt.date) -> bool:
        return self.clearance_on(today) in CLEARED


@dataclass(eq=False)
class Interview:
    """One conversation: validated front-matter, notes and quotes."""

    source: str  # path from the project root, as shown in messages
    rel: str  # path inside the interviews folder, e.g. "2026/acme.md"
    meta: FrontMatter
    extra: dict[str, Any]  # configured account fields and taxonomies
    body: str  # notes with each quote replaced by a placeholder line
    body_line: int
    quotes: list[Quote]
    lines: dict[tuple, int] = field(repr=False)
    account: "Account | None" = field(default=None, repr=False)
    # Front-matter tags as written; `meta.tags` holds them after the vocabulary folded synonyms.
    # Kept because the parse cache hands the same object to the next `serve` rebuild.
    written_tags: tuple[str, ...] | None = field(default=None, repr=False)
    digest: str = field(default="", repr=False)  # of the file's text: keys `serve`'s page cache

    @property
    def page_path(self) -> str:
        """Generated file path in the docs tree: interviews/2026/acme.md."""
        return "interviews/" + self.rel

    @property
    def url(self) -> str:
        """Site URL (directory style) without a leading slash, percent-encoded like MkDocs' own:
        a file name with spaces, accents, '#' or '?' still makes a working link."""
        stem = self.rel[:-3]
        if stem == "index" or stem.endswith("/index"):
            stem = stem[: -len("index")].rstrip("/")
        return quote(f"interviews/{stem}/" if stem else "interviews/")

    @property
    def date(self) -> dt.date:
        return self.meta.date

    @property
    def teams(self) -> list[str]:
        return sorted({i.team for i in self.meta.interviewers if i.team})

    def line_of(self, *key: Any) -> int:
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
    campaigns: list[Any] = field(default_factory=list)  # generator.campaigns
    insights: list[Any] = field(default_factory=list)  # generator.insights

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
