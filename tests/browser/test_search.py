"""Material's search (a web worker reading search/search_index.json) on the sample journal."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .sample import confidential, visible

pytestmark = pytest.mark.browser

RESULTS = ".md-search-result__list > li a.md-search-result__link"
META = ".md-search-result__meta"


def search(page: Page, text: str) -> None:
    page.keyboard.press("/")  # Material's shortcut opens the search
    box = page.locator(".md-search__input")
    expect(box).to_be_focused()
    box.press_sequentially(text)  # Material reads key presses, not the value alone


def test_a_phrase_from_the_notes_finds_its_interview(page: Page, site_url: str) -> None:
    note = next(n for n in visible() if "three-step ladder" in n.body)
    page.goto(site_url)
    search(page, "three-step ladder")
    expect(page.locator(META)).to_have_text(re.compile(r"\d+ matching documents?"))
    # Results come as the phrase is typed: wait for those of the whole phrase.
    page.wait_for_function("([sel, want]) => [...document.querySelectorAll(sel)].some(a => new URL(a.href).pathname === want)",
                           arg=[RESULTS, "/" + note.url])
    shown = page.locator(RESULTS).filter(visible=True)  # a page's sections may be folded away
    hrefs = shown.evaluate_all("as => as.map(a => new URL(a.href).pathname)")
    assert "/" + note.url in hrefs
    shown.nth(hrefs.index("/" + note.url)).click()
    page.wait_for_url(re.compile(re.escape(note.url)))
    expect(page.locator("h1")).to_contain_text(note.meta["customer"])


@pytest.mark.parametrize("phrase", ["Marlinspike", "Vantoria"])
def test_the_confidential_interview_is_not_found(page: Page, site_url: str, phrase: str) -> None:
    assert all(phrase in n.body for n in confidential()) and not any(phrase in n.body for n in visible())
    page.goto(site_url)
    search(page, "escalation")  # the index is loaded and answers
    expect(page.locator(RESULTS).first).to_be_visible()
    page.locator(".md-search__input").clear()
    page.locator(".md-search__input").press_sequentially(phrase)
    expect(page.locator(META)).to_have_text("No matching documents")
    expect(page.locator(RESULTS)).to_have_count(0)
