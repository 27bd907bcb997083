"""generator.site.pages.segments: /segments/ and term pages, in a real `mkdocs build --strict`."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.support import FIXTURES, TODAY, build_fixture

FIXTURE = FIXTURES / "segments"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_fixture(FIXTURE, tmp_path_factory.mktemp("segments"))


def main_html(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    start = text.index("<article")
    return text[text.index(">", start) + 1:text.index("</article>")]


def words(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def test_overview_lists_every_taxonomy_with_counts_and_is_in_the_nav(site: Path) -> None:
    body = main_html(site / "segments" / "index.html")
    ids = re.findall(r'<h2 id="([^"]+)"', body)
    assert ids == ["relationship", "industry", "size", "region", "persona", "department", "product", "competitor",
                   "tag", "channel", "team", "tier", "use-cases"]
    text = words(body)
    assert "customer 2 1 4" in text and "prospect 2 1 0" in text  # interviews, accounts, quotes
    assert "lost customer 0 0 0" in text  # a neglected segment shows up, at zero
    assert "Logistics 4 2 4" in text and "RouteCo 3 3 4" in text and "on-call 2 2 4" in text
    about = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="../segments/" class="md-nav__link">\s*<span class="md-ellipsis">\s*Segments', about)


def test_term_page_lists_interviews_newest_first_accounts_departments_and_quotes(site: Path) -> None:
    body = main_html(site / "segments" / "competitor" / "routeco" / "index.html")
    text = words(body)
    assert text.startswith("RouteCo competitor 3 interviews · 3 accounts · 4 quotes · last heard 1 Nov 2026")
    assert "Raised by these accounts" in text and "Raised by these departments Operations 2 interviews IT 1 interview" in text
    dates = re.findall(r'<time datetime="(\d{4}-\d\d-\d\d)">\d{4}', body)
    assert dates == ["2026-11-01", "2026-09-15", "2025-05-02"]
    assert re.findall(r'<figure class="journal-quote[^"]*" id="([^"]+)"', body) == [
        "fewer-pages", "night-shift", "price-talk", "routeco-pages"]
    assert 'href="../../../customers/cargo-co/"' in body
    assert "Cargo &amp; &lt;Co&gt;" in body


def test_every_segment_link_on_the_site_has_a_page(site: Path) -> None:
    checked = 0
    for page in site.rglob("*.html"):
        url = page.relative_to(site).parent.as_posix() + "/"
        for href in re.findall(r'href="([^"#]*segments/[^"#]*)"', page.read_text(encoding="utf-8")):
            target = urljoin("/" + url, href).lstrip("/")
            assert (site / target / "index.html").is_file(), (page, href)
            checked += 1
    assert checked > 50


def test_confidential_values_have_no_segment_and_no_trace(site: Path) -> None:
    pages = {p.relative_to(site).as_posix() for p in (site / "segments").rglob("index.html")}
    assert not [p for p in pages if re.search(r"whitecap|shipping|secret|lost-customer|leadership|email", p)]
    text = "\n".join(p.read_text(encoding="utf-8") for p in (site / "segments").rglob("index.html"))
    for secret in ("Halyard", "Whitecap", "Bob Quill", "Secret Ops"):
        assert secret not in text


def test_dashboard_and_feed_are_built(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="journal-chart"' in home
    assert 'href="feed.xml"' in home
    assert (site / "feed.xml").read_text(encoding="utf-8").startswith('<?xml version="1.0" encoding="utf-8"?>\n<feed')


def resolved_links(site: Path, page: Path) -> set[str]:
    url = "/" + page.relative_to(site).parent.as_posix() + "/"
    return {urljoin(url, h).lstrip("/") for h in re.findall(r'href="([^"#]+)"', main_html(page))}


def test_every_term_shown_on_interview_and_account_pages_links_to_its_segment(site: Path) -> None:
    """Cross-links: each term an interview writes (quote tags too) is a link on its page and on its account's page."""
    from generator.core.load import load_journal
    from generator.core.project import read_config
    from generator.core.segments import account_mentions, interview_mentions
    from generator.core.taxonomy import segment_url

    journal, _ = load_journal(FIXTURE, read_config(FIXTURE), today=TODAY)
    checked = 0
    for interview in journal.interviews:
        account_terms = {segment_url(m.taxonomy, m.term) for m in account_mentions(interview.account, journal.config)}
        terms = {segment_url(m.taxonomy, m.term) for m in interview_mentions(interview, journal.config)}
        links = resolved_links(site, site / "interviews" / interview.rel.removesuffix(".md") / "index.html")
        assert terms <= links, (interview.rel, sorted(terms - links))  # account attributes are on the account page
        on_account_page = {segment_url(m.taxonomy, m.term) for m in interview_mentions(interview, journal.config)
                           if m.taxonomy in ("persona", "department", "product", "competitor", "tag", "team", "relationship")}
        links = resolved_links(site, site / "customers" / interview.account.slug / "index.html")
        assert on_account_page | account_terms <= links, (interview.account.slug, sorted((on_account_page | account_terms) - links))
        checked += len(terms)
    assert checked > 30
