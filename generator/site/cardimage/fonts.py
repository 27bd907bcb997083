"""The card fonts (templates/fonts) as Pillow fonts, and their advance widths.

Pillow lays text out with its BASIC engine: the other one (RAQM) depends on the system's
libfribidi, which would give other line breaks on other machines.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

from ...core.branding import drawable
from ...resources import CARD_FONT, CARD_TEXT_FONT

FAMILY = "Inter Card"
LAYOUT = ImageFont.Layout.BASIC


@lru_cache(maxsize=None)
def font(path: Path, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), px, layout_engine=LAYOUT)


@lru_cache(maxsize=None)
def font_bytes(path: Path) -> bytes:
    return path.read_bytes()


@lru_cache(maxsize=None)
def fonts_digest() -> str:
    """Of both font files: a card made with other fonts is another card."""
    return hashlib.sha256(font_bytes(CARD_FONT) + font_bytes(CARD_TEXT_FONT)).hexdigest()


class Metrics:
    """Widths of one font at one size, for bounds that need no layout: each character's advance
    (a line is as wide as the sum of its advances, BASIC layout has no kerning), how far ink may
    reach past an advance, and how low it may reach below a line's top."""

    def __init__(self, path: Path, px: int, characters: str):
        f = font(path, px)
        self.advance = {c: f.getlength(c) for c in characters}
        self.widest = max(self.advance.values())
        self.overhang = max(f.getbbox(c)[2] - self.advance[c] for c in characters)
        self.bottom = max(f.getbbox(c)[3] for c in characters)

    def width(self, text: str) -> float:
        return sum(map(self.advance.__getitem__, text))


@lru_cache(maxsize=None)
def metrics(path: Path, px: int) -> Metrics:
    return Metrics(path, px, "".join(sorted(drawable())))
