"""Insights in a real browser: open one from /insights/, see both sides of the evidence, follow a quote to its interview;
filter and sort the list."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

VISIBLE = "[...document.querySelectorAll('#journal-insights tbody tr')].filter(r => !r.hidden).map(r => r.dataset.status)"


def test_open_an_insight_and_follow_an_evidence_quote_to_its_interview(page: Page, site_url: str) -> None:
    page.goto(site_url + "insights/")
    page.get_by_role("link", name="The Insights add-on pays for itself at its current per-seat price").click()
    expect(page).to_have_url(re.compile(r"/insights/insights-addon-worth-the-price/$"))
    expect(page.locator(".journal-status").first).to_have_text("disputed")
    supports = page.locator(".journal-evidence--supports .journal-evidence__quote")
    contradicts = page.locator(".journal-evidence--contradicts .journal-evidence__quote")
    expect(supports).to_have_count(3)
    expect(contradicts).to_have_count(3)
    expect(page.locator(".journal-insight__coverage")).to_contain_text("Heard from 2 accounts")
    # Side by side on a wide screen: the contradicting column starts to the right of the supporting one.
    left, right = supports.first.bounding_box(), contradicts.first.bounding_box()
    assert right["x"] > left["x"] + left["width"] / 2

    evidence = supports.first
    quote_id = evidence.get_attribute("data-quote")
    evidence.locator("a.journal-evidence__link").click()
    expect(page).to_have_url(re.compile(rf"/interviews/.+/#{quote_id}$"))
    quote = page.locator(f"figure.journal-quote[id='{quote_id}']")
    expect(quote).to_be_visible()
    expect(quote.locator(".journal-quote__evidence")).to_contain_text("The Insights add-on pays for itself")


def test_insights_list_filters_by_status_and_segment_and_sorts(page: Page, site_url: str) -> None:
    page.goto(site_url + "insights/")
    expect(page.locator("#journal-insight-filters")).to_be_visible()
    total = len(page.evaluate(VISIBLE))
    assert total >= 4
    page.select_option("select[name=status]", "disputed")
    assert page.evaluate(VISIBLE) == ["disputed"]
    expect(page.locator("#journal-insight-count")).to_have_text(f"1 of {total} insights")
    page.click("#journal-insight-filters button[type=reset]")
    page.select_option("select[name=segment]", "finance")
    titles = page.evaluate("[...document.querySelectorAll('#journal-insights tbody tr')].filter(r => !r.hidden)"
                           ".map(r => r.dataset.segments.split('|'))")
    assert titles and all("finance" in segments for segments in titles)
    page.click("#journal-insight-filters button[type=reset]")
    page.click("#journal-insights th:nth-child(3) button")  # accounts behind the support: most first
    accounts = [int(v) for v in page.evaluate(
        "[...document.querySelectorAll('#journal-insights tbody tr')].map(r => r.cells[2].getAttribute('data-sort'))")]
    assert len(accounts) == total and accounts == sorted(accounts, reverse=True)
