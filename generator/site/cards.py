"""Quote cards rendered once per build and shown on every page that lists the quote.

A card links to other pages (its account, interview, tags, insights, campaigns)
relative to the page that shows it. Cards are rendered with ``root_link``: each
link is a marker plus the site path, and ``Renderer.page`` turns the marker into
the page's own ``../`` prefix (see ``relink``), so one rendering serves account,
segment and campaign pages alike, byte for byte what a per-page rendering gives.
"""

from __future__ import annotations

from markupsafe import Markup

from ..core.model import Quote
from ..views.citation import citation
from .cache import Cached
from .context import Site
from .render import root_link


def _render(site: Site, quote: Quote, *, library: bool) -> Markup:
    renderer = site.renderer
    return Markup(renderer.template("partials/quote.html.j2").render(
        q=quote, link=root_link, today=site.today, renderer=renderer, show_source=True, library=library,
        card_images=site.card_images, citation=citation))


def _inputs(site: Site, quote: Quote) -> tuple:
    return site.inputs.interview(quote.interview)


CARDS: Cached[Quote, Markup] = Cached("quote-card", lambda q: q.id, _inputs, lambda site, q: _render(site, q, library=False))
LIBRARY_CARDS: Cached[Quote, Markup] = Cached("quote-card-library", lambda q: q.id, _inputs,
                                              lambda site, q: _render(site, q, library=True))


def quote_card(site: Site, quote: Quote, *, library: bool = False) -> Markup:
    """The card of ``quote`` with its source (account, date, all tags); ``library`` adds the
    library's copy button and the anonymous descriptor. Rendered once per build (and under
    `serve` kept while its interview's facts are unchanged)."""
    if library:  # the library's cards are shown once: not worth keeping for other pages
        return LIBRARY_CARDS.get(site, quote)
    card = site.cards.get(quote.id)
    if card is None:
        card = site.cards[quote.id] = CARDS.get(site, quote)
    return card
