"""The sample journal, built with `mkdocs build --strict`: what people and privacy rely on."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support import REPO

CONFIDENTIAL = REPO / "interviews" / "2026" / "2026-07-09-kestrel-cold-chain.md"


def all_text(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(site.rglob("*"))
                     if p.is_file() and p.suffix in {".html", ".json", ".xml", ".csv", ".txt", ".js", ".css"})


def contact_values() -> list[str]:
    values = []
    for path in (REPO / "interviews").rglob("*.md"):
        values += [m.strip().strip("'\"") for m in re.findall(r"contact:\s*([^,}\n]+)", path.read_text())]
    return values


def test_every_interview_has_a_page(sample_site: Path) -> None:
    notes = sorted((REPO / "interviews").rglob("*.md"))
    assert len(notes) > 20 and CONFIDENTIAL in notes
    pages = sorted(p.parent.relative_to(sample_site / "interviews") for p in (sample_site / "interviews").rglob("index.html"))
    assert pages == [n.relative_to(REPO / "interviews").with_suffix("") for n in notes if n != CONFIDENTIAL]


def test_interview_page_shows_card_notes_and_quotes(sample_site: Path) -> None:
    page = (sample_site / "interviews" / "2026" / "2026-02-24-northwind-field-services" / "index.html").read_text()
    assert '<h1 class="journal-title">Northwind Field Services <span' in page
    # Northwind was a customer on 2026-02-24 (it is a lost customer now): the relationship at the time.
    assert ('<dt>Relationship</dt><dd><a class="journal-chip journal-rel journal-rel--customer" '
            'href="../../../segments/relationship/customer/">customer</a></dd>') in page
    people = page[page.index('<h2 id="people">We talked to</h2>'):page.index('<h2 id="our-side">From our side</h2>')]
    assert re.findall(r"<li><strong>([^<]+)</strong>", people) == ["Dana Whitfield", "Rebecca Lang"]
    assert re.findall(r"<li>([^<·]+) ·", page[page.index('<h2 id="our-side">'):]) == ["Tomás Reyes", "Priya Nair"]
    assert '<h2 id="context">Context<a class="headerlink"' in page  # the notes
    assert re.findall(r'<figure class="journal-quote[^"]*" id="([^"]+)"', page) == ["renewal-bundle-pressure", "dana-retuning-cost"]


def test_no_contact_value_reaches_the_site(sample_site: Path) -> None:
    text = all_text(sample_site)
    values = contact_values()
    assert len(values) > 10
    for value in values:
        assert value not in text, value


def words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]{5,}", text)}


def confidential_words(site: Path) -> set[str]:
    """Words of the confidential interview found in no other input of the site, nor in the theme's assets."""
    inputs = [p for folder in ("interviews", "docs", "campaigns", "insights", "templates") for p in (REPO / folder).rglob("*")]
    elsewhere: set[str] = words((REPO / "mkdocs.yml").read_text())
    for path in [*inputs, *(site / "assets").rglob("*")]:
        if path.is_file() and path != CONFIDENTIAL and path.suffix in {".md", ".yml", ".html", ".js", ".css", ".json"}:
            elsewhere |= words(path.read_text(encoding="utf-8", errors="replace"))
    return words(CONFIDENTIAL.read_text(encoding="utf-8")) - elsewhere


def test_nothing_from_the_confidential_interview_reaches_the_site(sample_site: Path) -> None:
    text = all_text(sample_site)
    for canary in ("Marlinspike", "Vantoria", "marlinspike-no-leak", "2026-07-09-kestrel-cold-chain"):
        assert canary not in text, canary
    distinctive = confidential_words(sample_site)
    assert {"marlinspike", "vantoria", "priscilla", "questionnaire", "subprocessor"} <= distinctive
    lowered = text.lower()
    leaked = sorted(w for w in distinctive if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", lowered))
    assert leaked == []


def test_pages_load_nothing_from_the_network(sample_site: Path) -> None:
    """An offline internal site: no Google Fonts, no CDN scripts, styles or images."""
    pages = list(sample_site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not re.findall(r'<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="(?:https?:)?//[^"]+"', html), page
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page
    for css in sample_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.findall(r"(?:@import|url\()\s*['\"]?(?:https?:)?//", text), css



def test_sample_insights_are_in_the_nav_with_a_disputed_one(sample_site: Path) -> None:
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    nav = re.findall(r'<a href="([^"]*)" class="md-nav__link', home)
    assert nav.index("campaigns/") + 1 == nav.index("insights/") < nav.index("about/")
    assert not [link for link in nav if link.startswith("insights/") and link != "insights/"]
    listing = (sample_site / "insights" / "index.html").read_text(encoding="utf-8")
    statuses = re.findall(r'<tr data-status="([^"]+)"', listing)
    assert len(statuses) >= 4 and "disputed" in statuses
    disputed = re.findall(r'<tr data-status="disputed"[^>]*>\s*<td[^>]*><a href="([^"]+)"', listing)[0]
    page = (sample_site / "insights" / disputed / "index.html").read_text(encoding="utf-8")
    contradicts = page[page.index('id="contradicts"'):]
    assert contradicts.count('class="journal-quote ') >= 1
    assert 'id="stale-insights"' in home
