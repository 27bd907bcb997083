"""Insight pages: /insights/ (every claim, its status and strength) and /insights/<slug>/
(the claim, its supporting and contradicting quotes side by side, and whom we have not heard yet).

Confidential quotes never enter the model, so they cannot show here. A cleared quote shows
first its outward form (views.outward) with "Copy with attribution"; one cleared as anonymous
shows its descriptor only (no name, role, department or account); an internal one is labelled
as not for use outside.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from markupsafe import Markup

from ...core.insights import STATUSES, segment_terms
from ...core.model import Insight
from ...core.segments import Term, segment_index
from ...core.slugs import normalize
from ...views.account import days_since, is_stale
from ...views.evidence import Strength, coverage, strength
from ...views.outward import outward
from ..cache import Family
from ..context import Site
from ..page import Page, Searchable

INDEX = "insights/index.md"


@dataclass
class Row:
    """One insight on the index."""

    insight: Insight
    support: Strength  # of the supporting evidence
    against: int  # contradicting quotes
    stale: bool
    segments: list[tuple[str, str]]  # (filter key, label)


def segment_labels(insight: Insight, terms: list[Term | None]) -> list[tuple[str, str]]:
    """(key, label) of each segment: the term's label when the journal knows it."""
    return [(normalize(term.label if term else value), term.label if term else value)
            for value, term in zip(insight.segments, terms)]


def build(site: Site) -> Iterator[Page]:
    journal, renderer = site.journal, site.renderer
    stale_days = journal.config.stale_days
    index = segment_index(journal)
    terms = {i.slug: segment_terms(i, index) for i in journal.insights}
    rows = [Row(i, strength(i.supporting), len(i.contradicting), is_stale(i.newest, site.today, stale_days),
                segment_labels(i, terms[i.slug])) for i in journal.insights]
    segments = sorted({key: label for r in rows for key, label in r.segments}.items(), key=lambda kv: kv[1].casefold())
    yield renderer.page(INDEX, "pages/insights.html.j2", title="Insights", in_nav=True, rows=rows, statuses=STATUSES,
                        segments=segments, stale_days=stale_days, insights_dir=journal.config.insights_dir)
    for row in rows:
        insight = row.insight
        claim = renderer.markdown(insight.body)
        page = renderer.page(
            insight.url + "index.md", "pages/insight.html.j2", title=insight.title, row=row, insight=insight, segment_terms=list(zip(insight.segments, terms[insight.slug])),
            claim=claim, coverage=coverage(insight, journal), today=site.today,
            renderer=renderer, outward={e.quote.id: outward(e.quote, site.today) for e in insight.found},
            days=days_since(insight.newest, site.today) if insight.newest else None, stale_days=stale_days)
        # Search finds the claim; its evidence quotes are found on their interview pages.
        page.search_html = str(Markup("<h1>{}</h1>{}").format(insight.title, claim))
        page.search = Searchable({"title": insight.title})
        yield page


FAMILY = Family("insights", build)
