"""The quotes library /quotes/ and its exports quotes.json / quotes.csv (issue 5, issue 18).

The library page holds the filters, the counts and the first screen of quotes as plain
HTML (readable without JavaScript), and a manifest of the data files in which every quote
is a compact record (``site/library.py``); ``quotes.js`` fetches them as filters, text
search, "Show more" or a permalink need them, and draws further cards from the records.
"""

from __future__ import annotations

import json
from typing import Iterable, Iterator

from markupsafe import Markup

from ...core.model import Quote
from ...core.slugs import normalize
from ...views.attribution import account_name, attribution, descriptor, industry_of, internal_credit, with_article
from ...views.citation import library_citation, plain_citation
from ...views.export import export_records, library_order, to_csv, to_json
from ..cache import Cached, Family
from ..context import Site
from ..library import CARD_IMAGE, PAGE, Record, State, Tag, Visit, Voice, data_files
from ..page import Page
from ..render import chip, longdate, rel_url
from .quotecards import CARD_DIR

LIBRARY = "quotes/index.md"
LIBRARY_URL = "quotes/"
CLEARANCE_FILTERS = (("public", "public"), ("anonymous", "anonymous"), ("internal", "internal"),
                     ("expired", "clearance expired"))


def clearance_key(quote: Quote, site: Site) -> str:
    """The clearance as the library shows it: an expired clearance is its own state."""
    return "expired" if quote.expired(site.today) else quote.clearance


def _link(target: str) -> str:
    return rel_url(LIBRARY_URL, target)


def _value(text: str | None) -> str:
    return normalize(text) if text else ""


def card_state(site: Site, quote: Quote) -> str:
    """``State.card``: "" for a quote that is not cleared, CARD_IMAGE, or why its card has none."""
    card = site.card_images.card(quote)
    return "" if card is None else CARD_IMAGE if card.ok else card.reason


def record(site: Site, quote: Quote) -> Record:
    """What the library needs of one quote: to filter, search, count, copy it and draw its card."""
    renderer, today = site.renderer, site.today
    interview, person, account = quote.interview, quote.speaker, quote.interview.account
    meta = interview.meta
    clearance = quote.clearance_on(today)
    text = " ".join(quote.text.split())
    copy = attribution(quote, today)  # '[label] "text" — byline': cut around the text, pasted back by quotes.js
    start = copy.index(f'"{text}"') + 1
    html = renderer.quote_html(quote)
    visit = Visit(
        account=account_name(quote), account_url=_link(account.url) if account else "", acct=account.slug if account else "",
        rel=meta.relationship, said_as=with_article(meta.relationship.replace("-", " ")), url=_link(interview.url),
        date=interview.date.isoformat(), date_label=longdate(interview.date),
        channel=(meta.channel or "").replace("-", " "), ind=_value(industry_of(quote)))
    # The library credits an anonymous quote with its descriptor: what may be pasted is what it shows.
    who = f"{descriptor(quote)} ({person.department})" if person.department else descriptor(quote)
    voice = Voice(who=who if clearance == "anonymous" else internal_credit(quote),
                  search=" ".join(p for p in (person.name, person.role, descriptor(quote)) if p),
                  per=_value(person.persona), dep=_value(person.department), tail=copy[start + len(text):])
    state = State(kind=clearance, cl=clearance_key(quote, site), badge=renderer.clearance_badge(quote, today), head=copy[:start],
                  copy_label="Copy with attribution" if quote.cleared_on(today) else "Copy (internal only)",
                  card=card_state(site, quote))
    return Record(
        id=quote.id, text=text, html=html if html != Markup("<p>{}</p>").format(text) else Markup(""),
        visit=visit, voice=voice, state=state,
        tags=tuple(Tag(chip(_link, "tag", t), normalize(t)) for t in quote.all_tags),
        notes=renderer.quote_uses(quote, _link),
        cite=library_citation(quote) if state.card else "")


def cited(record: Record) -> str:
    """The campaign YAML that "Copy citation" copies (a cleared quote's), as quotes.js writes it too."""
    return record.cite or plain_citation(record.id, record.text)


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
    # `serve` re-makes only the records of quotes whose interview changed.
    records = [RECORDS.get(site, q) for q in quotes]
    manifest, data = data_files(records, LIBRARY_URL, _link(CARD_DIR))
    card = renderer.template("partials/library_quote.html.j2")
    first = [Markup(card.render(r=r, cards=manifest["cards"], card_image=CARD_IMAGE, citation=cited(r))) for r in records[:PAGE]]
    page = renderer.page(
        LIBRARY, "pages/quotes.html.j2", title="Quotes", in_nav=True, cards=first, count=len(quotes),
        cleared=sum(q.cleared_on(site.today) for q in quotes), filters=filters(quotes, site), manifest=json.dumps(manifest, ensure_ascii=False, separators=(",", ":")),
    )
    yield page  # not in the search index: each quote is found on its interview page
    yield from data
    records_out = export_records(quotes, site.today, site.absolute)
    yield Page("quotes/quotes.json", to_json(records_out))
    yield Page("quotes/quotes.csv", to_csv(records_out))


RECORDS: Cached[Quote, Record] = Cached("quote-record", lambda q: q.id,
                                        lambda site, q: site.inputs.interview(q.interview), record)
FAMILY = Family("quotes", build)
