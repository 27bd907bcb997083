"""The quotes library in a real browser: combined filters, the count, and the copied attribution
(the filters and the copy on the site of each engine)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from typing import Iterator

import pytest
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from tests.quote_journal import interview, load
from tests.support import run_mkdocs
from .conftest import EngineSite, copied_by, exported, serve_directory

pytestmark = pytest.mark.browser


def records(page: Page) -> list[dict]:
    """Every quote of the library, in its order, as quotes.js decoded them from the data chunks
    (fetched now if they were not yet), with the fields filters and search look at."""
    return page.evaluate("""() => document.getElementById('journal-quote-list').journalRecords().then(rs => rs.map(r => ({
        id: r.id, copy: r.copy, cl: r.state.cl, acct: r.visit.acct, account: r.visit.account, rel: r.visit.rel,
        ind: r.visit.ind, who: r.voice.search, dep: r.voice.dep, per: r.voice.per, tags: r.tags.map(t => t.value)})))""")


def visible_ids(page: Page) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('#journal-quote-list > figure')].filter(f => !f.hidden).map(f => f.id)")


def test_filters_that_exclude_each_other_show_nothing_and_say_so(page: Page, engine_site: EngineSite) -> None:
    """Each filter alone, and a few together, show exactly their quotes: test_quotes_library_filters.py."""
    page.goto(engine_site.url + "quotes/")
    expect(page.locator("#journal-quote-filters")).to_be_visible()
    total = len(records(page))
    expect(page.locator("#journal-quote-count")).to_have_text(f"{total} quotes")
    expect(page.locator("#journal-quote-empty")).to_be_hidden()

    # "Cleared for external use only" and an internal clearance exclude each other: nothing, and it says so.
    page.select_option("select[name=cl]", "internal")
    page.check("input[name=cleared]")
    expect(page.locator("#journal-quote-count")).to_have_text(f"Showing 0 of {total} quotes")
    expect(page.locator("#journal-quote-empty")).to_be_visible()
    assert "cl=internal" in page.url and "cleared=1" in page.url  # the filters are in the address, to share

    page.click("#journal-quote-filters button[type=reset]")
    expect(page.locator("#journal-quote-count")).to_have_text(f"{total} quotes")
    expect(page.locator("#journal-quote-empty")).to_be_hidden()
    assert len(visible_ids(page)) == total


@pytest.mark.parametrize("clearance, names_the_account", [("public", True), ("anonymous", False)])
def test_copy_with_attribution_equals_the_export(page: Page, engine_site: EngineSite, clearance: str, names_the_account: bool) -> None:
    page.goto(engine_site.url + "quotes/")
    record = next((r for r in records(page) if r["cl"] == clearance), None)
    assert record, f"the sample journal has a {clearance} quote"
    copied = copy_of(page, record["id"])
    expect(page.locator(f"[id='{record['id']}'] .journal-copy")).to_have_text("Copied")
    assert copied == record["copy"] == exported(engine_site.url)[record["id"]]["attribution"]
    account = page.locator(f"[id='{record['id']}'] .journal-quote__source a").first.inner_text()
    assert (account in copied) == names_the_account  # an anonymous quote's account is not in what gets pasted


def test_internal_copy_is_labelled(page: Page, site_url: str) -> None:
    page.goto(site_url + "quotes/?cl=internal")
    internal = [r["id"] for r in records(page) if r["cl"] == "internal"]
    assert len(internal) == 20 and visible_ids(page) == internal
    record = internal[0]
    copied = copy_of(page, record)
    assert copied.startswith("[INTERNAL ONLY") and record not in exported(site_url)


def test_leaving_the_search_box_keeps_the_list_so_the_click_that_left_it_lands(page: Page, site_url: str) -> None:
    """Typing filters on "input"; clicking a copy button then fires "change" on the box. Re-rendering
    the same list for it detached the button between mousedown and mouseup, and the click was lost."""
    page.goto(site_url + "quotes/")
    word = records(page)[0]["copy"].split()[1].strip('"“”.,')
    page.fill("input[name=q]", word)
    expect(page.locator("#journal-quote-count")).to_contain_text("Showing")
    page.evaluate("""() => { window.listChanges = 0;
        new MutationObserver(() => window.listChanges++).observe(document.getElementById('journal-quote-list'), {childList: true}); }""")
    page.dispatch_event("input[name=q]", "change")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert page.evaluate("window.listChanges") == 0
    page.fill("input[name=q]", word + " " + word)  # a new filter still renders
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert page.evaluate("window.listChanges") > 0


def test_without_javascript_the_library_is_a_readable_list(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "quotes/")
        expect(page.locator("#journal-quote-filters")).to_be_hidden()
        cards = page.locator("#journal-quote-list > figure")
        assert cards.count() > 1
        expect(cards.first).to_be_visible()
        expect(cards.first.locator(".journal-copy")).to_be_hidden()  # it needs JavaScript
        expect(cards.first.locator("blockquote")).not_to_be_empty()
    finally:
        context.close()


@pytest.fixture(scope="module")
def long_library(tmp_path_factory) -> Iterator[str]:
    """A built journal with 140 quotes: more than the library puts in the page at once."""
    project = tmp_path_factory.mktemp("long") / "project"
    (project / "docs").mkdir(parents=True)
    server = serve_directory(project / "site")
    url = server.__enter__()  # Material's instant navigation needs site_url to be where the site is served
    (project / "mkdocs.yml").write_text(f"site_name: Long\nsite_url: {url}\n"
                                        "theme: {name: material, font: false, features: [navigation.instant]}\nplugins: [journal]\n")
    files = {}
    for n in range(35):  # one a day: interview 0 is the oldest, at the end of the list
        quotes = "\n".join(f"> Quote {k} of interview {n} about {'pricing' if k % 2 else 'alerts'}{' and zebras' if n == 0 else ''}.\n> — Jane Doe {{#i{n:02d}-q{k} public}}\n"
                           for k in range(4))
        files[f"interviews/i{n:02d}.md"] = interview(date=str(dt.date(2026, 1, 1) + dt.timedelta(days=n)), quotes=quotes)
    load(project, files)
    try:
        result = run_mkdocs(project, "--strict")
        assert result.returncode == 0, result.stderr
        yield url
    finally:
        server.__exit__(None, None, None)


def test_cards_drawn_in_the_browser_offer_the_card_image_and_the_citation(page: Page, long_library: str, tmp_path: Path) -> None:
    """Beyond the first screen, quotes.js draws "Download card" and "Copy citation" from the records."""
    page.goto(long_library + "quotes/")
    page.locator("#journal-quote-more").scroll_into_view_if_needed()  # scrolling down to it loads the rest
    drawn = page.locator("[id='i00-q3']")  # the oldest interview's: not on the first screen
    drawn.scroll_into_view_if_needed()
    with page.expect_download() as caught:
        drawn.locator(".journal-card-download").click()
    assert caught.value.suggested_filename == "i00-q3.png"
    caught.value.save_as(tmp_path / "card.png")
    with Image.open(tmp_path / "card.png") as card:
        assert card.format == "PNG" and card.size == (2400, 1260)
    copied = copied_by(page, drawn.locator(".journal-citation"))
    assert copied == "  - id: i00-q3\n    text: Quote 3 of interview 0 about pricing and zebras.\n"


def test_without_javascript_a_long_library_shows_its_first_screen_and_the_exports(browser: Browser, long_library: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(long_library + "quotes/")
        expect(page.locator("#journal-quote-count")).to_have_text("The newest 100 of 140 quotes")
        expect(page.locator("#journal-quote-list > figure")).to_have_count(100)
        expect(page.locator("a[href$='quotes.csv']")).to_be_visible()
        expect(page.locator("a[href$='quotes.json']")).to_be_visible()
        notice = page.locator("noscript > p")  # shown only without JavaScript
        expect(notice).to_be_visible()
        expect(notice).to_contain_text("the older quotes need JavaScript")
    finally:
        context.close()


def test_filters_work_after_instant_navigation(page: Page, long_library: str) -> None:
    for attempt in range(3):  # on a busy machine Material may not have set up instant navigation yet
        page.goto(long_library, wait_until="networkidle")  # instant navigation starts once it has read sitemap.xml
        page.wait_for_timeout(300 * attempt)
        page.evaluate("window.sameDocument = true")  # survives instant navigation, not a page load
        page.evaluate("[...document.querySelectorAll('a.md-nav__link')].find(a => new URL(a.href).pathname === '/quotes/').click()")
        page.wait_for_url(re.compile(r"/quotes/$"))
        expect(page.locator("#journal-quote-filters")).to_be_visible()
        if page.evaluate("window.sameDocument === true"):
            break
    else:
        raise AssertionError("Material's instant navigation loaded the library as a new page three times")
    page.fill("input[name=q]", "zebras")
    expect(page.locator("#journal-quote-count")).to_have_text("Showing 4 of 140 quotes")
    assert copy_of(page, visible_ids(page)[0]).endswith("and zebras.\" — Jane Doe, VP Operations, Acme Logistics")


def test_long_lists_come_in_batches_and_permalinks_reveal_their_quote(page: Page, long_library: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 600})
    page.goto(long_library + "quotes/")
    expect(page.locator("#journal-quote-count")).to_have_text("140 quotes")
    assert len(visible_ids(page)) == 100
    more = page.locator("#journal-quote-more")
    expect(more).to_have_text("Show 40 more (40 not shown yet)")
    more.dispatch_event("click")  # the button, for keyboards
    expect(more).to_be_hidden()
    assert len(visible_ids(page)) == 140
    page.reload()
    assert len(visible_ids(page)) == 100
    more.scroll_into_view_if_needed()  # scrolling down to it loads the rest
    expect(more).to_be_hidden()
    assert len(visible_ids(page)) == 140

    data = records(page)
    last = data[-1]["id"]
    page.goto(long_library + "quotes/?q=alerts#" + last)  # filtered out, and beyond the first batch
    expect(page.locator(f"[id='{last}']")).to_be_in_viewport()
    expect(page.locator(f"[id='{last}'] blockquote")).not_to_have_css("background-color", "rgba(0, 0, 0, 0)")
    expect(page.locator("input[name=q]")).to_have_value("")
    # The list starts at the permalink's batch; the newer quotes come back above it.
    assert visible_ids(page) == [r["id"] for r in data[100:]]
    newer = page.locator("#journal-quote-newer")
    expect(newer).to_have_text("Show 100 newer (100 before these)")
    newer.click()
    expect(newer).to_be_hidden()
    assert visible_ids(page) == [r["id"] for r in data]


def test_cards_drawn_in_the_browser_are_the_servers(page: Page, site_url: str) -> None:
    """quotes.js draws every card after the first screen from the records: the same HTML as
    library_quote.html.j2 gives the first screen (anonymous, internal, expired quotes, evidence, citations)."""
    page.goto(site_url + "quotes/")
    # Material's instant navigation makes the links of the page as loaded absolute: compare where links go.
    cards = """() => [...document.querySelectorAll('#journal-quote-list > figure')].map(f => {
        if (f.served) return 'a card of the server, not redrawn';
        f.served = true;
        const copy = f.cloneNode(true);
        copy.querySelectorAll('a[href]').forEach(a => a.setAttribute('href', a.href));
        return copy.outerHTML; })"""
    served = page.evaluate(cards)
    assert len(served) == len(records(page))
    page.select_option("select[name=cl]", "public")
    expect(page.locator("#journal-quote-count")).to_contain_text("Showing")
    page.click("#journal-quote-filters button[type=reset]")  # every quote again, drawn from the records
    expect(page.locator("#journal-quote-count")).not_to_contain_text("Showing")
    drawn = page.evaluate(cards)
    assert drawn == served
    for kind in ("anonymous", "internal", "expired", "evidence", "cited"):
        assert any(f"journal-badge--{kind}" in card or f"journal-quote__{kind}" in card or f"journal-quote--{kind}" in card
                   for card in drawn), kind


def test_search_finds_quotes_beyond_the_first_batch(page: Page, long_library: str) -> None:
    page.goto(long_library + "quotes/")
    page.fill("input[name=q]", "Zebras")  # only in the oldest interview: the end of the list
    expected = ["i00-q0", "i00-q1", "i00-q2", "i00-q3"]
    expect(page.locator("#journal-quote-count")).to_have_text(f"Showing {len(expected)} of 140 quotes")
    assert visible_ids(page) == expected and records(page)[-1]["id"] == expected[-1]


def test_tag_and_cleared_filters_update_the_count(page: Page, site_url: str) -> None:
    page.goto(site_url + "quotes/")
    data = records(page)
    total = len(data)
    tags = sorted({t for r in data for t in r["tags"]}, key=lambda t: (-sum(t in r["tags"] for r in data), t))
    tag = next(t for t in tags if any(t in r["tags"] and r["cl"] == "internal" for r in data))  # cleared narrows it
    page.select_option("select[name=tag]", tag)
    tagged = [r["id"] for r in data if tag in r["tags"]]
    expect(page.locator("#journal-quote-count")).to_have_text(f"Showing {len(tagged)} of {total} quotes")
    assert visible_ids(page) == tagged

    page.check("input[name=cleared]")
    cleared = [r["id"] for r in data if tag in r["tags"] and r["cl"] in ("public", "anonymous")]
    assert 0 < len(cleared) < len(tagged)
    expect(page.locator("#journal-quote-count")).to_have_text(f"Showing {len(cleared)} of {total} quotes")
    assert visible_ids(page) == cleared
    for card in page.locator("#journal-quote-list > figure").all():
        expect(card.locator(".journal-badge")).to_have_text(re.compile("public|anonymous", re.I))
        expect(card.locator(".journal-quote__tags")).to_contain_text(tag)

    page.uncheck("input[name=cleared]")
    expect(page.locator("#journal-quote-count")).to_have_text(f"Showing {len(tagged)} of {total} quotes")


def copy_of(page: Page, quote_id: str) -> str:
    """Click the quote's copy button; what reaches the clipboard."""
    return copied_by(page, page.locator(f"[id='{quote_id}'] .journal-copy"))


