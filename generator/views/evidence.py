"""Who is behind an insight's evidence: strength, coverage, and what an account adds.

Strength and coverage count distinct accounts, departments and relationships, so the
gaps show where to listen next (the insight pages, the account pages).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.model import Evidence, Insight, Journal, Quote
from ..core.segments import segment_index, term_slug
from .wording import either, plural


@dataclass(frozen=True)
class Strength:
    """How broad the evidence is: distinct accounts, departments and relationships behind it."""

    quotes: int
    accounts: int
    departments: int
    relationships: int


def strength(evidence: list[Evidence]) -> Strength:
    quotes = [e.quote for e in evidence if e.quote is not None]
    return Strength(
        quotes=len(quotes),
        accounts=len({q.interview.account_key for q in quotes}),
        departments=len({term_slug(q.speaker.department) for q in quotes if q.speaker.department}),
        relationships=len({q.interview.meta.relationship for q in quotes}),
    )


@dataclass
class EvidenceCoverage:
    """Who the evidence was heard from, against everyone the journal has heard from."""

    accounts: int
    relationships: list[tuple[str, int]]  # relationship at the time -> accounts, configured order
    missing_relationships: list[str]  # big-four relationships with no evidence
    missing_departments: list[str]  # departments of the journal with no evidence, by label

    @property
    def line(self) -> str:
        """'heard from 5 accounts: 3 customers, 1 lost customer, 1 prospect; nobody from Finance yet'."""
        if not self.accounts:
            return "no evidence yet"
        parts = [f"heard from {plural(self.accounts, 'account')}: "
                 + ", ".join(plural(n, r.replace("-", " ")) for r, n in self.relationships)]
        if self.missing_relationships:
            parts.append(f"no {either(r.replace('-', ' ') + 's' for r in self.missing_relationships)} yet")
        if self.missing_departments:
            parts.append(f"nobody from {either(self.missing_departments)} yet")
        return "; ".join(parts)


def coverage(insight: Insight, journal: Journal) -> EvidenceCoverage:
    """All of an insight's evidence (both stances): which relationships and departments it reaches."""
    quotes = [e.quote for e in insight.found]
    by_relationship: dict[str, set[str]] = {}
    for q in quotes:
        by_relationship.setdefault(q.interview.meta.relationship, set()).add(q.interview.account_key)
    order = {r: n for n, r in enumerate(journal.config.relationships)}
    relationships = sorted(((r, len(a)) for r, a in by_relationship.items()), key=lambda ra: (order.get(ra[0], len(order)), ra[0]))
    heard = {term_slug(q.speaker.department) for q in quotes if q.speaker.department}
    departments = segment_index(journal).terms.get("department", [])
    return EvidenceCoverage(
        accounts=len({q.interview.account_key for q in quotes}),
        relationships=relationships,
        missing_relationships=[r for r in journal.config.big_four if r not in by_relationship],
        missing_departments=sorted((t.label for t in departments if t.slug not in heard), key=str.casefold),
    )


@dataclass
class Contribution:
    """What some quotes (an account's) add to one insight."""

    insight: Insight
    supports: int = 0
    contradicts: int = 0


def contributions(quotes: list[Quote]) -> list[Contribution]:
    """The insights ``quotes`` are evidence for, by title, with how many support or contradict each."""
    found: dict[str, Contribution] = {}
    for quote in quotes:
        for evidence in quote.evidence_for:
            entry = found.setdefault(evidence.insight.slug, Contribution(evidence.insight))
            if evidence.supports:
                entry.supports += 1
            else:
                entry.contradicts += 1
    return sorted(found.values(), key=lambda c: (c.insight.title.casefold(), c.insight.slug))
