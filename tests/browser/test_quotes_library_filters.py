"""Each filter of the quotes library in a real browser, set in the form and given in the address:
exactly the sample's quotes it should show, in library order (newest first). A filter that did
nothing would show all 52."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlparse

import pytest
from playwright.sync_api import Page, expect

from .test_quotes_library import visible_ids

pytestmark = pytest.mark.browser

TOTAL = 52  # quotes of the sample journal on the internal site

# (filters as the address gives them, the ids of the quotes they show)
FILTERS = {
    "clearance-internal": ({"cl": "internal"}, [
        "wait-a-quarter", "q-d8e1edd3", "five-minute-rule", "q-44bb1ffb", "scim-by-spring", "six-months-late",
        "bundle-saved-eighteen", "migration-by-hand", "two-hours-saturday", "q-8ea493d7", "lost-storm-season", "q-cbbae90a",
        "dana-retuning-cost", "q-8547b638", "q-f67bb076", "three-day-tickets", "webhook-batch-docs", "q-92488788",
        "six-am-handover", "q-4395267d"]),
    "clearance-public": ({"cl": "public"}, [
        "sceptic-converted", "tech-app-in-ten-minutes", "mtta-eleven-to-four", "offline-mode-basements", "excursion-at-3am",
        "small-shop-pricing-fair", "night-calls-thirty-to-eight", "pages-halved-first-month"]),
    "clearance-expired": ({"cl": "expired"}, ["setup-in-an-afternoon"]),
    "tag": ({"tag": "migration"}, ["lost-tuned-policies", "bundle-saved-eighteen", "pagerstack-price-jump", "migration-by-hand"]),
    "account": ({"acct": "meridian-home-repair"},
                ["offline-mode-basements", "two-hours-saturday", "setup-in-an-afternoon", "small-shop-pricing-fair"]),
    "relationship": ({"rel": "lost-customer"}, ["opsbell-escalation-gap", "q-d8e1edd3", "lost-tuned-policies",
                                                "bundle-saved-eighteen", "flat-seasonal-pricing", "three-day-tickets"]),
    "industry": ({"ind": "courier and last mile"},
                 ["insights-standalone-ask", "q-44bb1ffb", "quiet-hours-hack", "voice-note-handover"]),
    "persona": ({"per": "detractor"}, ["shadow-it-concern", "sso-tier-tax", "q-8547b638", "no-sso-no-pilot"]),
    "department": ({"dep": "procurement"}, ["bundle-saved-eighteen", "renewal-bundle-pressure"]),
    "from-date": ({"from": "2026-10-06"},  # the day itself is in
                  ["sceptic-converted", "wait-a-quarter", "paper-log-retired", "opsbell-escalation-gap", "q-d8e1edd3"]),
    "to-date": ({"to": "2025-08-27"},
                ["pages-halved-first-month", "insights-excel-objection", "six-am-handover", "spreadsheet-escalation", "q-4395267d"]),
    "words": ({"q": "storm"}, ["six-months-late", "lost-storm-season", "storm-season-deadline"]),
    "every-word": ({"q": "storm season"}, ["lost-storm-season"]),
    "cleared-only": ({"tag": "migration", "cleared": "1"}, ["lost-tuned-policies", "pagerstack-price-jump"]),
    "tag-and-account": ({"tag": "pricing", "acct": "meridian-home-repair"}, ["setup-in-an-afternoon", "small-shop-pricing-fair"]),
    "three-together": ({"rel": "prospect", "dep": "security", "cl": "anonymous"}, ["sso-tier-tax", "no-sso-no-pilot"]),
}


def set_filters(page: Page, filters: dict[str, str]) -> None:
    """Set the library's filter controls as a reader does: choose, type, tick."""
    form = page.locator("#journal-quote-filters")
    for name, value in filters.items():
        control = form.locator(f"[name='{name}']")
        kind = control.evaluate("element => element.type")
        if kind == "checkbox":
            control.check()
        elif kind == "select-one":
            control.select_option(value)
        else:
            control.fill(value)


def expect_shown(page: Page, ids: list[str]) -> None:
    expect(page.locator("#journal-quote-count")).to_have_text(f"Showing {len(ids)} of {TOTAL} quotes")
    assert visible_ids(page) == ids


@pytest.mark.parametrize("filters, ids", FILTERS.values(), ids=FILTERS.keys())
def test_a_filter_shows_exactly_its_quotes_from_the_form_and_from_the_address(page: Page, site_url: str,
                                                                               filters: dict[str, str], ids: list[str]) -> None:
    page.goto(site_url + "quotes/")
    expect(page.locator("#journal-quote-count")).to_have_text(f"{TOTAL} quotes")
    set_filters(page, filters)
    expect_shown(page, ids)
    assert dict(parse_qsl(urlparse(page.url).query)) == filters  # the address holds the filters, to share

    page.goto(site_url + "quotes/?" + urlencode(filters))  # a shared link
    expect_shown(page, ids)
    form = page.locator("#journal-quote-filters")
    for name, value in filters.items():  # the form shows what the address asked for
        expect(form.locator(f"[name='{name}']")).to_have_value(value)