NO_HIGHLIGHT = "rgba(0, 0, 0, 0)"
OLDEST, NEWEST = "q-4395267d", "sceptic-converted"  # of the sample: the bottom and the top of the library


def open_permalink(page: Page, site_url: str, where: str) -> None:
    """Open the oldest quote's permalink on the library or on its interview page; it is in view and highlighted."""
    page.set_viewport_size({"width": 1280, "height": 700})
    page.goto(site_url + "quotes/")
    interview = page.locator(f"[id='{OLDEST}'] .journal-quote__source a").nth(1).evaluate("a => a.href")
    page.goto({"quotes/": site_url + "quotes/#" + OLDEST, "interview": interview}[where])
    assert page.url.endswith("#" + OLDEST)
    expect(page.locator(f"[id='{OLDEST}']")).to_be_in_viewport()
    expect(page.locator(f"[id='{OLDEST}'] blockquote")).not_to_have_css("background-color", NO_HIGHLIGHT)


@pytest.mark.parametrize("where", ["quotes/", "interview"])
def test_a_permalink_scrolls_to_and_highlights_its_quote(page: Page, site_url: str, where: str) -> None:
    open_permalink(page, site_url, where)


def test_another_permalink_of_the_library_moves_the_highlight(page: Page, site_url: str) -> None:
    open_permalink(page, site_url, "quotes/")
    expect(page.locator(f"[id='{NEWEST}'] blockquote")).to_have_css("background-color", NO_HIGHLIGHT)  # only the linked one
    page.locator(f"[id='{NEWEST}'] .journal-quote__permalink").click()
    expect(page.locator(f"[id='{NEWEST}'] blockquote")).not_to_have_css("background-color", NO_HIGHLIGHT)
    expect(page.locator(f"[id='{OLDEST}'] blockquote")).to_have_css("background-color", NO_HIGHLIGHT)
