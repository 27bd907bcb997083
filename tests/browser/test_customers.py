"""The customers pages in a real browser: sorting and filtering the accounts (exactly the sample's accounts each filter keeps), flipping the timeline."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

NAMES = "[...document.querySelectorAll('#journal-accounts tbody tr')].filter(r => !r.hidden).map(r => r.cells[0].textContent.trim())"
CELLS = "[...document.querySelectorAll('#journal-accounts tbody tr')].map(r => r.cells[{n}].getAttribute('data-sort'))"
ACCOUNTS = 9  # of the sample journal


def test_accounts_table_sorts(page: Page, site_url: str) -> None:
    page.goto(site_url + "customers/")
    expect(page.locator("#journal-customer-filters")).to_be_visible()
    names = page.evaluate(NAMES)
    assert len(names) == ACCOUNTS and names == sorted(names, key=str.lower)

    page.click("#journal-accounts th:nth-child(4) button")  # last contact: most recent first
    dates = page.evaluate(CELLS.format(n=3))
    assert dates == sorted(dates, reverse=True)
    expect(page.locator("#journal-accounts th:nth-child(4)")).to_have_attribute("aria-sort", "descending")
    page.click("#journal-accounts th:nth-child(4) button")
    assert page.evaluate(CELLS.format(n=3)) == sorted(dates)

    page.click("#journal-accounts th:nth-child(5) button")  # conversations: most first, numerically
    talks = [int(v) for v in page.evaluate(CELLS.format(n=4))]
    assert talks == sorted(talks, reverse=True)


# (what a reader sets, the accounts shown, in the table's order): a filter that did nothing would show all 9.
FILTERS = {
    "relationship": ({"rel": "lost-customer"}, ["Northwind Field Services", "Ridgeway Elevator Services"]),
    "stale-only": ({"stale": True}, ["Bluegate Freight", "Kestrel Cold Chain", "Meridian Home Repair", "Northwind Field Services"]),
    "stale-and-relationship": ({"rel": "customer", "stale": True}, ["Kestrel Cold Chain", "Meridian Home Repair"]),
    "name-or-industry": ({"q": "logistics"}, ["Acme Logistics", "Bluegate Freight", "Kestrel Cold Chain", "Quarry Lane Haulage"]),
    "alias": ({"q": "harbor and pine"}, ["Harbor & Pine Utility Services"]),
    "search-and-relationship": ({"q": "logistics", "rel": "prospect"}, ["Quarry Lane Haulage"]),
}


@pytest.mark.parametrize("filters, shown", FILTERS.values(), ids=FILTERS.keys())
def test_a_filter_shows_exactly_its_accounts(page: Page, site_url: str, filters: dict, shown: list[str]) -> None:
    page.goto(site_url + "customers/")
    expect(page.locator("#journal-customer-count")).to_have_text(f"{ACCOUNTS} accounts")
    form = page.locator("#journal-customer-filters")
    form.locator("[name=q]").fill(filters.get("q", ""))
    form.locator("[name=rel]").select_option(filters.get("rel", ""))
    form.locator("[name=stale]").set_checked(filters.get("stale", False))
    expect(page.locator("#journal-customer-count")).to_have_text(f"{len(shown)} of {ACCOUNTS} accounts")
    assert page.evaluate(NAMES) == shown
    page.click("#journal-customer-filters button[type=reset]")
    expect(page.locator("#journal-customer-count")).to_have_text(f"{ACCOUNTS} accounts")
    assert len(page.evaluate(NAMES)) == ACCOUNTS


def test_no_matching_account_says_so(page: Page, site_url: str) -> None:
    page.goto(site_url + "customers/")
    expect(page.locator("#journal-customer-empty")).to_be_hidden()
    page.fill("input[name=q]", "no such account")
    expect(page.locator("#journal-customer-count")).to_have_text(f"0 of {ACCOUNTS} accounts")
    expect(page.locator("#journal-customer-empty")).to_be_visible()


def test_timeline_order_toggle(page: Page, site_url: str) -> None:
    page.goto(site_url + "customers/northwind-field-services/")
    dates = "[...document.querySelectorAll('#journal-timeline > li time')].map(t => t.getAttribute('datetime'))"
    newest = page.evaluate(dates)
    assert newest == sorted(newest, reverse=True)
    button = page.locator("#journal-timeline-order")
    expect(button).to_have_text("Show oldest first")
    button.click()
    assert page.evaluate(dates) == newest[::-1]
    expect(button).to_have_text("Show newest first")
    expect(page.locator("#journal-timeline > li").first).to_contain_text("First contact as")
    button.click()
    assert page.evaluate(dates) == newest
