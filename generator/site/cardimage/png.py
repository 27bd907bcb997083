"""A card as PNG: drawn by Pillow at twice the card's size, with nothing in it but the image."""

from __future__ import annotations

import io
import struct

from PIL import Image, ImageDraw

from ...resources import CARD_FONT
from .colours import colours
from .face import CardFace
from .fonts import font
from .layout import BRAND_SIZE, SCALE, H, W, Layout

# The chunks a PNG needs; anything else (text, time, EXIF, colour profile) is left out.
CRITICAL = (b"IHDR", b"PLTE", b"IDAT", b"IEND")


def png(face: CardFace, lay: Layout) -> bytes:
    """The card's PNG: 256 colours (antialiased text on one background needs no more), no metadata."""
    text_colour, byline_colour = colours(face.brand.color)
    image = Image.new("RGB", (W * SCALE, H * SCALE), face.brand.color)
    draw = ImageDraw.Draw(image)
    if face.brand.logo is not None and lay.brand.logo is not None:
        with Image.open(io.BytesIO(face.brand.logo)) as logo:
            image.paste(logo, lay.brand.logo[:2], logo)
    if face.brand.name:
        draw.text((lay.brand.name_x, lay.brand.baseline), face.brand.name, font=font(CARD_FONT, BRAND_SIZE * SCALE),
                  fill=text_colour, anchor="ls")
    draw.text((lay.quote.x, lay.quote.y), lay.quote.text, fill=text_colour)
    draw.text((lay.byline.x, lay.byline.y), lay.byline.text, fill=byline_colour)
    out = io.BytesIO()
    image.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(out, "PNG", compress_level=6)
    return critical_only(out.getvalue())


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """A PNG's chunks as (type, the whole chunk: length, type, data and CRC)."""
    found, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        found.append((data[at + 4 : at + 8], data[at : at + 12 + length]))
        at += 12 + length
    return found


def critical_only(data: bytes) -> bytes:
    """``data`` with only the CRITICAL chunks, whatever a Pillow version may add."""
    return data[:8] + b"".join(chunk for kind, chunk in chunks(data) if kind in CRITICAL)
