"""The injection fixture in a real browser: no payload from the journal ever runs (no dialog),
on every page of the site (campaign and insight pages included), after instant navigation, and in
search results, which render the search index."""

from __future__ import annotations

from typing import Iterator

import pytest
from playwright.sync_api import Browser

from tests.support import build_fixture
from tests.test_injection import INJECTION
from .conftest import open_page, serve_directory

pytestmark = pytest.mark.browser

# Pages of every family the fixture's site has (below the site root); every page of the site is visited.
FAMILIES = {"", "customers/", "quotes/", "segments/", "campaigns/", "campaigns/spring/", "insights/", "insights/claim/",
            "interviews/2026/2026-03-04-acme/", "about/", "404.html"}
SHOWN_AS_TEXT = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def injection_site(tmp_path_factory) -> Iterator[tuple[list[str], str]]:
    """Every page of the built injection fixture (paths below the site root), and where it is served."""
    site = build_fixture(INJECTION, tmp_path_factory.mktemp("injection-browser"))
    pages = sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html"))
    with serve_directory(site) as url:
        yield pages, url


def test_no_dialog_fires_anywhere(browser: Browser, injection_site: tuple[list[str], str]) -> None:
    pages, url = injection_site
    assert FAMILIES <= set(pages) and len([p for p in pages if p.startswith(("customers/", "segments/"))]) > 10
    with open_page(browser) as (page, watch):
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        shown = _visit_every_page(page, url, pages)
        _follow_links_with_instant_navigation(page, url)
        _search(page, url)
        page.wait_for_timeout(300)
        assert dialogs == []
        # The notes hold `<img src=x onerror=…>` on purpose: the sanitiser keeps the image and drops
        # its handler, so the browser asks for "x" and gets a 404. Any other error still fails.
        watch.errors[:] = [e for e in watch.errors if "status of 404" not in e]
    # The payloads were there to run: shown as text on the pages that carry the journal's words.
    assert {"campaigns/spring/", "insights/claim/", "interviews/2026/2026-03-04-acme/", "quotes/"} <= shown


def _visit_every_page(page, url: str, pages: list[str]) -> set[str]:
    """Open each page; the pages that show the payload as text."""
    shown = set()
    for path in pages:
        page.goto(url + path)
        page.wait_for_load_state("load")
        if SHOWN_AS_TEXT in page.locator("body").inner_text():
            shown.add(path)
    return shown


def _follow_links_with_instant_navigation(page, url: str) -> None:
    """Each interview page (out of the nav) through its account page, as Material's instant navigation loads them."""
    page.goto(url + "customers/")
    page.locator("a[href*='customers/acme-']").first.click()
    page.wait_for_load_state("load")
    page.locator("a[href*='interviews/2026/']").first.click()
    page.wait_for_load_state("load")
    assert "/interviews/2026/" in page.url


def _search(page, url: str) -> None:
    """Search results render text from search_index.json."""
    page.goto(url)
    page.locator(".md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("acme", delay=30)
    first = page.locator(".md-search-result__item").first
    first.wait_for(timeout=15_000)
    assert SHOWN_AS_TEXT in first.inner_text()  # shown as text
