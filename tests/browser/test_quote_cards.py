"""Quote cards in a real browser: "Download card" in the library gives the PNG, "Copy citation"
puts the campaign YAML on the clipboard, the SVG card renders in an <img>, a campaign's pack downloads."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
import yaml
from PIL import Image
from playwright.sync_api import Page, expect

from .conftest import EngineSite

pytestmark = pytest.mark.browser


def cleared_ids(page: Page) -> list[str]:
    """The quotes the library shows as cleared (its cards' colours: an expired clearance is internal)."""
    page.wait_for_selector("#journal-quote-list.journal-library--js")  # quotes.js has the records
    return page.evaluate("[...document.querySelectorAll('#journal-quote-list > .journal-quote--public,"
                         " #journal-quote-list > .journal-quote--anonymous')].map(f => f.id)")


def test_download_card_gives_the_quote_as_a_png(page: Page, engine_site: EngineSite, tmp_path: Path) -> None:
    page.goto(engine_site.url + "quotes/")
    quote_id = cleared_ids(page)[0]
    link = page.locator(f"[id='{quote_id}'] .journal-card-download")
    expect(link).to_have_text("Download card")
    with page.expect_download() as caught:
        link.click()
    download = caught.value
    assert download.suggested_filename == f"{quote_id}.png"
    download.save_as(tmp_path / "card.png")
    with Image.open(tmp_path / "card.png") as card:
        assert card.format == "PNG" and card.size == (2400, 1260)


def test_no_internal_quote_offers_a_card(page: Page, site_url: str) -> None:
    page.goto(site_url + "quotes/")
    offered = page.evaluate("[...document.querySelectorAll('.journal-card-download')].map(a => a.closest('figure').id)")
    assert sorted(offered) == sorted(cleared_ids(page)) and offered


def test_copy_citation_puts_campaign_yaml_on_the_clipboard(page: Page, site_url: str) -> None:
    page.goto(site_url + "quotes/")
    quote_id = cleared_ids(page)[0]
    page.bring_to_front()  # the clipboard takes writes from the focused page only
    page.evaluate("navigator.clipboard.writeText('(nothing yet)')")
    button = page.locator(f"[id='{quote_id}'] .journal-citation")
    button.click()
    expect(button).to_have_text("Copied")  # copy.js
    copied = page.evaluate("navigator.clipboard.readText()")
    cited = yaml.safe_load("cites:\n" + copied)["cites"]
    text = page.locator(f"[id='{quote_id}'] blockquote").inner_text()
    assert cited == [{"id": quote_id, "text": " ".join(text.split())}]


def test_the_svg_card_renders_as_an_image(page: Page, site_url: str) -> None:
    page.goto(site_url + "quotes/")
    quote_id = cleared_ids(page)[0]
    size = page.evaluate("""src => new Promise((ok, fail) => { const img = new Image();
        img.onload = () => ok([img.naturalWidth, img.naturalHeight]); img.onerror = fail; img.src = src; })""",
                         f"cards/{quote_id}.svg")
    assert size == [1200, 630]


def test_a_campaign_pack_downloads_with_its_cards_and_csv(page: Page, site_url: str, tmp_path: Path) -> None:
    page.goto(site_url + "campaigns/spring-on-call-webinar/")
    with page.expect_download() as caught:
        page.get_by_role("link", name="Download the pack").click()
    caught.value.save_as(tmp_path / "pack.zip")
    pack = zipfile.ZipFile(tmp_path / "pack.zip")
    rows = list(csv.DictReader(io.StringIO(pack.read("spring-on-call-webinar/quotes.csv").decode().lstrip("\ufeff"))))
    assert len(rows) == 4  # the campaign cites four quotes, each with its card
    assert sorted(f"spring-on-call-webinar/{r['card']}" for r in rows) == sorted(n for n in pack.namelist() if n.endswith(".png"))
