"""A marketer's first stop: the dashboard's big-four coverage, the monthly chart, and a stale account."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest
from playwright.sync_api import Page, expect

from tests.support import TODAY
from .sample import account_of, visible

pytestmark = pytest.mark.browser

BIG_FOUR = ["customer", "prospect", "lost-customer", "competitor-customer"]
STALE_DAYS = 120  # mkdocs.yml


def test_coverage_and_chart_match_the_notes(page: Page, site_url: str) -> None:
    page.goto(site_url)
    expect(page.locator("h2#coverage")).to_have_text("Big-four coverage")
    rows = page.locator(".journal-dash__coverage tbody tr")
    assert rows.locator("td:first-child").all_inner_texts() == [r.replace("-", " ") for r in BIG_FOUR]
    headers = page.locator(".journal-dash__coverage thead th").all_inner_texts()
    assert headers[0] == "Relationship"
    for column, header in enumerate(headers[1:], start=2):
        days = int(re.fullmatch(r"Last (\d+) days", header).group(1))
        since = TODAY - dt.timedelta(days=days)
        expected = Counter(n.meta["relationship"] for n in visible() if since < n.meta["date"] <= TODAY)
        shown = [int(t) for t in rows.locator(f"td:nth-child({column})").all_inner_texts()]
        assert shown == [expected[r] for r in BIG_FOUR], header

    chart = page.locator("svg.journal-chart")
    expect(chart).to_be_visible()
    expect(chart).to_have_attribute("role", "img")
    box = chart.bounding_box()
    assert box and box["width"] > 500 and box["height"] > 150  # drawn, at a readable size
    bars = chart.locator("rect.journal-series")
    per_series = Counter()
    for series, count in zip(bars.evaluate_all("rs => rs.map(r => r.dataset.series)"),
                             bars.evaluate_all("rs => rs.map(r => +r.dataset.count)")):
        per_series[series] += count
    assert per_series == Counter(n.meta["relationship"] for n in visible())
    months = chart.locator("[data-month]").evaluate_all("gs => gs.map(g => g.dataset.month)")
    assert months == sorted(months) and months[0] == visible()[0].meta["date"].strftime("%Y-%m")
    assert chart.locator("rect.journal-series").first.evaluate("r => getComputedStyle(r).fill") != "none"
    legend = page.locator(".journal-chart__legend").inner_text()
    assert all(r.replace("-", " ") in legend for r in per_series)


def test_a_stale_account_leads_to_its_timeline(page: Page, site_url: str) -> None:
    last: dict[str, dt.date] = {}
    for note in visible():
        last[account_of(note)] = max(last.get(account_of(note), note.meta["date"]), note.meta["date"])
    stale = sorted((name for name, day in last.items() if (TODAY - day).days > STALE_DAYS),
                   key=lambda name: (last[name], name.casefold()))  # the longest silence first
    assert stale, "the sample journal has stale accounts"

    page.goto(site_url)
    links = page.locator(".journal-dash__stale tbody tr td:first-child a")
    assert links.all_inner_texts() == stale
    name = stale[-1]
    links.filter(has_text=name).click()
    page.wait_for_url(re.compile(r"/customers/[a-z0-9-]+/$"))
    expect(page.locator("h1")).to_have_text(name)
    timeline = page.locator("#journal-timeline")
    expect(timeline).to_be_visible()
    newest = timeline.locator("li time").first
    expect(newest).to_have_attribute("datetime", last[name].isoformat())
    expect(page.locator(".journal-stale").first).to_be_visible()
