"""The quotes library and search of a 1,000-interview journal (bench/browse.py in the test suite).

The journal is bench/synth.py's, built once for the session (by one xdist worker for both). Bytes
are what the server sent (deterministic for a build); the time bounds are generous, for a busy CI
machine. The figures at 5,000 interviews are in bench/README.md.
"""

from __future__ import annotations

import collections
import fcntl
import importlib.util
import json
import re
import shutil
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from tests.support import REPO, indexed_pages
from .conftest import open_page

pytestmark = pytest.mark.browser

N = 1000
MB = 1_000_000


def bench() -> Any:
    spec = importlib.util.spec_from_file_location("browse", REPO / "bench" / "browse.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def journal(tmp_path_factory, worker_id: str) -> dict[str, Any]:
    """Built once for the session: under xdist, by whichever worker comes first, the other one waits
    (its tests are spread over both, and the build takes both cores)."""
    browse = bench()
    shared = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    out = shared / "scale"
    with open(shared / "scale.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (out / "built").is_file():
            shutil.rmtree(out, ignore_errors=True)
            browse.synth.generate(out, N)
            browse.build(out / "journal", reuse=False)
            (out / "built").touch()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {"browse": browse, "site": out / "journal" / "site", "manifest": manifest}


@pytest.fixture(scope="module")
def figures(journal, browser: Browser) -> dict[str, Any]:
    return journal["browse"].measure_site(journal["site"], runs=3, repeat=1, chromium=browser)


def test_the_library_stays_light(figures) -> None:
    assert figures["quotes"] == 4004
    assert figures["library_page_bytes"] < 0.3 * MB  # 100 cards and the filters; the 35 MB page showed all 20,000
    assert figures["library_open_bytes"] < 1 * MB  # target at 5,000 interviews: 3 MB
    assert figures["quotes_shown_s"] < 5
    assert figures["first_filter_bytes"] < 1.5 * MB and figures["first_filter_s"] < 10


def test_filters_run_over_every_quote_quickly(figures) -> None:
    for name, measured in figures["filters"].items():
        assert measured["median_s"] < 0.5, name
    assert 0 < figures["filters"]["combined"]["shown"] < figures["filters"]["tag"]["shown"] < 4004


def test_the_permalink_to_the_last_quote_shows_it(figures) -> None:
    assert figures["last_id"] == figures["_records"][-1]["id"]
    assert figures["permalink_s"] < 5 and figures["permalink_bytes"] < 1.5 * MB


def test_search_fetches_a_fraction_of_the_index(figures, journal) -> None:
    search = figures["search"]
    index = sum(p.stat().st_size for p in (journal["site"] / "pagefind").rglob("*") if p.is_file())
    assert search["bytes"] < 0.6 * MB < index
    assert json.loads((journal["site"] / "pagefind" / "parts.json").read_text()) == ["part-2/"]  # merged by search.js
    assert search["first_result_s"] < 10
    total, lost = (int(re.match(r"[\d,]+", search[k]).group(0).replace(",", "")) for k in ("results", "filtered"))
    assert 0 < lost < total


def test_search_merges_every_part_of_the_index(browser: Browser, journal) -> None:
    """The index comes in parts of 3 MB of text (site/search), two at this size: search.js merges them,
    so a facet counts the pages of both, and a search narrowed by it finds pages of the second part."""
    site = journal["site"]
    first, second = indexed_pages(site, part=""), indexed_pages(site, part="part-2/")
    assert first and second and not first.keys() & second.keys()
    pages = [*first.values(), *second.values()]
    years = collections.Counter(y for page in pages for y in page["filters"].get("year", []))
    year = max(years)
    assert any(page["filters"].get("year") == [year] for page in second.values())
    dialog = "[data-journal-search]"
    with journal["browse"].Served(site) as served, open_page(browser) as (page, _):
        page.goto(served.url + "about/")
        journal["browse"].journal_search(page, "pricing")
        page.locator(f"{dialog} select[data-filter=year]").wait_for()  # drawn after the first results
        offered = page.locator(f"{dialog} select[data-filter=year] option").all_inner_texts()
        assert offered == ["Year: any", *(f"{y} ({years[y]})" for y in sorted(years, reverse=True))]  # counts of both parts
        page.locator(f"{dialog} select[data-filter=year]").select_option(year)  # searches again
        expect(page.locator(dialog)).to_have_attribute("data-term", "pricing")
        found = page.locator(f"{dialog} .md-search-result__link").evaluate_all("as => as.map(a => new URL(a.href).pathname)")
    assert found and all(url.startswith(f"/interviews/{year}/") for url in found) and set(found) & second.keys()


def test_a_combined_filter_counts_what_it_shows(browser: Browser, journal, figures) -> None:
    records = figures["_records"]
    tag = records[0]["tags"][0]
    expected = [r["id"] for r in records if tag in r["tags"] and r["rel"] == "customer" and r["cl"] == "anonymous"]
    with journal["browse"].Served(journal["site"]) as served, open_page(browser) as (page, _):
        page.goto(served.url + "quotes/?rel=customer&cl=anonymous")
        page.select_option("select[name=tag]", tag)
        expect(page.locator("#journal-quote-count")).to_have_text(f"Showing {len(expected)} of 4,004 quotes")
        shown = page.locator("#journal-quote-list > figure").evaluate_all("fs => fs.map(f => f.id)")
        assert shown == expected[:100] and 0 < len(expected)
        assert "rel=customer" in page.url and "cl=anonymous" in page.url and "tag=" in page.url


def test_search_never_finds_a_confidential_note(browser: Browser, journal) -> None:
    hidden = [f for f in journal["manifest"]["files"] if f["confidential"]]
    urls = {"/interviews/" + f["rel"][:-3] + "/" for f in hidden}
    assert len(hidden) == 10
    indexed = indexed_pages(journal["site"])
    assert len(indexed) > N and not urls & set(indexed)
    with journal["browse"].Served(journal["site"]) as served, open_page(browser) as (page, _):
        page.goto(served.url + "about/")
        found = page.evaluate("""async names => { const pf = await import('/pagefind/pagefind.js'); await pf.init();
            for (const part of await (await fetch('/pagefind/parts.json')).json()) await pf.mergeIndex('/pagefind/' + part);
            const urls = [];
            for (const name of names) for (const r of (await pf.search(name)).results) urls.push((await r.data()).url);
            return urls; }""", sorted({f["customer"] for f in hidden}))
    assert found and not urls & set(found)  # their accounts are found, through the notes that are not confidential
