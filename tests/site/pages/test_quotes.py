"""generator.site.pages.quotes and generator.site.pages.campaigns: the library, its embedded data, campaign pages."""

from __future__ import annotations

import json
import re

import pytest

from generator.core.load import load_journal
from generator.site.pages.quotes import embed_json
from generator.core.project import read_config
from generator.site.render import Renderer
from generator.site.context import Site
from generator.site.registry import build_pages

from tests.support import FIXTURES, TODAY, per_module

FIXTURE = FIXTURES / "quotes"
ALL_VISIBLE = ["renewal-formula", "less-phone-time", "integration-broke", "fast-support", "fewer-pages", "alerts-matter",
               "pricing-gripe", "onboarding-praise"]


@pytest.fixture(scope=per_module)
def pages():
    journal, problems = load_journal(FIXTURE, read_config(FIXTURE), today=TODAY)
    assert not problems.errors
    return build_pages(Site(journal, Renderer(), base_path="/journal/"))


def embedded(html: str) -> list[dict]:
    match = re.search(r'<div id="journal-quotes-data" hidden><script type="application/json">(.*?)</script></div>', html, re.S)
    assert match, "the library embeds its data"
    return json.loads(match.group(1))


def test_library_lists_every_visible_quote_with_its_permalink(pages) -> None:
    page = pages["quotes/index.md"]
    assert page.in_nav and page.title == "Quotes"
    ids = re.findall(r'<figure class="journal-quote[^"]*" id="([^"]+)"', page.html)
    assert ids == ALL_VISIBLE
    assert "whitecap" not in page.content.lower() and "Halyard" not in page.content
    assert "jane@acme.example" not in page.content


def test_library_cards_show_what_sales_need(pages) -> None:
    html = pages["quotes/index.md"].html
    card = html[html.index('id="fewer-pages"'):html.index("</figure>", html.index('id="fewer-pages"'))]
    for expected in ("Jane Doe, VP Operations", "(Operations)", ">Acme Logistics</a>", "said as a prospect",
                     'href="../interviews/2026/2026-03-04-acme/#fewer-pages"', "on site", "journal-badge--public",
                     ">on-call</a>", ">alert fatigue</a>", 'Cited in <a href="../campaigns/renewal-stories/">Renewal stories</a>',
                     'data-quote="fewer-pages">Copy with attribution</button>', 'href="#fewer-pages"'):
        assert expected in card, expected
    anonymous = html[html.index('id="alerts-matter"'):]
    assert "— VP Operations at a logistics company" in anonymous[:anonymous.index("</figure>")]
    expired = html[html.index('id="onboarding-praise"'):]
    expired = expired[:expired.index("</figure>")]
    assert "clearance expired" in expired and "Copy (internal only)" in expired
    assert "said as a lost customer" in html


def test_embedded_data_matches_the_cards_and_the_export(pages) -> None:
    records = embedded(pages["quotes/index.md"].html)
    assert [r["id"] for r in records] == ALL_VISIBLE
    exported = {r["id"]: r["attribution"] for r in json.loads(pages["quotes/quotes.json"].content)["quotes"]}
    assert list(exported) == ALL_VISIBLE[:6]  # the cleared ones; pricing-gripe is internal, onboarding-praise expired
    assert {r["id"]: r["copy"] for r in records[:6]} == exported
    by_id = {r["id"]: r for r in records}
    assert by_id["onboarding-praise"]["cl"] == "expired"
    assert by_id["pricing-gripe"]["copy"].startswith("[INTERNAL ONLY")
    assert by_id["integration-broke"]["ind"] == "health care"
    assert by_id["less-phone-time"]["tags"] == ["carriers", "alert fatigue", "renewal"]


def test_embedded_json_cannot_end_its_script_element(pages) -> None:
    hostile = ["</script><script>alert(1)</script>", "<!-- <script>", "\u2028"]
    text = str(embed_json(hostile))
    assert "<" not in text and "\u2028" not in text
    assert json.loads(text) == hostile
    assert "</script><script>alert(1)" not in pages["quotes/index.md"].html  # a quote of the fixture says this


