"""generator.site.cardimage: one card's PNG and SVG, from the same layout, the same bytes every time."""

from __future__ import annotations

import hashlib
import io
import re
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from generator.site.cardimage import layout as L
from generator.site.cardimage.colours import INK, WHITE, colours, contrast
from generator.site.cardimage.face import Brand, CardFace, small_logo
from generator.site.cardimage.png import CRITICAL, chunks, critical_only
from generator.site.cardimage.render import render

SVG = "{http://www.w3.org/2000/svg}"
SHORT = CardFace("We cut our on-call pages in half the first month.", "Jane Doe, VP Operations, Acme Logistics",
                 Brand("Northwind Software", "#3f51b5"))
LONG = CardFace(" ".join(["Before the switch every handover meant rereading three dashboards and a wiki page."] * 5),
                "VP Operations at a logistics company", Brand("Northwind Software", "#ffd43b"))


def logo_png() -> bytes:
    out = io.BytesIO()
    image = Image.new("RGBA", (300, 100), "#ff6600")
    image.save(out, "PNG", pnginfo=_text_chunk("Author", "Someone Private"))
    return out.getvalue()


def _text_chunk(key: str, value: str):
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text(key, value)
    return info


def svg_lines(svg: str) -> list[str]:
    """Every line of text in the SVG, top to bottom."""
    root = ET.fromstring(svg)
    return [line.text or "" for text in root.iter(f"{SVG}text") for line in (list(text) or [text])]


def test_the_png_is_twice_the_card_and_holds_only_the_image() -> None:
    png, _ = render(SHORT)
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (2400, 1260) and image.format == "PNG"
    assert [kind for kind, _ in chunks(png)] == [b"IHDR", b"PLTE", b"IDAT", b"IEND"]


def test_critical_only_drops_text_and_time_chunks() -> None:
    with_text = logo_png()
    assert b"tEXt" in {kind for kind, _ in chunks(with_text)}
    kept = critical_only(with_text)
    assert {kind for kind, _ in chunks(kept)} <= set(CRITICAL) and b"Someone Private" not in kept
    with Image.open(io.BytesIO(kept)) as image:
        assert image.size == (300, 100)  # still a valid PNG


def test_the_svg_repeats_the_png_layout_as_text() -> None:
    lay = L.layout(LONG)
    _, svg = render(LONG)
    lines = svg_lines(svg)
    assert lines == ["Northwind Software", *lay.quote.lines, *lay.byline.lines]
    assert len(lay.quote.lines) > 3 and lines[1].startswith("\u201cBefore") and lines[-1] == "\u2014 VP Operations at a logistics company"
    root = ET.fromstring(svg)
    assert (root.get("width"), root.get("height")) == ("1200", "630")
    assert root.get("aria-label") == f"\u201c{LONG.text}\u201d \u2014 {LONG.byline}"
    assert "data:font/ttf;base64," in svg and "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_each_svg_embeds_only_the_glyphs_it_uses() -> None:
    small, large = (len(render(face)[1]) for face in (CardFace("Ok.", "Jo", SHORT.brand), LONG))
    assert small < large < 40_000  # a subset of a few kilobytes, not the 56 KB font


def test_wrapping_stays_in_the_box_and_a_longer_quote_gets_a_smaller_size() -> None:
    short, long = L.layout(SHORT), L.layout(LONG)
    assert short.quote.px == L.QUOTE_SIZES[1] * L.SCALE > long.quote.px >= L.QUOTE_SIZES[0] * L.SCALE
    for block in (long.quote, long.byline):
        widths = [block.text.font.getbbox(line)[2] for line in block.lines]
        assert max(widths) <= L.WIDTH
    bottom = long.quote.y + (len(long.quote.lines) - 1) * long.quote.step + long.quote.px
    assert bottom <= L.QUOTE_BOTTOM * L.SCALE


def test_a_quote_too_long_for_any_size_gets_no_card() -> None:
    huge = CardFace(" ".join(["word"] * 600), "Jo", SHORT.brand)
    assert L.verdict(huge) == L.TOO_LONG and render(huge) == L.TOO_LONG
    url = CardFace("See https://example.com/" + "a" * 200, "Jo", SHORT.brand)  # one word wider than the card
    assert render(url) == L.TOO_LONG
    emoji = CardFace("We love it 😀", "Jo", SHORT.brand)
    assert render(emoji) == "characters the card font lacks: 😀"
    byline = CardFace("Fine.", "Role " * 80, SHORT.brand)
    assert render(byline) == L.BYLINE_TOO_LONG


@pytest.mark.parametrize("background", ["#3f51b5", "#ffd43b", "#000000", "#ffffff", "#808080", "#e11d48"])
def test_text_reads_on_any_brand_colour(background: str) -> None:
    text, byline = colours(background)
    assert text in (INK, WHITE) and contrast(text, background) >= 4.5 and contrast(byline, background) >= 3


def test_the_logo_is_made_small_and_loses_its_metadata() -> None:
    small = small_logo(logo_png())
    assert b"Someone Private" not in small
    with Image.open(io.BytesIO(small)) as image:
        assert image.size == (336, 112)  # fitted into 480 x 112, the shape kept
    face = CardFace(SHORT.text, SHORT.byline, Brand("Northwind", "#3f51b5", small))
    lay = L.layout(face)
    assert lay.brand.logo == (160, 104, 336, 112) and lay.brand.name_x == 160 + 336 + 40
    png, svg = render(face)
    with Image.open(io.BytesIO(png)) as image:
        assert image.convert("RGB").getpixel((160 + 100, 160)) == (255, 102, 0)  # the logo is drawn
    assert 'href="data:image/png;base64,' in svg


# The bytes of two cards with this Pillow (13.0.0), uharfbuzz and fonts. A change here means another
# machine's zlib or another library version draws other bytes: pin it, or update these on purpose.
GOLDEN = {
    "short": ("3f2ac2aefdfcd37e", "2e8165a3f6ec98c1"),
    "long": ("950f8809f938c09f", "678b47ee41f280a1"),
}


@pytest.mark.parametrize("name, face", [("short", SHORT), ("long", LONG)])
def test_the_same_card_is_the_same_bytes(name: str, face: CardFace) -> None:
    png, svg = render(face)
    assert render(face) == (png, svg)
    assert (hashlib.sha256(png).hexdigest()[:16], hashlib.sha256(svg.encode()).hexdigest()[:16]) == GOLDEN[name]


def test_card_keys_change_with_everything_that_changes_the_image() -> None:
    base = SHORT.key
    assert CardFace(SHORT.text, SHORT.byline, Brand("Northwind Software", "#3f51b5")).key == base
    changed = [CardFace(SHORT.text + "!", SHORT.byline, SHORT.brand), CardFace(SHORT.text, "Jo", SHORT.brand),
               CardFace(SHORT.text, SHORT.byline, Brand("Other", "#3f51b5")),
               CardFace(SHORT.text, SHORT.byline, Brand("Northwind Software", "#3f51b6")),
               CardFace(SHORT.text, SHORT.byline, Brand("Northwind Software", "#3f51b5", b"logo"))]
    assert len({base, *(face.key for face in changed)}) == 6
    assert re.fullmatch(r"[0-9a-f]{40}", base)
