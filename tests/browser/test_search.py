"""The journal's search (Pagefind's index, search.js in the theme's header) on the sample journal, built
by each engine: MkDocs (Material's own search turned off) and Zensical (its own search turned off)."""

from __future__ import annotations

import re
import shutil
from typing import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.support import FIXTURES, run_mkdocs
from .conftest import EngineSite, serve_directory
from .sample import account_of, confidential, visible

pytestmark = pytest.mark.browser

DIALOG = "[data-journal-search]"
BOX = f"{DIALOG} .md-search__input"
RESULTS = f"{DIALOG} .md-search-result__link"
META = f"{DIALOG} .md-search-result__meta"
MINI = FIXTURES / "mini"


def search(page: Page, text: str, key: str = "/") -> None:
    """Open the search with a shortcut (Material's: "/", "s", "f"), enter ``text``, wait for its results."""
    page.keyboard.press(key)
    expect(page.locator(BOX)).to_be_focused()
    page.locator(BOX).fill(text)
    expect(page.locator(DIALOG)).to_have_attribute("data-term", text)  # its results are shown


def paths(page: Page) -> list[str]:
    return page.locator(RESULTS).evaluate_all("as => as.map(a => new URL(a.href).pathname)")


def test_a_phrase_from_the_notes_finds_its_interview(page: Page, engine_site: EngineSite) -> None:
    site_url = engine_site.url
    note = next(n for n in visible() if "three-step ladder" in n.body)
    page.goto(site_url)
    page.keyboard.press("/")
    page.locator(BOX).press_sequentially("three-step ladder")  # results come as the words are typed
    page.wait_for_function("([sel, want]) => [...document.querySelectorAll(sel)].some(a => new URL(a.href).pathname === want)",
                           arg=[RESULTS, "/" + note.url])
    page.locator(RESULTS).nth(paths(page).index("/" + note.url)).click()
    page.wait_for_url(re.compile(re.escape(note.url)))
    expect(page.locator("h1")).to_contain_text(note.meta["customer"])
    expect(page.locator(DIALOG)).to_have_count(1)  # Material's instant navigation kept the header and its search


def test_a_result_shows_the_interviews_date_account_and_relationship(page: Page, engine_site: EngineSite) -> None:
    site_url = engine_site.url
    note = next(n for n in visible() if "three-step ladder" in n.body)
    page.goto(site_url + "about/")
    search(page, "three-step ladder")
    hit = page.locator(f"{RESULTS}[href$='{note.url}']")
    date = note.meta["date"]
    expect(hit.locator(".journal-search__facts")).to_have_text(
        f"{date.day} {date:%b %Y} · {account_of(note)} · {note.meta['relationship'].replace('-', ' ')}")
    expect(hit.locator("mark").first).to_be_visible()  # the words found, marked in the excerpt
    assert "¶" not in hit.inner_text()


def test_pricing_among_lost_customers(page: Page, engine_site: EngineSite) -> None:
    site_url = engine_site.url
    """A search narrowed by a facet: only the lost customers' interviews that talk about pricing."""
    lost = {"/" + n.url for n in visible() if n.meta["relationship"] == "lost-customer" and re.search(r"\bpric", n.body, re.I)}
    others = {"/" + n.url for n in visible() if n.meta["relationship"] != "lost-customer" and re.search(r"\bpric", n.body, re.I)}
    assert len(lost) >= 2 and others
    page.goto(site_url)
    search(page, "pricing")
    unfiltered = int(page.locator(META).inner_text().split()[0])
    page.locator(f"{DIALOG} select[data-filter=relationship]").select_option("lost customer")  # searches again
    expect(page.locator(DIALOG)).to_have_attribute("data-term", "pricing")
    assert int(page.locator(META).inner_text().split()[0]) < unfiltered
    shown = page.locator(f"{DIALOG} .journal-search__more")
    while shown.is_visible():
        shown.click()
    found = set(paths(page))
    assert {p for p in found if p.startswith("/interviews/")} == lost and not found & others
    for facts in page.locator(f"{RESULTS} .journal-search__facts").all_inner_texts():
        assert facts.endswith("· lost customer")


@pytest.mark.parametrize("phrase", ["Marlinspike", "Vantoria"])
def test_the_confidential_interview_is_not_found(page: Page, engine_site: EngineSite, phrase: str) -> None:
    site_url = engine_site.url
    assert all(phrase in n.body for n in confidential()) and not any(phrase in n.body for n in visible())
    page.goto(site_url)
    search(page, "escalation")  # the index is loaded and answers
    expect(page.locator(RESULTS).first).to_be_visible()
    page.locator(BOX).fill(phrase)
    # Pagefind answers a word it does not know with the pages of its longest known start ("Mar…"):
    # none of them is the confidential note, and none shows the word.
    expect(page.locator(DIALOG)).to_have_attribute("data-term", phrase)
    more = page.locator(f"{DIALOG} .journal-search__more")
    while more.is_visible():
        more.click()
    assert not {"/" + n.url for n in confidential()} & set(paths(page))
    assert phrase.casefold() not in page.locator(f"{DIALOG} .md-search-result__list").inner_text().casefold()


def test_the_keyboard_opens_moves_through_and_closes_the_search(page: Page, engine_site: EngineSite) -> None:
    site_url = engine_site.url
    page.goto(site_url + "customers/")
    search(page, "escalation", key="s")
    page.keyboard.press("ArrowDown")
    expect(page.locator(RESULTS).first).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(page.locator(BOX)).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    page.keyboard.press("f")
    expect(page.locator(BOX)).to_be_focused()
    first = paths(page)[0]
    page.keyboard.press("Enter")  # in the box: the first result
    page.wait_for_url(re.compile(re.escape(first) + "$"))


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory) -> Iterator[str]:
    """A journal published under /research/ of its host."""
    root = tmp_path_factory.mktemp("subpath")
    project = root / "project"
    shutil.copytree(MINI, project)
    with serve_directory(root / "www") as url:
        config = project / "mkdocs.yml"
        config.write_text(config.read_text() + f"site_url: {url}research/\n")
        result = run_mkdocs(project, "--strict", "-d", str(root / "www" / "research"))
        assert result.returncode == 0, result.stderr
        yield url + "research/"


def test_a_site_under_a_sub_path_finds_its_own_index(page: Page, sub_path_site: str) -> None:
    page.goto(sub_path_site + "about/")
    search(page, "on-call pages")
    expect(page.locator(RESULTS).first).to_be_visible()
    assert "/research/interviews/2026/2026-03-04-acme/" in paths(page)
    page.locator(f"{RESULTS}[href$='/research/interviews/2026/2026-03-04-acme/']").click()
    page.wait_for_url(re.compile(r"/research/interviews/2026/2026-03-04-acme/$"))
    expect(page.locator("h1")).to_contain_text("Acme Logistics")
