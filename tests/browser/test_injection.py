"""The injection fixture in a real browser: no payload from the journal ever runs (no dialog),
on pages that show every field, and in search results, which render the search index."""

from __future__ import annotations

from typing import Iterator

import pytest
from playwright.sync_api import Browser

from tests.support import build_fixture
from tests.test_injection import INJECTION
from .conftest import open_page, serve_directory

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def injection_url(tmp_path_factory) -> Iterator[str]:
    with serve_directory(build_fixture(INJECTION, tmp_path_factory.mktemp("injection-browser"))) as url:
        yield url


def test_no_dialog_fires_anywhere(browser: Browser, injection_url: str) -> None:
    with open_page(browser) as (page, watch):
        _visit_every_kind_of_page(page, injection_url)
        # The notes hold `<img src=x onerror=…>` on purpose: the sanitiser keeps the image and drops
        # its handler, so the browser asks for "x" and gets a 404. Any other error still fails.
        watch.errors[:] = [e for e in watch.errors if "status of 404" not in e]


def _visit_every_kind_of_page(page, injection_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(injection_url)
    links = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)")
    targets = sorted({l.split("#")[0] for l in links if l.startswith(injection_url)})
    segments = [t for t in targets if "/segments/" in t][:3]
    assert segments
    for url in [injection_url, injection_url + "customers/", injection_url + "quotes/", *segments]:
        page.goto(url)
        page.wait_for_load_state("load")
    # Each interview page (out of the nav) through its account page.
    page.goto(injection_url + "customers/")
    page.locator("a[href*='customers/acme-']").first.click()
    page.wait_for_load_state("load")
    page.locator("a[href*='interviews/2026/']").first.click()
    page.wait_for_load_state("load")
    assert "/interviews/2026/" in page.url
    page.wait_for_timeout(300)
    # Search results render text from search_index.json.
    page.goto(injection_url)
    page.locator(".md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("acme", delay=30)
    first = page.locator(".md-search-result__item").first
    first.wait_for(timeout=15_000)
    assert "<script>alert(1)</script>" in first.inner_text()  # shown as text
    page.wait_for_timeout(300)
    assert dialogs == []
