"""Where everything goes on a card, in the PNG's pixels (twice the card's: SCALE).

The quote gets the largest whole size from 56 down to 24 px (card pixels) at which Pillow's
word wrapper fits it in its box; the byline from 26 down to 20 px, on at most two lines.
A quote that fits at no size (about 175 words of English, or a word wider than the card, like
a long URL) gets no card: ``verdict`` says why, cheaply enough for `journal check` to ask about
every quote.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageText

from ...core.branding import lacking
from ...resources import CARD_FONT, CARD_TEXT_FONT
from .face import CardFace
from .fonts import font, metrics

W, H, SCALE = 1200, 630, 2  # the card (the usual link-preview shape); the PNG is twice as large
PAD = 80  # left and right margin
BRAND_TOP, BRAND_HEIGHT, BRAND_SIZE = 52, 56, 30  # the logo's box and the brand name's size
QUOTE_TOP, QUOTE_BOTTOM, QUOTE_SIZES = 150, 500, (24, 56)
BYLINE_TOP, BYLINE_BOTTOM, BYLINE_SIZES = 528, 606, (20, 26)
LINE_GAP = 0.32  # space between lines, as a share of the font size
WIDTH = (W - 2 * PAD) * SCALE
TOO_LONG, BYLINE_TOO_LONG = "too long", "attribution too long"


@dataclass
class Block:
    """Wrapped text as Pillow draws it (``text``) and as the SVG repeats it (``lines``)."""

    text: ImageText.Text
    px: int  # font size
    x: int
    y: int  # top of the first line (Pillow's anchor "la")
    step: int  # from one line to the next
    ascent: int  # from a line's top to its baseline

    @property
    def lines(self) -> list[str]:
        return str(self.text.text).split("\n")


@dataclass
class BrandRow:
    """The logo's box (x, y, width, height) and where the brand name's baseline starts."""

    logo: tuple[int, int, int, int] | None
    name_x: int
    baseline: int


@dataclass
class Layout:
    quote: Block
    byline: Block
    brand: BrandRow


def quoted(face: CardFace) -> str:
    return f"\u201c{face.text}\u201d"


def dashed(face: CardFace) -> str:
    return f"\u2014 {face.byline}"


def _text(text: str, path: Path, px: int) -> ImageText.Text:
    return ImageText.Text(text, font(path, px), spacing=round(px * LINE_GAP))


@lru_cache(maxsize=None)
def _step(path: Path, px: int) -> int:
    """The line step ImageText uses: the height of "A" plus the spacing."""
    return font(path, px).getbbox("A")[3] + round(px * LINE_GAP)


def wrap(text: str, path: Path, px: int, height: int) -> ImageText.Text | None:
    """``text`` wrapped by Pillow into the card's width and ``height``; None when it does not fit."""
    wrapped = _text(text, path, px)
    try:
        rest = wrapped.wrap(WIDTH, height)
    except ValueError:  # a word wider than the card
        return None
    return wrapped if rest is None else None


