"""generator.site.pages.insights: evidence shown outward-first, like a campaign's quotes.

A cleared quote shows its text and the export's attribution with "Copy with attribution"; an
anonymous one names nobody anywhere in its figure; an internal one is labelled and copies nothing.
Every piece of evidence of the sample journal and of the insight cases' journal is checked.
"""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

import pytest

from generator.core.model import Evidence, Journal
from generator.site.context import Site
from generator.site.page import Page
from generator.site.pages import insights
from generator.site.render import Renderer
from tests import cases
from tests.site.pages.test_campaign_page import exported, load, names, payloads
from tests.support import REPO, per_module


def insight_cases(tmp: Path) -> Path:
    return cases.project(cases.case("insights", "valid"), tmp)


@pytest.fixture(scope=per_module, params=["sample", "insight cases"])
def journal_and_pages(request, tmp_path_factory) -> tuple[Journal, dict[str, Page]]:
    journal = load(REPO if request.param == "sample" else insight_cases(tmp_path_factory.mktemp("j")))
    return journal, {p.path: p for p in insights.build(Site(journal, Renderer()))}


def evidence(journal: Journal, pages: dict[str, Page]) -> list[tuple[Evidence, str]]:
    """Each piece of evidence with its figure on its insight's page."""
    out = []
    for insight in journal.insights:
        html = pages[insight.url + "index.md"].html
        figures = dict(re.findall(r'<figure class="journal-quote [^"]*" data-quote="([^"]+)">(.*?)</figure>', html, re.S))
        out += [(e, figures[e.quote.id]) for e in insight.found]
    return out


def test_cleared_evidence_shows_and_copies_the_exports_attribution(journal_and_pages) -> None:
    journal, pages = journal_and_pages
    export = exported(journal)
    cleared = [(e, figure) for e, figure in evidence(journal, pages) if e.quote.cleared_on(journal.today)]
    assert len(cleared) >= 2
    for e, figure in cleared:
        attribution = export[e.quote.id]
        assert figure.startswith('\n<div class="journal-outward">\n<blockquote>'), e.id
        assert f"— {htmllib.escape(attribution.rsplit(' — ', 1)[1], quote=False)}</p>" in figure, e.id
        assert payloads(figure) == [attribution], e.id


def test_anonymous_evidence_names_nobody(journal_and_pages) -> None:
    journal, pages = journal_and_pages
    anonymous = [(e, figure) for e, figure in evidence(journal, pages) if e.quote.clearance_on(journal.today) == "anonymous"]
    assert anonymous
    for e, figure in anonymous:
        assert names(figure, e.quote) == [], e.id


def test_internal_evidence_is_labelled_and_copies_nothing(journal_and_pages) -> None:
    journal, pages = journal_and_pages
    internal = [(e, figure) for e, figure in evidence(journal, pages) if not e.quote.cleared_on(journal.today)]
    assert internal
    for e, figure in internal:
        assert figure.startswith('\n<p class="journal-internal__label">Internal only — not for use outside</p>'), e.id
        assert payloads(figure) == [] and "journal-copy" not in figure, e.id
