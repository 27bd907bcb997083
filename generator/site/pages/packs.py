"""Campaign packs: /campaigns/<slug>/<slug>.zip, the cards of the quotes a campaign cites and
their quotes.csv (spec section 4); and what the campaign page says about its pack."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from ...core.model import Campaign, Quote
from ..cache import Cached, Family
from ..cardimage.pack import pack_members, pack_path, zip_bytes
from ..context import Site
from ..page import Page
from .quotecards import card_url


def _pack(site: Site, campaign: Campaign) -> Page:
    return Page(pack_path(campaign), data=zip_bytes(pack_members(site.card_images, campaign, site.absolute)))


def _inputs(site: Site, campaign: Campaign) -> tuple:
    """The cited quotes' interviews (the campaign file itself is in the build's fingerprint)."""
    return tuple(site.inputs.interview(q.interview) for q in campaign.quotes)


PACKS: Cached[Campaign, Page] = Cached("campaign-pack", lambda c: c.slug, _inputs, _pack)


def build(site: Site) -> Iterator[Page]:
    for campaign in site.journal.campaigns:
        yield PACKS.get(site, campaign)


@dataclass
class PackSummary:
    """What the campaign page says about its pack (clearances ending soon: views.outward)."""

    url: str  # the zip's site URL
    with_card: set[str] = field(default_factory=set)  # ids of the cited quotes the pack holds a card of
    without_card: list[tuple[Quote, str]] = field(default_factory=list)  # cited quotes with no card, and why

    @property
    def cards(self) -> int:
        """How many cards the pack holds."""
        return len(self.with_card)

    def card_png(self, quote: Quote) -> str:
        """The site path of ``quote``'s card image, or "" when it has none."""
        return card_url(quote) if quote.id in self.with_card else ""


def summary(site: Site, campaign: Campaign) -> PackSummary:
    quotes = list(dict.fromkeys(campaign.quotes))
    cards = {q.id: site.card_images.card(q) for q in quotes}
    return PackSummary(
        url=pack_path(campaign), with_card={q.id for q in quotes if (c := cards[q.id]) is not None and c.ok},
        without_card=[(q, c.reason) for q in quotes if (c := cards[q.id]) is not None and not c.ok])


FAMILY = Family("packs", build)
