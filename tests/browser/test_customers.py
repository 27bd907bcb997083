"""The customers pages in a real browser: sorting and filtering the accounts, flipping the timeline."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

NAMES = "[...document.querySelectorAll('#journal-accounts tbody tr')].filter(r => !r.hidden).map(r => r.cells[0].textContent.trim())"
CELLS = "[...document.querySelectorAll('#journal-accounts tbody tr')].map(r => r.cells[{n}].getAttribute('data-sort'))"


def test_accounts_table_sorts_and_filters(page: Page, site_url: str) -> None:
    page.goto(site_url + "customers/")
    expect(page.locator("#journal-customer-filters")).to_be_visible()
    names = page.evaluate(NAMES)
    assert len(names) > 3 and names == sorted(names, key=str.lower)

    page.click("#journal-accounts th:nth-child(4) button")  # last contact: most recent first
    dates = page.evaluate(CELLS.format(n=3))
    assert dates == sorted(dates, reverse=True)
    expect(page.locator("#journal-accounts th:nth-child(4)")).to_have_attribute("aria-sort", "descending")
    page.click("#journal-accounts th:nth-child(4) button")
    assert page.evaluate(CELLS.format(n=3)) == sorted(dates)

    page.click("#journal-accounts th:nth-child(5) button")  # conversations: most first, numerically
    talks = [int(v) for v in page.evaluate(CELLS.format(n=4))]
    assert talks == sorted(talks, reverse=True)

    total = len(names)
    page.select_option("select[name=rel]", "lost-customer")
    lost = page.evaluate(NAMES)
    rels = page.evaluate("[...document.querySelectorAll('#journal-accounts tbody tr')].filter(r => !r.hidden).map(r => r.dataset.rel)")
    assert lost and rels == ["lost-customer"] * len(lost)
    expect(page.locator("#journal-customer-count")).to_have_text(f"{len(lost)} of {total} accounts")

    page.check("input[name=stale]")
    stale_lost = page.evaluate(NAMES)
    assert set(stale_lost) <= set(lost)
    page.click("#journal-customer-filters button[type=reset]")
    expect(page.locator("#journal-customer-count")).to_have_text(f"{total} accounts")

    page.fill("input[name=q]", "harbor and pine")  # an alias finds its account
    assert page.evaluate(NAMES) == ["Harbor & Pine Utility Services"]
    page.fill("input[name=q]", "no such account")
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
