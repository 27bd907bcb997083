"""Quote card images: /quotes/cards/<id>.png and .svg for every cleared quote (spec section 4).

The files come from the card cache (``cardimage.store``): a page here only names its file,
which the engines link into the site. Under `serve`, a quote's files are looked up again only
when its interview's facts changed.
"""

from __future__ import annotations

from typing import Iterator

from ...core.model import Quote
from ..cache import Cached, Family
from ..context import Site
from ..page import Page

CARD_DIR = "quotes/cards/"


def card_url(quote: Quote, suffix: str = ".png") -> str:
    return f"{CARD_DIR}{quote.id}{suffix}"


def card_files(site: Site, quote: Quote) -> list[Page]:
    card = site.card_images.card(quote)
    if card is None or card.png is None or card.svg is None:
        return []
    return [Page(card_url(quote), file=card.png), Page(card_url(quote, ".svg"), file=card.svg)]


FILES: Cached[Quote, list[Page]] = Cached("card-image", lambda q: q.id, lambda site, q: site.inputs.interview(q.interview),
                                          card_files)


def build(site: Site) -> Iterator[Page]:
    site.card_images.make_missing()  # on every core, before any page asks for a card
    for quote in site.journal.quotes:
        yield from FILES.get(site, quote)


FAMILY = Family("card-images", build)
