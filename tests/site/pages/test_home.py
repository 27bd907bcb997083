"""generator.site.pages.home: the dashboard page as rendered (no MkDocs needed)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.core.load import load_journal
from generator.site.pages import home
from generator.core.project import read_config
from generator.site.render import Renderer
from generator.site.context import Site

from tests.support import FIXTURES, TODAY

FIXTURE = FIXTURES / "segments"


@pytest.fixture(scope="module")
def page():
    journal, _ = load_journal(FIXTURE, read_config(FIXTURE), today=TODAY)
    [page] = home.build(Site(journal, Renderer()))
    return page


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_dashboard_is_the_home_page_in_the_nav(page) -> None:
    assert (page.path, page.in_nav, page.title) == ("index.md", True, "Research journal")


def test_coverage_gaps_are_warnings_on_the_page(page) -> None:
    gaps = re.findall(r'<div class="admonition warning journal-dash__gap">\s*<p class="admonition-title">(.*?)</p>', page.html)
    assert gaps == ["No prospect conversations in the last 90 days", "No lost customer conversations in the last 365 days",
                    "No competitor customer conversations in the last 30 days"]


def test_the_chart_is_inline_svg_with_a_text_alternative(page) -> None:
    svg = re.search(r"<svg.*?</svg>", page.html, re.S).group(0)
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("aria-labelledby") == "journal-chart-title journal-chart-desc"
    assert "5 interviews from May 2025 to November 2026" in root.find("{http://www.w3.org/2000/svg}desc").text
    assert "The numbers, month by month" in page.html
    assert "<script" not in page.html


def test_stale_accounts_link_to_their_pages(page) -> None:
    stale = page.html[page.html.index('id="stale"'):page.html.index('id="stale-insights"')]
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', stale) == [("customers/beta-freight/", "Beta Freight")]
    assert "142" in stale


def test_who_talks_and_channels(page) -> None:
    text = text_of(page.html)
    assert "40% of conversations were first-hand for marketing (2 of 5; 100% in the last 90 days)" in text
    assert "team not given" in text


def test_top_tags_compare_two_windows(page) -> None:
    tags = text_of(page.html[page.html.index('id="tags"'):])
    assert "on-call 2 0 new" in tags and "pricing 1 0 new" in tags


def test_user_text_is_escaped_and_confidential_files_are_absent(page) -> None:
    assert "Cargo &amp; &lt;Co&gt;" in page.html
    assert "Uses RouteCo &lt;b&gt;today&lt;/b&gt; &amp; is unhappy." in page.html
    for secret in ("Halyard", "Whitecap", "Bob Quill", "Secret Ops", "whitecap"):
        assert secret not in page.content


def test_an_empty_journal_still_has_a_dashboard(tmp_path: Path) -> None:
    (tmp_path / "interviews").mkdir()
    journal, _ = load_journal(tmp_path, read_config(tmp_path), today=TODAY)
    [page] = home.build(Site(journal, Renderer()))
    assert "No interviews yet" in page.html and "<svg" not in page.html
    assert "No customer conversations in the last 365 days" in page.html


def test_stale_insights_section_says_when_there_are_no_insights(page) -> None:
    section = page.html[page.html.index('id="stale-insights"'):page.html.index('id="recent"')]
    assert "No insights yet" in section and 'href="insights/"' in section
