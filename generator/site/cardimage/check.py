"""`journal check`: a warning for each cleared quote that gets no card, and why.

It asks the cache first (what a build made) and otherwise ``layout.verdict``, which needs
no layout for all but very long quotes; it writes nothing.
"""

from __future__ import annotations

from ...core.model import Journal
from ...core.problems import Problems
from .layout import QUOTE_SIZES, TOO_LONG, verdict
from .store import CardImages

ADVICE = {
    TOO_LONG: f"too long for a card even at the smallest size ({QUOTE_SIZES[0]} px); cite a shorter part of it as a quote of its own",
}


def card_problems(journal: Journal, problems: Problems) -> None:
    cards = CardImages(journal)
    for quote in journal.quotes:
        face = cards.face(quote)
        if face is None:
            continue
        reason = cards.store.reason(face.key)
        if reason is None:
            reason = verdict(face)
        if reason:
            problems.warning(quote.interview.source, quote.line,
                             f"the quote '{quote.id}' gets no card: {ADVICE.get(reason, reason)}; the quotes library and campaign packs offer none", "quote")
