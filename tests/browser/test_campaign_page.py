"""The sample campaign "Spring on-call webinar" (and an insight) in a real browser: what copy buttons put on the clipboard.

The clipboard must hold exactly the export's attributions (the site's quotes.json), in the campaign
file's order, and never the name or account of a speaker who agreed to be quoted only anonymously.
The names are read from the notes themselves (tests/browser/sample.py), not through the generator.
"""

from __future__ import annotations

import re

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from tests.support import REPO
from .conftest import FAMILIES, copied_by, exported
from .sample import _aliases, account_of, visible

pytestmark = pytest.mark.browser

CAMPAIGN = FAMILIES["campaign"]
CITED = [c["id"] for c in yaml.safe_load((REPO / "campaigns" / "spring-on-call-webinar.yml").read_text(encoding="utf-8"))["cites"]]


def speaker_and_account(quote_id: str) -> list[str]:
    """The speaker's name and every name of the account, from the note that holds the quote."""
    for note in visible():
        said = re.search(rf"^> (?:—|―|--) (.+?) \{{#{re.escape(quote_id)}[ }}]", note.body, re.M)
        if said:
            account = account_of(note)
            return [said.group(1), account, *(alias for alias, name in _aliases().items() if name == account)]
    raise AssertionError(f"no note holds {quote_id}")


def anonymous_names(site_url: str) -> list[str]:
    records = exported(site_url)
    anonymous = [i for i in CITED if records[i]["clearance"] == "anonymous"]
    assert len(anonymous) == 2, "the sample campaign cites two anonymous quotes"
    return [name for i in anonymous for name in speaker_and_account(i)]


def assert_names_nobody(copied: str, names: list[str]) -> None:
    lowered = copied.casefold()
    for name in names:
        assert name.casefold() not in lowered, name


def test_copy_with_attribution_on_an_anonymous_quote_and_copy_all(page: Page, site_url: str) -> None:
    page.goto(site_url + CAMPAIGN)
    records, names = exported(site_url), anonymous_names(site_url)
    assert page.locator("figure.journal-cite").evaluate_all("fs => fs.map(f => f.id)") == CITED

    quote_id = next(i for i in CITED if records[i]["clearance"] == "anonymous")
    figure = page.locator(f"[id='{quote_id}']")
    expect(figure.locator(".journal-internal__label")).to_have_text("Internal context — do not use outside")
    expect(figure.locator(".journal-internal")).to_contain_text(speaker_and_account(quote_id)[0])  # shown inside, marked
    expect(figure.get_by_role("button", name="Copy with attribution")).to_have_count(1)
    button = figure.locator("button.journal-copy")  # by its class: its name becomes "Copied"
    copied = copied_by(page, button)
    expect(button).to_have_text("Copied")
    assert copied == records[quote_id]["attribution"]
    assert_names_nobody(copied, names)

    copied = copied_by(page, page.get_by_role("button", name=re.compile("^Copy all")))
    assert copied == "\n\n".join(records[i]["attribution"] for i in CITED)
    assert_names_nobody(copied, names)


def test_without_javascript_the_copy_buttons_stay_hidden(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + CAMPAIGN)
        expect(page.locator(".journal-copy").first).to_be_hidden()  # they need JavaScript
        expect(page.locator(".journal-outward blockquote").first).to_be_visible()
        expect(page.locator(".journal-campaign__status")).to_be_visible()
    finally:
        context.close()


def test_insight_evidence_copies_the_exports_attribution(page: Page, site_url: str) -> None:
    page.goto(site_url + FAMILIES["insight"])
    records = exported(site_url)
    figure = page.locator("figure.journal-evidence__quote:has(button.journal-copy)").first
    quote_id = figure.get_attribute("data-quote")
    assert copied_by(page, figure.locator("button.journal-copy")) == records[quote_id]["attribution"]
