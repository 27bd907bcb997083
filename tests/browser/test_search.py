"""Search on the sample journal, with each engine's search: Material's (a web worker reading
search/search_index.json) and Zensical's (a dialog reading search.json)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import pytest
from playwright.sync_api import Locator, Page, expect

from .conftest import EngineSite
from .sample import confidential, visible

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class SearchUI:
    """Where an engine's search puts its box, its result links and its count."""

    box: Callable[[Page], Locator]
    results: Callable[[Page], Locator]
    count: Callable[[Page], Locator]
    found: re.Pattern
    nothing: str


UI = {
    "mkdocs": SearchUI(box=lambda p: p.locator(".md-search__input"),
                       results=lambda p: p.locator(".md-search-result__list > li a.md-search-result__link"),
                       count=lambda p: p.locator(".md-search-result__meta"),
                       found=re.compile(r"\d+ matching documents?"), nothing="No matching documents"),
    "zensical": SearchUI(box=lambda p: p.get_by_role("combobox", name="Search"),
                         results=lambda p: p.get_by_role("option"),
                         count=lambda p: p.get_by_role("status").filter(has_text=re.compile("result", re.I)),
                         found=re.compile(r"\d+ results?"), nothing="No results"),
}


def search(page: Page, ui: SearchUI, text: str) -> None:
    page.keyboard.press("/")  # both engines' shortcut opens the search
    box = ui.box(page)
    expect(box).to_be_focused()
    box.press_sequentially(text)  # the engines read key presses, not the value alone


def test_a_phrase_from_the_notes_finds_its_interview(page: Page, engine_site: EngineSite) -> None:
    ui = UI[engine_site.engine]
    note = next(n for n in visible() if "three-step ladder" in n.body)
    page.goto(engine_site.url)
    search(page, ui, "three-step ladder")
    expect(ui.count(page)).to_have_text(ui.found)
    # Results come as the phrase is typed: wait for those of the whole phrase.
    links = ui.results(page).filter(visible=True)  # a page's sections may be folded away
    for _ in range(100):  # Zensical's results are in a shadow root: poll through Playwright's locators
        hrefs = links.evaluate_all("as => as.map(a => new URL(a.href).pathname)")
        if "/" + note.url in hrefs:
            break
        page.wait_for_timeout(100)
    assert "/" + note.url in hrefs
    links.nth(hrefs.index("/" + note.url)).click()
    page.wait_for_url(re.compile(re.escape(note.url)))
    expect(page.locator("h1")).to_contain_text(note.meta["customer"])


@pytest.mark.parametrize("phrase", ["Marlinspike", "Vantoria"])
def test_the_confidential_interview_is_not_found(page: Page, engine_site: EngineSite, phrase: str) -> None:
    ui = UI[engine_site.engine]
    assert all(phrase in n.body for n in confidential()) and not any(phrase in n.body for n in visible())
    page.goto(engine_site.url)
    search(page, ui, "escalation")  # the index is loaded and answers
    expect(ui.results(page).first).to_be_visible()
    ui.box(page).clear()
    ui.box(page).press_sequentially(phrase)
    expect(ui.count(page)).to_have_text(ui.nothing)
    expect(ui.results(page)).to_have_count(0)
