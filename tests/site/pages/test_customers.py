"""generator.site.pages.customers: /customers/ and the account pages, built from a small journal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.core.load import load_journal
from generator.core.project import read_config
from generator.site.page import Page
from generator.site.render import Renderer
from generator.site.context import Site
from generator.site.registry import build_pages

from tests import cases
from tests.support import REPO, TODAY, build_mini

LIFECYCLE = cases.case("customers", "lifecycle")


@pytest.fixture(scope="module")
def pages() -> dict[str, Page]:
    journal, problems = load_journal(LIFECYCLE, read_config(LIFECYCLE), today=TODAY)
    assert not problems.errors
    return build_pages(Site(journal, Renderer()))


def text(html: str) -> str:
    """Visible text, tags dropped and spaces collapsed (none before , . ) or after ( )."""
    flat = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    return re.sub(r"\( ", "(", re.sub(r" ([,.)])", r"\1", flat))


def test_one_page_per_account_with_a_visible_interview(pages: dict[str, Page]) -> None:
    assert sorted(p for p in pages if p.startswith("customers")) == [
        "customers.md", "customers/acme/index.md", "customers/northwind-freight/index.md"]
    assert pages["customers.md"].in_nav and pages["customers.md"].title == "Customers"
    assert not pages["customers/northwind-freight/index.md"].in_nav


def test_confidential_interviews_leave_no_trace(pages: dict[str, Page]) -> None:
    everything = "\n".join(p.content for p in pages.values())
    for secret in ("Halyard", "halyard", "Quinn Secret", "General Counsel", "Legal", "Blackbox", "legal hold", "nw-legal",
                   "Hidden Buyer", "Procurement", "2025-06-15", "15 Jun 2025", "2026-11-15", "15 Nov 2026",
                   "ana@northwind.example", "Whitecap"):
        assert secret not in everything, secret


def test_index_rows_count_only_visible_interviews_and_mark_stale(pages: dict[str, Page]) -> None:
    html = pages["customers.md"].html
    rows = re.findall(r"<tr data-rel.*?</tr>", html, re.S)
    assert [text(r) for r in rows] == [
        "Acme prospect — 1 Nov 2026 1 1 0",
        "Northwind Freight lost customer Logistics 10 Mar 2026 stale 4 3 4",
    ]
    assert 'href="../customers/acme/"' in rows[0] and 'data-search="Northwind Freight | Northwind | NWF | Logistics"' in rows[1]
    assert 'href="../segments/industry/logistics/"' in rows[1]
    assert "2 accounts we have talked to: 1 prospect, 1 lost customer." in text(html)


def test_account_page_shows_transitions_on_the_timeline(pages: dict[str, Page]) -> None:
    html = pages["customers/northwind-freight/index.md"].html
    items = re.findall(r'<li class="journal-event (journal-event--\w+).*?</li>', html, re.S)
    events = [text(m.group(0))[:60] for m in re.finditer(r'<li class="journal-event .*?</li>', html, re.S)]
    assert [e.split(" With ")[0] for e in events] == [
        "10 Mar 2026 Call · 1 quote", "10 Mar 2026 Relationship changed: customer → lost customer",
        "1 Sep 2025 Video call · 1 quote", "2 Apr 2025 Call", "2 Apr 2025 Relationship changed: prospect → customer",
        "10 Feb 2025 Demo · 2 quotes", "10 Feb 2025 First contact as prospect",
    ]
    assert items.count("journal-event--transition") == 3
    header = text(html[:html.index('id="our-side"')])
    assert "History prospect (10 Feb 2025) → customer (2 Apr 2025) → lost customer (10 Mar 2026)" in header
    assert "Last contact 10 Mar 2026 (255 days ago) stale" in header
    assert "Also written Northwind, NWF" in header and "Conversations 4 with 3 people · 4 quotes" in header


def test_account_page_sections(pages: dict[str, Page]) -> None:
    html = pages["customers/northwind-freight/index.md"].html
    page = text(html[html.index('id="our-side"'):])
    assert "50% first-hand: marketing was in 2 of 4 conversations; 2 second-hand." in page
    page = text(html[html.index('id="stakeholders"'):])
    assert "Finance 1 person Raj Patel, CFO economic buyer 3 conversations, last 10 Mar 2026 · 3 quotes" in page
    assert "Department not given 1 person Lee Wong, IT admin" in page
    assert 'href="../../segments/competitor/haulio/">Haulio ×2</a>' in html
    # Every quote of every clearance, with its badge, linking to its permalink on the interview page.
    for quote_id, interview, badge in (("nw-price-decided", "2026/03-northwind-exit", "internal"),
                                       ("nw-half-price", "2025/09-northwind-review", "public"),
                                       ("nw-steep", "2025/02-northwind-demo", "anonymous")):
        figure = re.search(rf'<figure [^>]*id="{quote_id}"[^>]*>.*?</figure>', html, re.S).group(0)
        assert f'href="../../interviews/{interview}/#{quote_id}"' in figure
        assert f"journal-badge--{badge}" in figure
    # The themes matrix links the cell of who said it to the quote on this page.
    pricing = re.search(r"<tr><th scope=\"row\">.*?>pricing</a></th>.*?</tr>", html, re.S).group(0)
    assert [text(c) for c in re.findall(r"<td[^>]*>.*?</td>", pricing, re.S)] == ["3 ❝ ❝", "1", "1"]
    assert 'href="#nw-steep"' in pricing and 'href="#nw-half-price"' in pricing


def test_customers_in_the_nav_of_a_real_build(tmp_path: Path) -> None:
    site = build_mini(tmp_path)
    about = (site / "about" / "index.html").read_text()
    assert re.search(r'<a href="\.\./customers/" class="md-nav__link">\s*<span class="md-ellipsis">\s*Customers', about)
    assert not re.search(r'<label class="md-nav__link"[^>]*>\s*<span class="md-ellipsis">\s*Customers', about)  # no one-page section
    index = (site / "customers" / "index.html").read_text()
    assert 'href="../customers/acme-logistics/"' in index and "customers.js" in index
    assert (site / "assets" / "journal" / "customers.js").is_file()
    account = (site / "customers" / "acme-logistics" / "index.html").read_text()
    assert "First contact as" in account and "Halyard" not in account


def test_sample_journal_prospect_customer_lost_account(sample_site: Path) -> None:
    html = (sample_site / "customers" / "northwind-field-services" / "index.html").read_text()
    assert "First contact as" in html
    changes = re.findall(r"Relationship changed:.*?</div>", html, re.S)
    assert [text(c) for c in changes] == ["Relationship changed: customer → lost customer",
                                          "Relationship changed: prospect → customer"]
    index = (sample_site / "customers" / "index.html").read_text()
    assert 'href="../customers/northwind-field-services/"' in index


def test_an_account_page_depends_only_on_its_own_interviews() -> None:
    """Built from a journal holding only that account, each page is the same: its cost follows its own interviews."""
    from generator.core.model import Journal
    from generator.site.pages import customers

    journal, _ = load_journal(REPO, read_config(REPO), today=TODAY)
    whole = {p.path: p.html for p in customers.build(Site(journal, Renderer())) if p.path != customers.INDEX}
    assert len(whole) == len([a for a in journal.accounts.values() if a.interviews]) >= 6
    for slug, account in journal.accounts.items():
        alone = Journal(journal.config, journal.today, list(account.interviews), {slug: account}, campaigns=journal.campaigns)
        pages = {p.path: p.html for p in customers.build(Site(alone, Renderer())) if p.path != customers.INDEX}
        assert pages == {path: html for path, html in whole.items() if path == account.url + "index.md"}, slug


def test_an_account_with_many_quotes_shows_the_newest_and_leads_to_the_rest(monkeypatch) -> None:
    """Like a segment page, an account page lists the newest quotes as cards (cards.NEWEST); the
    library, filtered to the account, and the interview pages hold the others."""
    from generator.site.pages import customers

    monkeypatch.setattr(customers, "NEWEST", 2)
    journal, _ = load_journal(LIFECYCLE, read_config(LIFECYCLE), today=TODAY)
    html = customers.account_page(Site(journal, Renderer()), journal.accounts["northwind-freight"]).html
    quotes = html[html.index('id="quotes"'):]
    assert re.findall(r'<figure [^>]*id="([^"]+)"', quotes) == ["nw-price-decided", "nw-half-price"]
    assert "The newest 2 of 4: all 4 in the quotes library" in text(quotes)
    assert 'href="../../quotes/?acct=northwind-freight"' in quotes
    # The themes matrix leads to a quote not shown here on its interview page.
    pricing = re.search(r"<tr><th scope=\"row\">.*?>pricing</a></th>.*?</tr>", html, re.S).group(0)
    assert 'href="../../interviews/2025/02-northwind-demo/#nw-steep"' in pricing and 'href="#nw-half-price"' in pricing
    everything = customers.account_page(Site(journal, Renderer()), journal.accounts["acme"]).html
    assert "The newest" not in everything
