"""axe-core (the copy inside axe-playwright-python, no download) on the pages people use most."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from .conftest import FAMILIES, open_page

pytestmark = pytest.mark.browser

PAGES = ["dashboard", "account", "quotes", "interview", "campaign", "insight"]
SEVERE = {"serious", "critical"}


def severe_violations(page: Page) -> list[str]:
    # The quotes library lays out cards only near the viewport (content-visibility: auto), so the
    # positions axe reads for far-away cards are estimates; scroll through once, as a reader would.
    page.evaluate("""async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight)
        { scrollTo(0, y); await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))); }
      scrollTo(0, 0);
    }""")
    results = Axe().run(page).response
    return [f"{v['id']} ({v['impact']}): {node['target']} {node['failureSummary']}"
            for v in results["violations"] if v["impact"] in SEVERE for node in v["nodes"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("family", PAGES)
def test_no_serious_or_critical_violations(browser: Browser, site_url: str, family: str, scheme: str) -> None:
    with open_page(browser, color_scheme=scheme) as (page, _):
        page.goto(site_url + FAMILIES[family])
        assert severe_violations(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_search_dialog_with_results_and_filters(browser: Browser, site_url: str, scheme: str) -> None:
    """The journal's search box (search.js), open, with results, filters and "Show more"."""
    with open_page(browser, color_scheme=scheme) as (page, _):
        page.goto(site_url + FAMILIES["guide-about"])
        page.keyboard.press("/")
        page.locator("[data-journal-search] .md-search__input").fill("pricing")
        page.locator("[data-journal-search] select[data-filter=relationship]").wait_for()
        assert page.locator("[data-journal-search] .journal-search__more").is_visible()
        assert severe_violations(page) == []


def test_axe_finds_what_it_should(browser: Browser, site_url: str) -> None:
    """The check can fail: an unlabelled image link and grey-on-grey text on the dashboard are reported."""
    with open_page(browser) as (page, _):
        page.goto(site_url)
        page.evaluate("""document.querySelector('article').insertAdjacentHTML('afterbegin',
          '<a href="#"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></a><p style="color:#bbb;background:#ccc">faint</p>')""")
        found = " ".join(severe_violations(page))
        assert "image-alt" in found and "color-contrast" in found
