"""The quotes library /quotes/ and its exports quotes.json / quotes.csv (issue 5).

The library lists every quote of the internal site as plain HTML (readable without
JavaScript) and embeds one JSON document describing them, which ``quotes.js``
filters client-side and uses for "Copy with attribution".
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator

from markupsafe import Markup

from ...views.attribution import account_name, attribution, descriptor, industry_of
from ...core.model import Quote
from ...views.export import export_records, library_order, to_csv, to_json
from ..cards import quote_card
from ..page import Page
from ..render import relink
from ..cache import Cached, Family
from ..context import Site
from ...core.slugs import normalize

LIBRARY = "quotes/index.md"
LIBRARY_URL = "quotes/"
SEARCH_HTML = ("<h1>Quotes</h1><p>The quotes library: every quote, filterable, with its clearance and "
               "a copy-with-attribution button. Cleared quotes as CSV and JSON.</p>")
CLEARANCE_FILTERS = (("public", "public"), ("anonymous", "anonymous"), ("internal", "internal"),
                     ("expired", "clearance expired"))


def clearance_key(quote: Quote, site: Site) -> str:
    """The clearance as the library shows it: an expired clearance is its own state."""
    return "expired" if quote.expired(site.today) else quote.clearance


def client_record(site: Site, quote: Quote) -> dict[str, Any]:
    """What quotes.js needs to filter and copy one quote; keys are short because there may be 20,000.

    The text is searched within ``copy`` (the attribution holds it), so it is not repeated."""
    speaker, meta = quote.speaker, quote.interview.meta
    industry = industry_of(quote)
    return {
        "id": quote.id,
        "who": " ".join(p for p in (speaker.name, speaker.role, descriptor(quote)) if p),
        "acct": quote.interview.account.slug if quote.interview.account else "",
        "account": account_name(quote),
        "rel": meta.relationship,
        "ind": normalize(industry) if industry else "",
        "per": normalize(speaker.persona) if speaker.persona else "",
        "dep": normalize(speaker.department) if speaker.department else "",
        "cl": clearance_key(quote, site),
        "date": quote.interview.date.isoformat(),
        "tags": [normalize(t) for t in quote.all_tags],
        "copy": attribution(quote, site.today),
    }


def embed_json(data: Any) -> Markup:
    """JSON for a <script type="application/json">: with every '<' escaped, no '</script>' or
    '<!--' in user text can end the element early; JSON.parse reads \\u003c back as '<'."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _options(values: Iterable[str], humanize: bool = False) -> list[tuple[str, str]]:
    """(value, label) pairs for a filter: one per term, case and spacing aside, sorted by label."""
    labels: dict[str, str] = {}
    for value in values:
        if value:
            labels.setdefault(normalize(value), value.replace("-", " ") if humanize else value)
    return sorted(labels.items(), key=lambda kv: (kv[1].casefold(), kv[0]))


def filters(quotes: list[Quote], site: Site) -> dict[str, list[tuple[str, str]]]:
    accounts = {q.interview.account.slug: q.interview.account.name for q in quotes if q.interview.account}
    relationships = {q.interview.meta.relationship for q in quotes}
    present = {clearance_key(q, site) for q in quotes}
    return {
        "tag": _options(t for q in quotes for t in q.all_tags),
        "acct": sorted(accounts.items(), key=lambda kv: (kv[1].casefold(), kv[0])),
        "rel": [(r, r.replace("-", " ")) for r in site.journal.config.relationships if r in relationships],
        "ind": _options(industry_of(q) or "" for q in quotes),
        "per": _options((q.speaker.persona or "" for q in quotes), humanize=True),
        "dep": _options(q.speaker.department or "" for q in quotes),
        "cl": [(k, label) for k, label in CLEARANCE_FILTERS if k in present],
    }


def build(site: Site) -> Iterator[Page]:
    journal, renderer = site.journal, site.renderer
    quotes = library_order(journal.quotes)
    # `serve` re-renders only the cards and records of quotes whose interview changed.
    # Made relative to the library here, card by card: the page then needs no second 45 MB copy.
    cards = [relink(quote_card(site, q, library=True), LIBRARY_URL) for q in quotes]
    client = [RECORDS.get(site, q) for q in quotes]
    cleared = sum(q.cleared_on(site.today) for q in quotes)
    page = renderer.page(
        LIBRARY, "pages/quotes.html.j2", title="Quotes", in_nav=True, cards=[Markup(c) for c in cards], count=len(quotes),
        cleared=cleared, filters=filters(quotes, site), data=embed_json(client),
    )
    # Search finds each quote on its interview page; indexing 20,000 cards again would only slow the build.
    page.search_html = SEARCH_HTML
    yield page
    records = export_records(quotes, site.today, site.absolute)
    yield Page("quotes/quotes.json", to_json(records))
    yield Page("quotes/quotes.csv", to_csv(records))


RECORDS: Cached[Quote, dict[str, Any]] = Cached("quote-record", lambda q: q.id,
                                                lambda site, q: site.inputs.interview(q.interview), client_record)
FAMILY = Family("quotes", build)
