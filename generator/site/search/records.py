"""What the search index holds: a record per page worth finding, made from the page itself.

A page family marks a page for search by giving it a :class:`~generator.site.page.Searchable`
(interviews, accounts, segments, insights); the record's text is the page's lean
``search_html`` when it has one (the anonymisation-safe text the page family chose), else its
HTML. Guide pages (the project's own docs) are recorded by the engine that renders them.
Confidential interviews are not in the model, so no page and no record comes from them.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field

import nh3

from ..page import Page, Searchable

# A tag that ends a word: block elements and line breaks (inline formatting does not).
_WORD_BREAK = re.compile(r"<(?!/?(?:a|abbr|b|code|em|i|mark|q|s|small|span|strong|sub|sup|time|u)\b)", re.I)
PERMALINK = "¶"  # heading and quote permalinks: no word of the page, and noise in an excerpt


@dataclass(frozen=True)
class Record:
    """One page in the index, as Pagefind's ``AddRecord`` takes it."""

    url: str  # from the site root, with a leading slash: search.js puts the site's own path in front
    content: str  # plain text
    meta: dict[str, str] = field(default_factory=dict)  # shown with a hit; "title" is its heading
    filters: dict[str, list[str]] = field(default_factory=dict)


def text_of(html: str) -> str:
    """The words of an HTML fragment: tags and permalinks dropped, entities decoded, spaces collapsed."""
    text = html_lib.unescape(nh3.clean(_WORD_BREAK.sub(" <", html), tags=set()))
    return " ".join(text.replace(PERMALINK, " ").split())


def record(url: str, html: str, searchable: Searchable) -> Record:
    return Record("/" + url, text_of(html), dict(searchable.meta), dict(searchable.filters))


def page_record(page: Page) -> Record | None:
    """The record of a generated page, or None when its family keeps it out of search."""
    if page.search is None:
        return None
    return record(page.url, page.search_html or page.html or "", page.search)


def guide_record(url: str, title: str, html: str) -> Record:
    """A page of the project's own docs (a guide), as the engine rendered it."""
    return record(url, html, Searchable({"title": title}))
