"""generator.site.pages.feed: the Atom feed of new interviews and cleared quotes."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from generator.core.load import load_journal
from generator.site.pages.feed import feed_xml
from generator.core.project import read_config
from generator.site.render import Renderer
from generator.site.context import Site
from generator.views.export import export_records

from tests.support import FIXTURES, TODAY

FIXTURE = FIXTURES / "segments"
A = "{http://www.w3.org/2005/Atom}"


def feed(root: Path = FIXTURE, **site_options) -> tuple[str, ET.Element]:
    journal, problems = load_journal(root, read_config(root), today=TODAY)
    assert not problems.errors
    xml = feed_xml(Site(journal, Renderer(), **site_options))
    return xml, ET.fromstring(xml)


def entries(root: ET.Element) -> dict[str, ET.Element]:
    return {e.find(f"{A}link").get("href"): e for e in root.findall(f"{A}entry")}


def test_new_interviews_newest_first_each_followed_by_its_cleared_quotes() -> None:
    _, root = feed()
    assert list(entries(root)) == [
        "/interviews/2026/acme-2026-11-01/",
        "/interviews/2026/acme-2026-11-01/#fewer-pages",
        "/quotes/#night-shift",  # anonymous: into the quotes library, not the interview
        "/interviews/2026/cargo-2026-09-15/",
        "/interviews/2026/cargo-2026-09-15/#routeco-pages",
        "/interviews/2026/beta-2026-07-01/",
        "/interviews/2026/acme-2026-02-10/",
        "/interviews/2025/beta-2025-05-02/",
    ]  # not the internal price-talk, not setup-afternoon (its clearance expired)


def test_updated_comes_from_the_notes_not_the_clock() -> None:
    xml, root = feed()
    # 2026-11-10 would be the confidential interview's date.
    assert root.find(f"{A}updated").text == "2026-11-01T00:00:00Z"
    assert feed()[0] == xml


def test_confidential_files_and_private_fields_never_reach_the_feed() -> None:
    xml, _ = feed()
    for secret in ("Halyard", "Whitecap", "whitecap", "Bob Quill", "secret", "jane@acme.example", "Internal pricing talk", "afternoon"):
        assert secret not in xml, secret


def test_anonymous_quotes_carry_no_name_account_or_interview_link() -> None:
    _, root = feed()
    entry = entries(root)["/quotes/#night-shift"]
    text = ET.tostring(entry, encoding="unicode")
    assert "Jane" not in text and "Acme" not in text and "interviews/" not in text
    assert entry.find(f"{A}content").text == '"Our night shift finally sleeps." — VP Operations at a logistics company'  # generator.views.attribution
    public = entries(root)["/interviews/2026/acme-2026-11-01/#fewer-pages"]
    assert public.find(f"{A}content").text.endswith("— Jane Doe, VP Operations, Acme Logistics")


def test_quote_entries_carry_exactly_the_exports_attribution() -> None:
    journal, _ = load_journal(FIXTURE, read_config(FIXTURE), today=TODAY)
    site = Site(journal, Renderer())
    exported = {r["url"]: r["attribution"] for r in export_records(journal.quotes, TODAY, site.absolute)}
    quotes = {href: e.find(f"{A}content").text for href, e in entries(ET.fromstring(feed_xml(site))).items() if "#" in href}
    assert len(quotes) == 3 and quotes == {href: exported[href] for href in quotes}


def test_text_is_escaped_and_read_back_unchanged() -> None:
    xml, root = feed()
    assert "Cargo &amp; &lt;Co&gt;" in xml
    cargo = entries(root)["/interviews/2026/cargo-2026-09-15/"]
    assert cargo.find(f"{A}title").text == "Cargo & <Co> · competitor customer · 2026-09-15"
    assert cargo.find(f"{A}summary").text == "Uses RouteCo <b>today</b> & is unhappy."


def test_links_carry_the_host_when_a_site_url_is_set() -> None:
    _, root = feed(base_path="/research/", site_url="https://intranet.example/research/")
    assert root.find(f"{A}link[@rel='self']").get("href") == "https://intranet.example/research/feed.xml"
    assert "https://intranet.example/research/quotes/#night-shift" in entries(root)


def test_control_characters_in_notes_cannot_break_the_xml(tmp_path: Path) -> None:
    root = tmp_path / "j"
    shutil.copytree(FIXTURE, root)
    note = root / "interviews" / "2026" / "cargo-2026-09-15.md"
    note.write_text(note.read_text().replace("pages us for", "pages\x0c us\x1b for"))
    xml, parsed = feed(root)
    assert entries(parsed)["/interviews/2026/cargo-2026-09-15/#routeco-pages"].find(f"{A}title").text == "“RouteCo pages us for everything.”"
