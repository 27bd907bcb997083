"""A card as SVG: the PNG's layout as text (selectable, searchable), with the glyphs it uses.

Each card embeds a subset of the bundled fonts with just its own characters (HarfBuzz's
subsetter: well under a millisecond, a few kilobytes), so it looks the same in an <img>,
which may not fetch fonts, and on a machine without Inter. Kerning and ligatures are off,
as in the PNG (Pillow's BASIC layout has neither), so the lines keep the PNG's widths.
"""

from __future__ import annotations

import base64
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import uharfbuzz

from ...resources import CARD_FONT, CARD_TEXT_FONT
from .colours import colours
from .face import CardFace
from .fonts import FAMILY, font_bytes
from .layout import BRAND_SIZE, SCALE, H, W, Block, Layout, dashed, quoted


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


@lru_cache(maxsize=None)
def _face(path: Path) -> uharfbuzz.Face:
    return uharfbuzz.Face(font_bytes(path))


def subset(path: Path, characters: str) -> bytes:
    """The font at ``path`` with only the glyphs of ``characters``."""
    wanted = uharfbuzz.SubsetInput()
    wanted.sets(uharfbuzz.SubsetInputSets.UNICODE).update(sorted({ord(c) for c in characters}))
    return uharfbuzz.subset(_face(path), wanted).blob.data


def _font_face(path: Path, weight: int, characters: str) -> str:
    data = base64.b64encode(subset(path, characters)).decode()
    return f'@font-face{{font-family:"{FAMILY}";font-weight:{weight};src:url(data:font/ttf;base64,{data}) format("truetype")}}'


def _text(block: Block, weight: int, fill: str) -> str:
    spans = "".join(f'<tspan x="{_num(block.x / SCALE)}" y="{_num((block.y + n * block.step + block.ascent) / SCALE)}">'
                    f"{escape(line)}</tspan>" for n, line in enumerate(block.lines))
    return f'<text font-weight="{weight}" font-size="{_num(block.px / SCALE)}" fill="{fill}">{spans}</text>'


def svg(face: CardFace, lay: Layout) -> str:
    text_colour, byline_colour = colours(face.brand.color)
    brand = face.brand.name
    style = (_font_face(CARD_FONT, 600, "".join(lay.quote.lines) + brand)
             + _font_face(CARD_TEXT_FONT, 400, "".join(lay.byline.lines))
             + f'text{{font-family:"{FAMILY}",sans-serif;font-kerning:none;font-variant-ligatures:none}}')
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" role="img" '
             f'aria-label={quoteattr(quoted(face) + " " + dashed(face))}>',
             f"<style>{style}</style>",
             f'<rect width="{W}" height="{H}" fill="{face.brand.color}"/>']
    if face.brand.logo is not None and lay.brand.logo is not None:
        x, y, width, height = (_num(v / SCALE) for v in lay.brand.logo)
        logo = base64.b64encode(face.brand.logo).decode()
        parts.append(f'<image x="{x}" y="{y}" width="{width}" height="{height}" href="data:image/png;base64,{logo}"/>')
    if brand:
        parts.append(f'<text x="{_num(lay.brand.name_x / SCALE)}" y="{_num(lay.brand.baseline / SCALE)}" font-weight="600" '
                     f'font-size="{BRAND_SIZE}" fill="{text_colour}">{escape(brand)}</text>')
    parts += [_text(lay.quote, 600, text_colour), _text(lay.byline, 400, byline_colour), "</svg>\n"]
    return "\n".join(parts)
