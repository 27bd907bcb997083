"""Injection: tests/fixtures/injection puts `<script>`, an attribute break-out with `onerror`,
`javascript:` URLs and Jinja syntax into every front-matter field, the notes, quotes, quote
attributes, accounts.yml, a campaign, an insight and the configured vocabularies. After a
build, every page parses to no script, handler or `javascript:` link from the journal, Jinja never
ran, and every export still parses."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.support import FIXTURES, build_fixture, indexed_pages

INJECTION = FIXTURES / "injection"
FIELDS = ("Acme", "Partner", "Jane", "VP", "Ops", "Buyer", "Bob", "Sam", "Channel", "Product", "Rival", "Tag",
          "Topic", "Industry", "Size", "Region", "Tier", "Summary", "Alias", "Campaign", "Owner", "Quote",
          "Insight", "Analyst", "Note", "Counter")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_fixture(INJECTION, tmp_path_factory.mktemp("injection"))


class Scan(HTMLParser):
    """What a browser would run: script elements, on* attributes, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.handlers: list[str] = []
        self.js_urls: list[str] = []
        self.text: list[str] = []
        self._script_type: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}={value}>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and value and \
                    "".join(value.split()).lower().startswith("javascript:"):
                self.js_urls.append(f"<{tag} {name}={value}>")
        if tag == "script":
            self._script_type = dict(attrs).get("type") or "text/javascript"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script_type = None

    def handle_data(self, data: str) -> None:
        if self._script_type is None:
            self.text.append(data)
        elif self._script_type == "application/json":
            json.loads(data)  # embedded data stays data
        else:
            self.scripts.append(data)


def pages(site: Path) -> dict[str, Scan]:
    out = {}
    for path in sorted(site.rglob("*.html")):
        scan = Scan()
        scan.feed(path.read_text(encoding="utf-8"))
        scan.close()
        out[path.relative_to(site).as_posix()] = scan
    return out


def test_no_script_handler_or_javascript_link_from_the_journal(site: Path) -> None:
    scans = pages(site)
    assert len(scans) > 20
    assert {p: s.handlers for p, s in scans.items() if s.handlers} == {}
    assert {p: s.js_urls for p, s in scans.items() if s.js_urls} == {}
    assert {p for p, s in scans.items() if any("alert(1)" in code for code in s.scripts)} == set()


def test_every_field_is_shown_as_text(site: Path) -> None:
    """The payload survives as visible text (escaped, not dropped), in titles and bodies alike."""
    text = "\n".join(t for s in pages(site).values() for t in s.text)
    for label in FIELDS:
        assert f'{label} <script>alert(1)</script> "><img src=x onerror=alert(1)> javascript:alert(1)' in text, label
    account = (site / "customers").glob("acme-*/index.html")
    title = next(account).read_text(encoding="utf-8").split("<title>")[1].split("</title>")[0]
    assert title.startswith("Acme &lt;script&gt;alert(1)&lt;/script&gt;")


def test_jinja_syntax_is_never_evaluated(site: Path) -> None:
    every = "\n".join(p.read_bytes().decode("utf-8", "replace") for p in site.rglob("*") if p.is_file())
    assert "pwned" not in every
    assert "{{ 7*7 }}" in every and "{% raw %}" in every


def test_notes_keep_formatting_but_lose_active_content(site: Path) -> None:
    page = next((site / "interviews" / "2026").glob("*/index.html")).read_text(encoding="utf-8")
    assert "<b>bold</b>" in page
    assert "a Markdown link" in page and "a link" in page
    assert "<iframe" not in page


def test_exports_and_feed_still_parse_and_hold_the_text(site: Path) -> None:
    records = json.loads((site / "quotes" / "quotes.json").read_text(encoding="utf-8"))["quotes"]
    assert {r["id"] for r in records} == {"q-public", "q-anonymous"}
    public = next(r for r in records if r["id"] == "q-public")
    assert public["text"].startswith('Quote <script>alert(1)</script> "><img')
    rows = list(csv.DictReader(io.StringIO((site / "quotes" / "quotes.csv").read_text(encoding="utf-8-sig"))))
    assert [r["text"] for r in rows] == [r["text"] for r in records]
    feed = ET.fromstring((site / "feed.xml").read_bytes())
    assert "<script>alert(1)</script>" in "".join(feed.itertext())
    ET.fromstring((site / "sitemap.xml").read_bytes())
    indexed = " ".join(f["content"] + json.dumps(f["meta"]) for f in indexed_pages(site).values())
    assert 'Acme <script>alert(1)</script> "><img' in indexed  # the search index holds the text as text
