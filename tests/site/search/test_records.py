"""generator.site.search.records: what the search index records of each page."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.load import load_journal
from generator.core.project import read_config
from generator.site.context import Site
from generator.site.registry import build_pages
from generator.site.render import Renderer
from generator.site.search import Record, guide_records, site_records
from generator.site.search.records import text_of
from tests.support import FIXTURES, TODAY

QUOTES = FIXTURES / "quotes"


@pytest.fixture(scope="module")
def pages():
    journal, problems = load_journal(QUOTES, read_config(QUOTES), today=TODAY)
    assert not problems.errors
    return build_pages(Site(journal, Renderer()))


@pytest.fixture(scope="module")
def records(pages) -> dict[str, Record]:
    return {r.url: r for r in site_records(pages.values())}


def test_the_text_of_a_page_keeps_words_apart_and_drops_markup_and_permalinks() -> None:
    html = ('<h2 id="x">Follow-ups<a class="headerlink" href="#x">¶</a></h2><p>R&amp;D &lt;b&gt;, pri<em>cing</em></p>'
            "<ul><li>one</li><li>two</li></ul><script>alert(1)</script>")
    assert text_of(html) == "Follow-ups R&D <b>, pricing one two"


def test_an_interview_is_found_with_its_date_account_relationship_tags_and_year(records) -> None:
    record = records["/interviews/2026/2026-03-04-acme/"]
    assert record.meta == {"title": "Acme Logistics · 2026-03-04", "date": "4 Mar 2026", "account": "Acme Logistics",
                           "relationship": "prospect"}
    assert record.filters["relationship"] == ["prospect"] and record.filters["account"] == ["Acme Logistics"]
    assert record.filters["year"] == ["2026"] and "on-call" in record.filters["tag"]  # a tag of one of its quotes
    assert "We cut our on-call pages in half" in record.content and "¶" not in record.content
    assert "jane@acme.example" not in record.content  # contacts are never on a page


def test_search_holds_accounts_segments_and_guides_not_lists_and_data(records, pages) -> None:
    account = records["/customers/acme-logistics/"]
    assert account.meta["relationship"] == "customer" and account.filters == {"relationship": ["customer"], "account": ["Acme Logistics"]}
    assert records["/segments/tag/renewal/"].meta == {"title": "Tag: renewal"}
    assert not {"/", "/quotes/", "/customers/", "/segments/", "/quotes/quotes.json"} & set(records)
    assert not any("whitecap" in r.content.lower() for r in records.values())  # the confidential interview


def test_guides_are_recorded_from_the_docs_except_generated_pages(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "guide").mkdir(parents=True)
    (docs / "guide" / "format.md").write_text("---\ntitle: ignored\n---\n# The format\n\nA **quote** ends with a dash.\n")
    (docs / "index.md").write_text("Welcome, no heading.\n")
    (docs / "interviews.md").write_text("# Generated\n")
    (docs / "testing.md").write_text("# For developers\n")
    (docs / ".hidden").mkdir()
    (docs / ".hidden" / "x.md").write_text("# Hidden\n")
    found = {r.url: r for r in guide_records(docs, Renderer(), generated=["interviews.md"], excluded=lambda p: p == "testing.md")}
    assert set(found) == {"/", "/guide/format/"}  # not generated, excluded (exclude_docs) or hidden pages
    assert found["/guide/format/"].meta == {"title": "The format"}
    assert found["/guide/format/"].content == "The format A quote ends with a dash."
    assert found["/"].meta == {"title": "index"}
