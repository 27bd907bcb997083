"""What a quote's card shows, and the content hash that names its files in the card cache."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import PIL
import uharfbuzz
from PIL import Image, ImageOps

from ...core.config import CardOptions
from ...core.branding import logo_problem
from ...core.model import Quote
from ...views.attribution import byline
from .fonts import fonts_digest

# What draws a card: its code (so any change to it makes every card again) and the libraries'
# versions. With the fonts (fonts_digest) and the face, it makes a card's key.
DRAWING_MODULES = ("face", "fonts", "layout", "colours", "png", "svg", "render")
RENDERER = hashlib.sha256(b"".join((Path(__file__).parent / f"{name}.py").read_bytes() for name in DRAWING_MODULES)
                          + f"pillow-{PIL.__version__} uharfbuzz-{uharfbuzz.__version__}".encode()).hexdigest()
LOGO_BOX = (480, 112)  # the largest logo on a card, in PNG pixels (twice the card's 240 x 56)


@dataclass(frozen=True)
class Brand:
    """Our company on every card (public and anonymous: it is ours, not the customer's)."""

    name: str
    color: str  # "#rrggbb"
    logo: bytes | None = None  # a PNG no larger than LOGO_BOX, without metadata


@dataclass(frozen=True)
class CardFace:
    """Everything that makes a card look as it does; the quote's id is only its file name."""

    text: str  # the quote as the export has it (spacing collapsed)
    byline: str  # what follows the dash: attribution.byline, the export's attribution
    brand: Brand

    @property
    def key(self) -> str:
        """The content hash: the same face, fonts and renderer make the same card."""
        digest = hashlib.sha256(repr((RENDERER, fonts_digest(), self.text, self.byline, self.brand.name,
                                      self.brand.color)).encode())
        digest.update(self.brand.logo or b"")
        return digest.hexdigest()[:40]


def card_face(quote: Quote, today: dt.date, brand: Brand) -> CardFace | None:
    """The face of ``quote``'s card; None when it gets none: not cleared today (internal,
    expired; confidential quotes are not in the model at all)."""
    if not quote.cleared_on(today):
        return None
    return CardFace(" ".join(quote.text.split()), byline(quote, today), brand)


def brand_of(options: CardOptions, root: Path | None) -> Brand:
    """The ``cards`` options as a Brand, the logo made small; without a logo that cannot be read
    (the journal's load reported it: `journal check` goes on, a build stops)."""
    logo = options.logo
    usable = root is not None and logo is not None and not logo_problem(root, logo)
    return Brand(options.brand_name, options.brand_color, small_logo((root / logo).read_bytes()) if usable else None)


def small_logo(data: bytes) -> bytes:
    """The logo scaled to fit LOGO_BOX, as a PNG without metadata (EXIF, text, colour profile)."""
    with Image.open(io.BytesIO(data)) as image:
        logo = ImageOps.contain(image.convert("RGBA"), LOGO_BOX, Image.Resampling.LANCZOS)
    clean = Image.new("RGBA", logo.size)
    clean.paste(logo)
    out = io.BytesIO()
    clean.save(out, "PNG", compress_level=9)
    return out.getvalue()