def surely_fits(text: str, path: Path, px: int, height: int) -> bool:
    """A bound, no layout: true only when Pillow's greedy wrap must fit ``text``.

    A line ends only where the next word would not fit, so every line but the last is at least
    as wide as the room left by the widest word: n lines need (n - 1) times that much text."""
    m = metrics(path, px)
    room = WIDTH - m.overhang - 1  # ink may reach past the last advance
    lines = int((height - m.bottom) // _step(path, px)) + 1  # that fit, however low their ink reaches

    def enough(total: float, widest: float) -> bool:
        return widest < room and 1 + total / (room - widest) <= lines

    # Every character as wide as the widest first (no per-character work), then the real widths.
    longest = max(map(len, text.split())) * m.widest
    return (enough(len(text) * m.widest, longest) or enough(m.width(text), longest)
            or enough(m.width(text), max(map(m.width, text.split()))))


def fits(text: str, path: Path, smallest: int, height: int) -> bool:
    """Does ``text`` fit at the ``smallest`` size: the bound, else Pillow's wrap itself (long quotes only)."""
    px = smallest * SCALE
    return surely_fits(text, path, px, height) or wrap(text, path, px, height) is not None


def verdict(face: CardFace) -> str:
    """Why ``face`` makes no card ("" when it makes one): what ``layout`` would find, without laying out."""
    if missing := lacking(face.text):
        return f"characters the card font lacks: {missing}"
    if missing := lacking(face.byline):
        return f"the attribution has characters the card font lacks: {missing}"
    if not fits(quoted(face), CARD_FONT, QUOTE_SIZES[0], (QUOTE_BOTTOM - QUOTE_TOP) * SCALE):
        return TOO_LONG
    if not fits(dashed(face), CARD_TEXT_FONT, BYLINE_SIZES[0], (BYLINE_BOTTOM - BYLINE_TOP) * SCALE):
        return BYLINE_TOO_LONG
    return ""


def _first_guess(text: str, path: Path, sizes: tuple[int, int], height: int) -> int:
    """The largest size whose estimated line count fits (one measurement): where the search starts."""
    top = sizes[1] * SCALE
    per_px = font(path, top).getlength(text) / top
    step_per_px = _step(path, top) / top
    for size in range(sizes[1], sizes[0] - 1, -1):
        px = size * SCALE
        lines = math.ceil(per_px * px / (WIDTH * 0.92))  # lines end a little short of the edge
        if lines * step_per_px * px <= height:
            return size
    return sizes[0]


def fit(text: str, path: Path, sizes: tuple[int, int], height: int) -> tuple[int, ImageText.Text] | None:
    """The largest size in ``sizes`` (card pixels) at which ``text`` fits, and its wrapped text."""
    size = _first_guess(text, path, sizes, height)
    best = wrap(text, path, size * SCALE, height)
    while best is None and size > sizes[0]:
        size -= 1
        best = wrap(text, path, size * SCALE, height)
    if best is None:
        return None
    while size < sizes[1] and (bigger := wrap(text, path, (size + 1) * SCALE, height)) is not None:
        size, best = size + 1, bigger
    return size * SCALE, best


def _block(found: tuple[int, ImageText.Text], path: Path, y: int) -> Block:
    px, text = found
    return Block(text, px, PAD * SCALE, y, _step(path, px), font(path, px).getmetrics()[0])


def layout(face: CardFace) -> Layout | str:
    """The card's layout, or why there is none (as ``verdict`` says)."""
    why = verdict(face)
    box = (QUOTE_BOTTOM - QUOTE_TOP) * SCALE
    quote = None if why else fit(quoted(face), CARD_FONT, QUOTE_SIZES, box)
    byline = None if why else fit(dashed(face), CARD_TEXT_FONT, BYLINE_SIZES, (BYLINE_BOTTOM - BYLINE_TOP) * SCALE)
    if quote is None or byline is None:
        return why or TOO_LONG  # cannot happen: verdict found they fit at the smallest size
    block = _block(quote, CARD_FONT, 0)
    used = (len(block.lines) - 1) * block.step + font(CARD_FONT, block.px).getbbox("A")[3]
    block.y = QUOTE_TOP * SCALE + (box - used) // 2  # the quote in the middle of its box
    return Layout(block, _block(byline, CARD_TEXT_FONT, BYLINE_TOP * SCALE), brand_row(face))


def brand_row(face: CardFace) -> BrandRow:
    """The logo at the top left, in the middle of its row, and the brand name after it."""
    x, middle = PAD * SCALE, (BRAND_TOP + BRAND_HEIGHT // 2) * SCALE
    logo = None
    if face.brand.logo is not None:
        width, height = logo_size(face.brand.logo)
        logo = (x, middle - height // 2, width, height)
        x += width + 20 * SCALE
    cap = -font(CARD_FONT, BRAND_SIZE * SCALE).getbbox("H", anchor="ls")[1]
    return BrandRow(logo, x, middle + cap // 2)


def logo_size(png: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(png)) as image:
        return image.size
