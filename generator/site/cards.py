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
from .cache import Cached
from .context import Site
from .render import root_link


# Quote cards a page lists (account and segment pages): the newest. Each page says how many more
# there are; the quotes library (filtered to the account or the term) and the interview pages
# hold them all. What a page weighs then stops growing with the journal.
NEWEST = 60


def _render(site: Site, quote: Quote) -> Markup:
    renderer = site.renderer
    return Markup(renderer.template("partials/quote.html.j2").render(
        q=quote, link=root_link, today=site.today, renderer=renderer, show_source=True))


def _inputs(site: Site, quote: Quote) -> tuple:
    return site.inputs.interview(quote.interview)


CARDS: Cached[Quote, Markup] = Cached("quote-card", lambda q: q.id, _inputs, _render)


def quote_card(site: Site, quote: Quote) -> Markup:
    """The card of ``quote`` with its source (account, date, all tags). Rendered once per build
    (and under `serve` kept while its interview's facts are unchanged). The quotes library draws
    its own cards from records (site/library.py)."""
    card = site.cards.get(quote.id)
    if card is None:
        card = site.cards[quote.id] = CARDS.get(site, quote)
    return card
