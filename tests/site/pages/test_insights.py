"""generator.site.pages.insights and the insights' back-links on other pages (interviews, library, accounts, dashboard)."""

from __future__ import annotations

import re

import pytest

from generator.core.load import load_journal
from generator.core.project import read_config
from generator.site.render import Renderer
from generator.site.context import Site
from generator.site.registry import build_pages

from tests import cases
from tests.support import TODAY, per_module

EXTRA = {
    "insights/old-news.md": "---\ntitle: Procurement decides\nstatus: hypothesis\nowner: Tomás\nevidence: [bundle-won]\n---\nOld claim.\n",
    "insights/retired.md": "---\ntitle: Bundles never win\nstatus: retired\nowner: Tomás\nevidence:\n"
                           "  - {id: bundle-won, stance: contradicts}\n---\nWe were wrong.\n",
    "insights/unsafe.md": "---\ntitle: Markup is sanitised\nstatus: hypothesis\nowner: Sam\nevidence: [fewer-pages]\n---\n"
                          "Claim with <script>alert(1)</script> and [a link](javascript:alert(1)) and **bold**.\n",
}


@pytest.fixture(scope=per_module)
def pages(tmp_path_factory):
    project = cases.project(cases.case("insights", "valid"), tmp_path_factory.mktemp("insights"))
    for rel, text in EXTRA.items():
        (project / rel).write_text(text, encoding="utf-8")
    journal, problems = load_journal(project, read_config(project), today=TODAY)
    assert not problems.errors, [p.format() for p in problems]
    return build_pages(Site(journal, Renderer()))


def section(html: str, start: str, end: str) -> str:
    at = html.index(start)
    return html[at:html.index(end, at)]


def figure(html: str, quote_id: str) -> str:
    return section(html, f'data-quote="{quote_id}"', "</figure>")


def test_index_lists_insights_with_status_strength_newest_and_owner(pages) -> None:
    page = pages["insights/index.md"]
    assert page.in_nav and page.title == "Insights"
    rows = re.findall(r'<tr data-status="([^"]+)" data-segments="([^"]*)">(.*?)</tr>', page.html, re.S)
    assert [(status, segments) for status, segments, _ in rows] == [
        ("disputed", "alert fatigue|customer|operations"), ("retired", ""), ("hypothesis", ""), ("hypothesis", ""),
        ("supported", "")]
    fatigue = rows[0][2]
    cells = re.findall(r'<td data-sort="([^"]*)">', fatigue)
    # title, status (order in STATUSES), accounts, departments, relationships, against, newest, owner
    assert cells == ["alert fatigue drives switching", "2", "1", "1", "1", "1", "2026-05-10", "sam lee"]
    assert 'href="../insights/alert-fatigue/"' in fatigue and "journal-stale" in fatigue
    sso_cells = re.findall(r'<td data-sort="([^"]*)">', rows[4][2])
    assert sso_cells[2:6] == ["2", "2", "2", "0"]
    assert '<option value="alert fatigue">alert fatigue</option>' in page.html
    assert '<option value="disputed">disputed</option>' in page.html


def test_insight_page_shows_claim_and_both_sides(pages) -> None:
    page = pages["insights/alert-fatigue/index.md"]
    assert not page.in_nav and page.title == "Alert fatigue drives switching"
    html = page.html
    assert "<p>Teams switch because on-call people are worn out.</p>" in html
    supports = section(html, 'id="supports"', "</section>")
    contradicts = section(html, 'id="contradicts"', "</section>")
    assert re.findall(r'data-quote="([^"]+)"', supports) == ["fewer-pages", "alerts-matter"]
    assert re.findall(r'data-quote="([^"]+)"', contradicts) == ["alerts-are-fine"]
    public = figure(html, "fewer-pages")
    for expected in ("— Jane Doe, VP Operations, Acme Logistics", '<a href="../../customers/acme-logistics/">Acme Logistics</a>',
                     "said as a customer", 'href="../../interviews/acme/#fewer-pages"', "4 Mar 2026", "Concrete number."):
        assert expected in public, expected
    assert "said as a prospect" in figure(html, "alerts-are-fine")
    assert ("Coverage:</strong> Heard from 2 accounts: 1 customer, 1 prospect; no lost customers or competitor customers yet; "
            "nobody from Finance or Procurement yet.") in html
    assert "2 supporting quotes from 1 account, 1 department, 1 relationship; 1 contradicting" in html
    assert '<a class="journal-chip" href="../../segments/department/operations/">Operations</a>' in html