def test_filter_options_come_from_the_quotes(pages) -> None:
    html = pages["quotes/index.md"].html
    form = html[html.index("<form"):html.index("</form>")]
    assert form.startswith('<form class="journal-filters" id="journal-quote-filters" role="search" aria-label="Filter quotes" hidden>')
    assert '<option value="health care">Health Care</option>' in form
    assert '<option value="economic-buyer">economic buyer</option>' in form
    assert '<option value="expired">clearance expired</option>' in form
    assert '<option value="competitor-customer">' not in form  # only relationships that occur
    assert 'name="cleared"' in form and 'name="from"' in form and 'name="to"' in form


def test_interview_page_shows_cited_in(pages) -> None:
    html = pages["interviews/2026/2026-03-04-acme.md"].html
    assert 'Cited in <a href="../../../campaigns/renewal-stories/">Renewal stories</a>, <a href="../../../campaigns/spring-webinar/">Spring on-call webinar</a>' in html
    assert "journal-copy" not in html  # the copy button lives in the library


def test_campaign_pages(pages) -> None:
    index = pages["campaigns/index.md"]
    assert index.in_nav and index.title == "Campaigns"
    assert '<a href="../campaigns/spring-webinar/">Spring on-call webinar</a>' in index.html
    page = pages["campaigns/spring-webinar.md"]
    assert not page.in_nav and page.title == "Spring on-call webinar"
    assert re.findall(r'<figure class="journal-quote[^"]*" id="([^"]+)"', page.html) == ["fewer-pages", "alerts-matter"]
    assert "Priya (sales)" in page.html and "20 Apr 2026" in page.html
    assert 'href="../../interviews/2026/2026-03-04-acme/#fewer-pages"' in page.html


def test_an_expired_clearance_is_internal_on_every_page(pages) -> None:
    """The library, interview, account and segment pages all badge it "clearance expired"; no export holds it."""
    holding = {path: page.html for path, page in pages.items() if page.html and 'id="onboarding-praise"' in page.html}
    assert {"quotes/index.md", "interviews/2026/2026-03-04-acme.md", "customers/acme-logistics/index.md"} <= set(holding)
    assert any(path.startswith("segments/") for path in holding)
    for path, html in holding.items():
        figure = re.search(r'<figure class="journal-quote journal-quote--(\w+)" id="onboarding-praise"[^>]*>.*?</figure>', html, re.S)
        assert figure.group(1) == "internal", path
        assert "journal-badge--expired" in figure.group(0) and "journal-badge--public" not in figure.group(0), path
    for export in ("quotes/quotes.json", "quotes/quotes.csv", "feed.xml"):
        assert "onboarding-praise" not in pages[export].content and "Best onboarding" not in pages[export].content, export


def test_a_quote_says_the_relationship_at_the_time_not_the_accounts_current_one(pages) -> None:
    html = pages["quotes/index.md"].html
    card = html[html.index('id="fewer-pages"'):]
    assert "said as a prospect" in card[:card.index("</figure>")]  # Acme was a prospect on 2026-03-04 ...
    customers = pages["customers.md"].html
    row = re.search(r"<tr data-rel[^>]*>(?:(?!</tr>).)*acme-logistics.*?</tr>", customers, re.S).group(0)
    assert re.search(r">\s*customer\s*<", row)  # ... and is a customer now
    assert json.loads(pages["quotes/quotes.json"].content)["quotes"][4]["relationship"] == "prospect"


def test_search_indexes_a_quote_on_its_interview_page_only(pages) -> None:
    """Its cards in lists (library, account, segments) are marked data-search-exclude: the library of a large
    journal would exceed Zensical's limit for one page's index entry, and every hit would repeat (MkDocs
    indexes a lean text). A campaign's page keeps the quotes it cites: they are what it says."""
    cards = {path: re.search(r'<figure [^>]*id="fewer-pages"[^>]*>', page.html).group(0)
             for path, page in pages.items() if page.html and 'id="fewer-pages"' in page.html}
    assert {"quotes/index.md", "interviews/2026/2026-03-04-acme.md", "customers/acme-logistics/index.md"} <= set(cards)
    assert any(path.startswith("segments/") for path in cards)
    searched = {path for path, tag in cards.items() if "data-search-exclude" not in tag}
    assert searched == {"interviews/2026/2026-03-04-acme.md", *(p for p in cards if p.startswith("campaigns/"))}
