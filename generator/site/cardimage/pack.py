"""A campaign's pack: the PNG cards of the quotes it cites and a quotes.csv of them, as one zip.

The zip is the same, byte for byte, for the same journal: entries sorted by name, a fixed
timestamp and permissions, nothing compressed (PNGs are compressed already, and a deflated
CSV would depend on the zlib at hand).
"""

from __future__ import annotations

import io
import zipfile

from ...core.model import Campaign
from ...views.export import PACK_FIELDS, Absolute, pack_record, to_csv
from .store import CardImages

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say


def pack_path(campaign: Campaign) -> str:
    """Its docs path (spec section 4): /campaigns/<slug>/<slug>.zip."""
    return f"campaigns/{campaign.slug}/{campaign.slug}.zip"


def pack_members(cards: CardImages, campaign: Campaign, absolute: Absolute) -> dict[str, bytes]:
    """The pack's files by their path in it: ``<slug>/quotes.csv`` and ``<slug>/cards/<id>.png``.

    The CSV lists the cited quotes in the campaign's order; a quote without a card says why
    in the ``card`` column."""
    today = cards.journal.today
    members: dict[str, bytes] = {}
    records = []
    for quote in dict.fromkeys(campaign.quotes):
        card = cards.card(quote)
        if card is None:  # no longer cleared: the build has failed already
            continue
        name = f"cards/{quote.id}.png"
        if card.png is not None:
            members[f"{campaign.slug}/{name}"] = card.png.read_bytes()
        records.append(pack_record(quote, today, absolute, name if card.ok else f"no card: {card.reason}"))
    members[f"{campaign.slug}/quotes.csv"] = to_csv(records, PACK_FIELDS).encode("utf-8")
    return members


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """``members`` as a zip that is the same whenever they are."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.create_system = 3  # unix, whatever the machine
            info.external_attr = 0o644 << 16
            archive.writestr(info, members[name])
    return out.getvalue()
