"""Account pages: /customers/ and /customers/<account-slug>/ (issue 4).

Accounts with no visible interview (only in accounts.yml, or only in confidential
files) get no row and no page: confidential interviews contribute nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from markupsafe import Markup, escape

from ..cards import NEWEST, quote_card
from ...core.model import Account
from ..page import Page, Searchable
from ..render import longdate
from ..cache import Cached, Family
from ..context import Site
from ...views.account import account_view, summarize
from ...views.evidence import contributions
from ...views.wording import plural

INDEX = "customers.md"  # not customers/index.md: that would make a nav section holding one page


def time_tag(date: dt.date) -> Markup:
    """A <time> element showing the date as every page does (a Python helper: a Jinja2 macro per date is slow)."""
    return Markup('<time datetime="{}">{}</time>').format(date.isoformat(), longdate(date))


def build(site: Site) -> Iterator[Page]:
    journal, renderer = site.journal, site.renderer
    config = journal.config
    accounts = [a for a in journal.accounts.values() if a.interviews]
    summaries = [summarize(a, site.today, config.stale_days) for a in accounts]
    relationships = [r for r in config.relationships if any(s.relationship == r for s in summaries)]
    yield renderer.page(INDEX, "pages/customers.html.j2", title="Customers", in_nav=True, summaries=summaries,
                        relationships=relationships, stale_days=config.stale_days, today=site.today, plural=plural)
    for account in accounts:
        yield PAGES.get(site, account)


def account_page(site: Site, account: Account) -> Page:
    renderer, config = site.renderer, site.journal.config
    view = account_view(account, site.today, config.stale_days, config.first_hand_team)
    # customers/<slug>/index.md, so an account named "Index" cannot take the index page's place.
    page = renderer.page(account.url + "index.md", "pages/customer.html.j2", title=account.name, v=view,
                         stale_days=config.stale_days, today=site.today, renderer=renderer,
                         account_fields=config.all_account_fields, plural=plural,
                         when=time_tag, insights=contributions(account.quotes),
                         cards={q.id: quote_card(site, q) for q in view.quotes[:NEWEST]})
    page.search_html = search_html(account)
    relationship = account.relationship.replace("-", " ")
    page.search = Searchable(meta={"title": account.name, "account": account.name, "relationship": relationship},
                             filters={"relationship": [relationship], "account": [account.name]})
    return page


def search_html(account: Account) -> str:
    """What search reads for an account: its names, attributes and people (the notes are on interview pages)."""
    people = sorted({", ".join(filter(None, (p.name, p.role, p.department))) for i in account.interviews for p in i.meta.people})
    facts = " · ".join([*account.aliases, *account.attributes.values(), account.relationship])
    return f"<h1>{escape(account.name)}</h1><p>{escape(facts)}</p><p>{escape('; '.join(people))}</p>"


# An account page derives from its own interviews only: its cost is linear in them.
PAGES: Cached[Account, Page] = Cached("customers", lambda a: a.slug,
                                      lambda site, a: tuple(site.inputs.interview(i) for i in a.interviews), account_page)
FAMILY = Family("customers", build)
