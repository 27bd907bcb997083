"""Segment pages: from a tag on an interview to the tag's segment page, and back."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .sample import Note, visible

pytestmark = pytest.mark.browser

TAG = "migration"


def tags(note: Note) -> set[str]:
    """The file's tags and its quotes' tags."""
    quoted = {t.strip() for group in re.findall(r'tags="([^"]*)"', note.body) for t in group.split(",")}
    return {*note.meta.get("tags", []), *quoted}


def test_from_a_tag_to_its_segment_and_back(page: Page, site_url: str) -> None:
    note = next(n for n in reversed(visible()) if TAG in n.meta.get("tags", []))
    expected = [n for n in visible() if TAG in tags(n)]
    page.goto(site_url + note.url)
    page.locator(".journal-facts dd a.journal-chip", has_text=re.compile(rf"^{TAG}$")).click()
    page.wait_for_url(re.compile(rf"/segments/tag/{TAG}/$"))
    expect(page.locator("h1")).to_contain_text(TAG)
    expect(page.locator(".journal-segment__counts strong").first).to_have_text(str(len(expected)))
    rows = page.locator(".journal-segment__interviews tbody tr")
    expect(rows).to_have_count(len(expected))
    dates = rows.locator("time").evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))")
    assert dates == [n.meta["date"].isoformat() for n in reversed(expected)]  # newest first

    page.go_back()
    page.wait_for_url(re.compile(re.escape(note.url) + "$"))
    page.go_forward()
    page.wait_for_url(re.compile(rf"/segments/tag/{TAG}/$"))
    page.locator(".journal-segment__interviews a", has=page.locator(f"time[datetime='{note.meta['date'].isoformat()}']")).click()
    page.wait_for_url(re.compile(re.escape(note.url) + "$"))
    expect(page.locator(".journal-facts dd a.journal-chip", has_text=re.compile(rf"^{TAG}$"))).to_be_visible()


def test_the_segments_overview_links_every_tag_page(page: Page, site_url: str) -> None:
    page.goto(site_url + "segments/")
    links = page.locator("h2#tag + .journal-segments tbody a.journal-chip")
    expected = sorted({t for n in visible() for t in tags(n)}, key=str.casefold)
    assert sorted(links.all_inner_texts(), key=str.casefold) == expected
    links.filter(has_text=re.compile(rf"^{TAG}$")).click()
    page.wait_for_url(re.compile(rf"/segments/tag/{TAG}/$"))
    expect(page.locator("h1")).to_contain_text(TAG)
