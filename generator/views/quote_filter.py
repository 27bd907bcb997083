"""Choosing cleared quotes by tag, customer, relationship and words: `journal quotes`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from ..errors import FilterError
from .attribution import attribution
from ..core.model import Journal, Quote
from ..core.problems import one_of, suggest
from ..core.slugs import normalize, slugify


@dataclass(frozen=True)
class QuoteFilter:
    tag: str | None = None
    customer: str | None = None
    relationship: str | None = None
    search: str | None = None


def _account_names(journal: Journal) -> dict[str, list[str]]:
    """slug -> every spelling of the account (name, aliases, slug, as written in interviews)."""
    names: dict[str, list[str]] = {}
    for slug, account in journal.accounts.items():
        names[slug] = [account.name, *account.aliases, slug, *(i.meta.customer for i in account.interviews)]
    return names


def _matching_accounts(journal: Journal, customer: str) -> set[str]:
    wanted = normalize(customer)
    names = _account_names(journal)
    exact = {slug for slug, spellings in names.items() if wanted in {normalize(n) for n in spellings} or slugify(customer) == slug}
    if exact:
        return exact
    partial = {slug for slug, spellings in names.items() if any(wanted in normalize(n) for n in spellings)}
    if not partial:
        raise FilterError(f"no account is called '{customer}'{suggest(customer, [a.name for a in journal.accounts.values()])}")
    return partial


def select_quotes(journal: Journal, quotes: Iterable[Quote], wanted: QuoteFilter, today: dt.date) -> list[Quote]:
    """The cleared quotes among ``quotes`` that match every given filter."""
    cleared = [q for q in quotes if q.cleared_on(today)]
    if wanted.relationship is not None:
        if wanted.relationship not in journal.config.relationships:
            raise FilterError(one_of(wanted.relationship, journal.config.relationships))
        cleared = [q for q in cleared if q.interview.meta.relationship == wanted.relationship]
    if wanted.customer is not None:
        slugs = _matching_accounts(journal, wanted.customer)
        cleared = [q for q in cleared if q.interview.account and q.interview.account.slug in slugs]
    if wanted.tag is not None:
        tag = normalize(wanted.tag)
        known = {normalize(t): t for q in journal.quotes for t in q.all_tags}
        if tag not in known:
            raise FilterError(f"no quote has the tag '{wanted.tag}'{suggest(wanted.tag, sorted(known.values()))}")
        cleared = [q for q in cleared if tag in {normalize(t) for t in q.all_tags}]
    if wanted.search:
        words = normalize(wanted.search).split()
        cleared = [q for q in cleared if all(w in _haystack(q, today) for w in words)]
    return cleared


def _haystack(quote: Quote, today: dt.date) -> str:
    """What a search looks through: only what the output shows (an anonymous quote's names are not searched)."""
    return normalize(" ".join([attribution(quote, today), *quote.all_tags]))
