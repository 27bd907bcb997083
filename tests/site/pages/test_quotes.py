"""generator.site.pages.quotes and generator.site.pages.campaigns: the library, its embedded data, campaign pages."""

from __future__ import annotations

import json
import re

import pytest
from markupsafe import escape

from generator.core.load import load_journal
from generator.core.project import read_config
from generator.site.render import Renderer
from generator.site.context import Site
from generator.site.registry import build_pages
from generator.site.search.records import page_record

from tests.support import FIXTURES, TODAY, library_records, per_module

FIXTURE = FIXTURES / "quotes"
ALL_VISIBLE = ["renewal-formula", "less-phone-time", "integration-broke", "fast-support", "fewer-pages", "alerts-matter",
               "pricing-gripe", "onboarding-praise"]


@pytest.fixture(scope=per_module)
def pages():
    journal, problems = load_journal(FIXTURE, read_config(FIXTURE), today=TODAY)
    assert not problems.errors
    return build_pages(Site(journal, Renderer(), base_path="/journal/"))


def library(pages) -> list[dict]:
    return library_records(pages["quotes/index.md"].html, lambda url: pages["quotes/" + url].content)


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


def test_library_data_matches_the_cards_and_the_export(pages) -> None:
    records = library(pages)
    assert [r["id"] for r in records] == ALL_VISIBLE
    exported = {r["id"]: r["attribution"] for r in json.loads(pages["quotes/quotes.json"].content)["quotes"]}
    assert list(exported) == ALL_VISIBLE[:6]  # the cleared ones; pricing-gripe is internal, onboarding-praise expired
    assert {r["id"]: r["copy"] for r in records[:6]} == exported
    by_id = {r["id"]: r for r in records}
    assert by_id["onboarding-praise"]["state"]["cl"] == "expired" and by_id["onboarding-praise"]["state"]["kind"] == "internal"
    assert by_id["pricing-gripe"]["copy"].startswith("[INTERNAL ONLY")
    assert by_id["integration-broke"]["visit"]["ind"] == "health care"
    assert [t["value"] for t in by_id["less-phone-time"]["tags"]] == ["carriers", "alert fatigue", "renewal"]
    assert by_id["alerts-matter"]["voice"]["who"] == "VP Operations at a logistics company (Operations)"  # anonymous: no name
    assert by_id["fewer-pages"]["visit"]["said_as"] == "a prospect"


def test_library_cards_are_drawn_from_the_records(pages) -> None:
    """The first screen's cards show what the records hold: quotes.js draws the rest from the same."""
    html = pages["quotes/index.md"].html
    for record in library(pages):
        figure = re.search(rf'<figure class="journal-quote journal-quote--(\w+)" id="{record["id"]}">.*?</figure>', html, re.S)
        card = figure.group(0)
        assert figure.group(1) == record["state"]["kind"]
        assert f'— {escape(record["voice"]["who"])}</span>' in card and record["state"]["badge"] in card
        assert f'href="{record["visit"]["url"]}#{record["id"]}">{record["visit"]["date_label"]}</a>' in card
        assert all(t["chip"] in card for t in record["tags"]) and record["notes"] in card
        assert f'>{record["state"]["copy_label"]}</button>' in card
        assert (record["html"] or f"<p>{escape(record['text'])}</p>") in card


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


def test_hostile_quote_text_stays_text_on_the_library(pages) -> None:
    html = pages["quotes/index.md"].html  # a quote of the fixture says </script><script>alert(1)</script>
    assert "</script><script>alert(1)" not in html and "&lt;/script&gt;&lt;script&gt;alert(1)" in html
    record = next(r for r in library(pages) if r["id"] == "integration-broke")
    assert "</script><script>alert(1)</script>" in record["text"] and not record["html"]  # quotes.js escapes it


def test_search_finds_a_quote_on_its_interview_page_and_the_campaigns_citing_it(pages) -> None:
    """Its cards in lists (library, account, segments) are not in the search index, or every hit would
    repeat; a campaign's page keeps the quotes it cites: they are what it says."""
    text = "We cut our on-call pages in half"
    shown = {path for path, page in pages.items() if page.html and 'id="fewer-pages"' in page.html}
    assert {"quotes/index.md", "interviews/2026/2026-03-04-acme.md", "customers/acme-logistics/index.md"} <= shown
    assert any(path.startswith("segments/") for path in shown)
    indexed = {path for path, page in pages.items() if (record := page_record(page)) and text in record.content}
    assert indexed == {"interviews/2026/2026-03-04-acme.md", *(p for p in shown if p.startswith("campaigns/"))}
    assert any(p.startswith("campaigns/") for p in indexed)
