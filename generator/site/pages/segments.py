"""Segment indexes /segments/ and /segments/<taxonomy>/<term-slug>/ (issue 6)."""

from __future__ import annotations

from typing import Iterator

from markupsafe import Markup

from ..cards import NEWEST, quote_card
from ..page import Page, Searchable
from ...core.segments import RAISED_BY, Term, segment_index, taxonomy_label, term_label
from ..cache import Cached, Family
from ..context import Site
from ...core.slugs import slugify

MAX_INTERVIEWS = 200  # newest first; the account pages hold the rest


def closed_lists(site: Site) -> dict[str, list[str]]:
    """Taxonomies with a configured list: the overview shows unheard values at zero."""
    config = site.journal.config
    return {"relationship": config.relationships, "channel": config.channels, "team": config.teams}


def build(site: Site) -> Iterator[Page]:
    index = segment_index(site.journal)
    renderer = site.renderer
    closed = closed_lists(site)
    overview = []
    for name in index.taxonomies:
        terms = index.terms[name]
        heard = {t.slug for t in terms}
        unheard = [term_label(name, v) for v in closed.get(name, []) if slugify(v) not in heard]
        overview.append({"name": name, "slug": slugify(name), "label": taxonomy_label(name), "terms": terms, "unheard": unheard})
    yield renderer.page("segments/index.md", "pages/segments.html.j2", title="Segments", in_nav=True, taxonomies=overview)

    for term in index.all_terms():
        yield PAGES.get(site, term)


def term_page(site: Site, term: Term) -> Page:
    label = taxonomy_label(term.taxonomy)
    quotes = [quote_card(site, q) for q in term.quotes[:NEWEST]]
    others = sorted(s for s in term.spellings if s != term.spelling)
    page = site.renderer.page(
        term.page_path, "pages/segment.html.j2", title=f"{label}: {term.label}", term=term, taxonomy_label=label,
        taxonomy_slug=slugify(term.taxonomy), raised_by=term.taxonomy in RAISED_BY, other_spellings=others,
        interviews=term.interviews[:MAX_INTERVIEWS], quotes=quotes, today=site.today,
    )
    # Search finds the term; the interviews and quotes it lists are indexed on their own pages.
    page.search_html = str(Markup("<p>{}: {} ({} interviews, {} accounts, {} quotes)</p>").format(
        label, term.label, len(term.interviews), len(term.account_counts), len(term.quotes)))
    page.search = Searchable({"title": page.title or ""})
    return page


PAGES: Cached[Term, Page] = Cached(
    "segments", lambda t: t.page_path,
    lambda site, t: (t.label, tuple(sorted(t.spellings)), tuple(site.inputs.interview(i) for i in t.interviews)),
    term_page)
FAMILY = Family("segments", build)
