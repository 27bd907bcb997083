"""One card's two files, from its face: Pillow's layout drawn as PNG and written as SVG."""

from __future__ import annotations

from .face import CardFace
from .layout import layout
from .png import png
from .svg import svg


def render(face: CardFace) -> tuple[bytes, str] | str:
    """(PNG bytes, SVG text), or why ``face`` makes no card."""
    lay = layout(face)
    if isinstance(lay, str):
        return lay
    return png(face, lay), svg(face, lay)