def test_anonymous_evidence_shows_the_descriptor_only(pages) -> None:
    anonymous = figure(pages["insights/alert-fatigue/index.md"].html, "alerts-matter")
    assert "— VP Operations at a logistics company" in anonymous
    for revealing in ("Jane Doe", "Acme", "(Operations)", "interviews/", "customers/"):
        assert revealing not in anonymous, revealing
    assert 'href="../../quotes/#alerts-matter"' in anonymous and "Said as a customer" in anonymous


def test_internal_evidence_is_shown_on_the_internal_site(pages) -> None:
    internal = figure(pages["insights/sso/index.md"].html, "seat-price")
    assert "Raj Patel, Finance Director (Finance)" in internal and "journal-badge--internal" in internal


def test_confidential_quotes_never_reach_insight_pages(pages) -> None:
    text = "\n".join(p.content for path, p in pages.items() if path.startswith("insights/"))
    for secret in ("Whitecap", "whitecap-move", "Bob Quill", "Halyard"):
        assert secret not in text


def test_insight_body_is_sanitised(pages) -> None:
    html = pages["insights/unsafe/index.md"].html
    assert "<script>" not in html and "javascript:" not in html and "<strong>bold</strong>" in html


def test_quotes_show_the_insights_they_are_evidence_for(pages) -> None:
    interview = pages["interviews/acme.md"].html
    assert 'Evidence for <a href="../../insights/alert-fatigue/">Alert fatigue drives switching</a>' in section(
        interview, 'id="fewer-pages"', "</figure>")
    borealis = section(pages["interviews/borealis.md"].html, 'id="alerts-are-fine"', "</figure>")
    assert 'Alert fatigue drives switching</a> <span class="journal-muted">(contradicts)</span>' in borealis
    library = section(pages["quotes/index.md"].html, 'id="fewer-pages"', "</figure>")
    assert ('Evidence for <a href="../insights/alert-fatigue/">Alert fatigue drives switching</a>, '
            '<a href="../insights/unsafe/">Markup is sanitised</a>') in library
    assert 'Evidence for <a href="../insights/sso/">SSO is a baseline</a>' in section(
        pages["quotes/index.md"].html, 'id="no-sso-no-pilot"', "</figure>")
    internal = section(pages["quotes/index.md"].html, 'id="seat-price"', "</figure>")
    assert re.findall(r'href="../insights/([^/]+)/"', internal) == ["sso"]
    both = section(pages["quotes/index.md"].html, 'id="bundle-won"', "</figure>")
    assert ('Evidence for <a href="../insights/retired/">Bundles never win</a> <span class="journal-muted">(contradicts)</span>, '
            '<a href="../insights/old-news/">Procurement decides</a></span>') in both


def test_account_pages_list_the_insights_their_people_contributed_to(pages) -> None:
    acme = section(pages["customers/acme-logistics/index.md"].html, 'id="insights"', "</ul>")
    assert re.findall(r'<a href="../../insights/([^/]+)/">', acme) == ["alert-fatigue", "unsafe", "sso"]
    assert "2 quotes supporting" in acme
    northwind = section(pages["customers/northwind/index.md"].html, 'id="insights"', "</ul>")
    assert "1 quote supporting" in northwind and "1 quote contradicting" in northwind
    borealis = section(pages["customers/borealis-freight/index.md"].html, 'id="insights"', "</ul>")
    assert re.findall(r'<a href="../../insights/([^/]+)/">', borealis) == ["alert-fatigue", "sso"]


def test_dashboard_lists_stale_insights_but_not_retired_ones(pages) -> None:
    stale = section(pages["index.md"].html, 'id="stale-insights"', "</table>")
    titles = re.findall(r'<a href="insights/[^/]+/">([^<]+)</a>', stale)
    # bundle-won is from 2025-01-15, fewer-pages from March 2026, the newest Borealis quote from May 2026
    # (stale_days 180, today 2026-11-20): the oldest evidence first.
    assert titles == ["Procurement decides", "Markup is sanitised", "Alert fatigue drives switching", "SSO is a baseline"]
    assert "Bundles never win" not in stale
