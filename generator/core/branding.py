"""The brand on quote cards (plugin option ``cards``): a logo that is an image in the repository, a
name the card fonts can draw; and which characters those fonts have at all."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..resources import CARD_FONT, CARD_TEXT_FONT
from .model import Journal
from .problems import Problems
from .yamlfile import LINK_OUT, leaves_project

# How each raster format a card may carry begins (the file's first bytes).
RASTER_STARTS = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")
MAX_LOGO_BYTES = 5_000_000


def is_raster(head: bytes) -> bool:
    """PNG, JPEG, GIF or WebP, by the file's first bytes."""
    return head.startswith(RASTER_STARTS) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")


def check_brand(root: Path, journal: Journal, problems: Problems) -> None:
    """The ``cards`` options: the brand name and the logo."""
    check_brand_name(journal, problems)
    check_logo(root, journal, problems)


def check_logo(root: Path, journal: Journal, problems: Problems) -> None:
    """``cards.logo``: a raster image inside the project (the cards draw it; SVG or a link outside would not do)."""
    logo = journal.config.cards.logo
    problem = logo_problem(root, logo) if logo else ""
    if problem:
        problems.error("mkdocs.yml", 0, f"'{logo}' {problem}", "cards.logo")


def logo_problem(root: Path, logo: str) -> str:
    """Why the logo at ``logo`` (relative to ``root``) cannot go on a card; "" when it can."""
    path = root / logo
    if leaves_project(path, root):
        return LINK_OUT
    if not path.is_file():
        return "is not a file in the repository (paths are relative to mkdocs.yml's folder)"
    if path.stat().st_size > MAX_LOGO_BYTES:
        return f"is over {MAX_LOGO_BYTES // 1_000_000} MB; a logo of a few hundred pixels will do"
    if not is_raster(path.read_bytes()[:12]):
        return "is not a PNG, JPEG, GIF or WebP image (an SVG logo must be exported as PNG first)"
    from PIL import Image  # only for a journal with a logo

    try:
        with Image.open(path) as image:
            image.load()
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        return f"cannot be read as an image ({str(exc) or type(exc).__name__}); export it again"
    return ""


@lru_cache(maxsize=None)
def drawable() -> frozenset[str]:
    """The characters both card fonts have."""
    import uharfbuzz  # only when a card is concerned: `journal check` of a journal without a brand does not need it

    faces = (uharfbuzz.Face(path.read_bytes()) for path in (CARD_FONT, CARD_TEXT_FONT))
    return frozenset.intersection(*(frozenset(map(chr, face.unicodes)) for face in faces))


def lacking(text: str) -> str:
    """The characters of ``text`` that the card fonts cannot draw (CJK, emoji, …), each once, in order."""
    missing = set(text).difference(drawable())
    return "".join(dict.fromkeys(c for c in text if c in missing and not c.isspace())) if missing else ""


def check_brand_name(journal: Journal, problems: Problems) -> None:
    """``cards.brand_name`` is drawn on every card: the card fonts must have its characters."""
    missing = lacking(journal.config.cards.brand_name) if journal.config.cards.brand_name else ""
    if missing:
        problems.error("mkdocs.yml", 0, f"'{journal.config.cards.brand_name}' has characters the card fonts cannot draw ({missing}); write it in Latin letters", "cards.brand_name")
