"""Quote cards rendered once per build and shown on every page that lists the quote.

A card links to other pages (its account, interview, tags, insights, campaigns)
relative to the page that shows it. Cards are rendered with ``root_link``: each
link is a marker plus the site path, and ``Renderer.page`` turns the marker into
the page's own ``../`` prefix (see ``relink``), so one rendering serves account,
segment and campaign pages alike, byte for byte what a per-page rendering gives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from .render import root_link

if TYPE_CHECKING:
    from ..core.model import Quote
    from .context import Site


def quote_card(site: "Site", quote: "Quote", *, library: bool = False) -> Markup:
    """The card of ``quote`` with its source (account, date, all tags); ``library`` adds the
    library's copy button and the anonymous descriptor. Rendered once per build (and under
    `serve` kept while its interview's facts are unchanged)."""
    slot = ("quote-card-library:" if library else "quote-card:") + quote.id
    card = site.cards.get(slot)
    if card is None:
        renderer = site.renderer
        card = Markup(site.reuse(slot, site.interview_key(quote.interview), lambda: renderer.template(
            "partials/quote.html.j2").render(q=quote, link=root_link, today=site.today, renderer=renderer, show_source=True,
                                    library=library)))
        if not library:  # the library's cards are shown once: not worth their memory
            site.cards[slot] = card
    return card
