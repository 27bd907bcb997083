"""Segment indexes: every term of every taxonomy, indexed once, and spelling checks.

A *term* is one value of a taxonomy (the tag "alert fatigue", the industry
"Logistics"). Terms are keyed by their slug, so spellings that differ only in
case, spacing or punctuation are one term with one page; the page shows the
most common spelling and `journal check` warns about the others.

Pure: reads the model only. Confidential interviews never enter the model, so
they are in no term and no count.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

from .config import BUILTIN_ACCOUNT_FIELDS, JournalConfig
from .model import Account, Interview, Journal, Quote
from .problems import Problems
from .slugs import slugify
from .taxonomy import TAXONOMIES, segment_url
from .yamlfile import field_path

# Closed lists and persona codes read better as words: "lost-customer" -> "lost customer".
HUMANIZED = frozenset({"relationship", "channel", "team", "persona"})
# For these, a term page also lists which accounts and departments raised it.
RAISED_BY = ("tag", "competitor")
# Taxonomies of a person rather than of the conversation: a quote is in the speaker's.
PERSON_TAXONOMIES = ("persona", "department")
LABELS = {"team": "Our team", "size": "Company size"}


def taxonomy_names(config: JournalConfig) -> list[str]:
    """Built-in taxonomies, then configured account fields and front-matter lists."""
    names = list(TAXONOMIES)
    for name in [*config.account_fields, *config.taxonomies]:
        if name not in names:
            names.append(name)
    return names


def taxonomy_label(name: str) -> str:
    return LABELS.get(name) or name.replace("_", " ").replace("-", " ").capitalize()


def term_label(taxonomy: str, spelling: str) -> str:
    return spelling.replace("-", " ") if taxonomy in HUMANIZED else spelling


@dataclass(frozen=True)
class Mention:
    """One place a term is written: for spelling checks and spelling counts."""

    taxonomy: str
    term: str
    source: str
    line: int
    key: tuple  # the field's path in the front-matter, e.g. ("people", 0, "persona")
    quote: Quote | None = None

    @property
    def field(self) -> str:
        return "quote" if self.quote is not None else field_path(self.key)


def interview_terms(interview: Interview, config: JournalConfig) -> Iterator[tuple[str, str, tuple, Quote | None]]:
    """(taxonomy, term as written, field key, quote) of every term an interview file writes,
    account fields excluded; cheap: no line look-ups, no tidying."""
    m = interview.meta
    yield "relationship", m.relationship, ("relationship",), None
    yield "channel", m.channel, ("channel",), None
    for n, person in enumerate(m.people):
        yield "persona", person.persona, ("people", n, "persona"), None
        yield "department", person.department, ("people", n, "department"), None
    for n, who in enumerate(m.interviewers):
        yield "team", who.team, ("interviewers", n, "team"), None
    for taxonomy, key, values in (("product", "products", m.products), ("competitor", "competitors", m.competitors),
                                  ("tag", "tags", m.tags)):
        for n, value in enumerate(values):
            yield taxonomy, value, (key, n), None
    for name in config.taxonomies:
        for n, value in enumerate(interview.extra.get(name) or ()):
            yield name, value, (name, n), None
    for q in interview.quotes:
        for tag in q.tags:
            yield "tag", tag, ("quote",), q


def interview_mentions(interview: Interview, config: JournalConfig) -> Iterator[Mention]:
    """Every term an interview file writes, with its line (account fields excluded)."""
    for taxonomy, term, key, quote in interview_terms(interview, config):
        if term:
            yield _located(interview, taxonomy, term, key, quote)


def _located(interview: Interview, taxonomy: str, term: str, key: tuple, quote: Quote | None) -> Mention:
    line = quote.line if quote is not None else interview.line_of(*key)
    return Mention(taxonomy, _tidy(term), interview.source, line, key, quote)


def account_mentions(account: Account, config: JournalConfig) -> Iterator[Mention]:
    """An account's attributes (industry, size, region, configured fields), where they were set."""
    for name in config.all_account_fields:
        value = account.attributes.get(name)
        if value:
            where = account.attribute_sources.get(name, "")
            source, _, line = where.rpartition(":")
            yield Mention(name, _tidy(value), source or where, int(line) if line.isdigit() else 0, (name,))


def _tidy(term: str) -> str:
    """Runs of spaces are invisible on a page: they never make a spelling of their own."""
    return " ".join(term.split())


@lru_cache(maxsize=65536)
def term_slug(term: str) -> str:
    """slugify, memoised: the same few terms recur in thousands of interviews."""
    return slugify(term)



@dataclass(eq=False)
class Term:
    """One term of a taxonomy and everything in its segment."""

    taxonomy: str
    slug: str
    spellings: Counter = field(default_factory=Counter)  # spelling -> mentions
    interviews: list[Interview] = field(default_factory=list)  # newest first
    quotes: list[Quote] = field(default_factory=list)  # newest interview first, then document order
    account_counts: Counter = field(default_factory=Counter)  # account slug -> interviews in the segment
    department_counts: Counter = field(default_factory=Counter)  # RAISED_BY only: department -> interviews
    accounts_by_slug: dict[str, Account] = field(default_factory=dict, repr=False)

    @property
    def spelling(self) -> str:
        """The most common spelling (ties: the first in sort order, for stable output)."""
        return min(self.spellings.items(), key=lambda kv: (-kv[1], kv[0]))[0]

    @property
    def label(self) -> str:
        return term_label(self.taxonomy, self.spelling)

    @property
    def url(self) -> str:
        return segment_url(self.taxonomy, self.spelling)

    @property
    def page_path(self) -> str:
        """segments/tag/x/index.md: also right for a term whose slug is "index"."""
        return self.url + "index.md"

    @property
    def accounts(self) -> list[tuple[Account, int]]:
        """Accounts in the segment with their interview counts, most first."""
        return [(self.accounts_by_slug[s], n) for s, n in
                sorted(self.account_counts.items(), key=lambda kv: (-kv[1], self.accounts_by_slug[kv[0]].name.casefold(), kv[0]))]

    @property
    def departments(self) -> list[tuple[str, int]]:
        return sorted(self.department_counts.items(), key=lambda kv: (-kv[1], kv[0].casefold(), kv[0]))


@dataclass
class SegmentIndex:
    """Terms of every taxonomy, in the overview's order."""

    taxonomies: list[str]
    terms: dict[str, list[Term]]  # taxonomy -> terms, most interviews first
    by_slug: dict[tuple[str, str], Term]

    def term(self, taxonomy: str, value: str) -> Term | None:
        return self.by_slug.get((taxonomy, term_slug(value)))

    def all_terms(self) -> Iterator[Term]:
        for name in self.taxonomies:
            yield from self.terms[name]


def segment_index(journal: Journal) -> SegmentIndex:
    """The index of ``journal``, built once and kept on it (the dashboard and pages share it)."""
    cached = journal.__dict__.get("_segment_index")
    if cached is None:
        cached = journal.__dict__["_segment_index"] = build_index(journal)
    return cached


def build_index(journal: Journal) -> SegmentIndex:
    """Index every term once: O(mentions), never a scan per term."""
    config = journal.config
    names = taxonomy_names(config)
    by_slug: dict[tuple[str, str], Term] = {}

    def term_of(taxonomy: str, value: str) -> Term:
        key = (taxonomy, term_slug(value))
        term = by_slug.get(key)
        if term is None:
            term = by_slug[key] = Term(taxonomy, key[1])
        return term

    account_terms: dict[str, list[Term]] = {}
    for account in journal.accounts.values():
        if not account.interviews:
            continue  # declared in accounts.yml only: nothing was heard from it
        account_terms[account.slug] = terms = []
        for mention in account_mentions(account, config):
            term = term_of(mention.taxonomy, mention.term)
            term.spellings[mention.term] += 1
            terms.append(term)

    for interview in reversed(journal.interviews):  # newest first
        account = interview.account
        own: dict[Term, None] = {}  # the interview's terms, in first-mention order
        quote_own: dict[Quote, dict[Term, None]] = {q: {} for q in interview.quotes}
        front_tags: set[Term] = set()
        for mention in interview_mentions(interview, config):
            term = term_of(mention.taxonomy, mention.term)
            term.spellings[mention.term] += 1
            own[term] = None
            if mention.quote is not None:
                quote_own[mention.quote][term] = None
            elif mention.taxonomy == "tag":
                front_tags.add(term)
        if account is None:  # not reachable after a clean load; keep the built-in attributes anyway
            for name in BUILTIN_ACCOUNT_FIELDS:
                value = getattr(interview.meta, name)
                if value:
                    term = term_of(name, value)
                    term.spellings[_tidy(value)] += 1
                    own[term] = None
        else:
            own.update(dict.fromkeys(account_terms.get(account.slug, ())))

        departments = {p.department for p in interview.meta.people if p.department}
        for term in own:
            term.interviews.append(interview)
            if account is not None:
                term.account_counts[account.slug] += 1
                term.accounts_by_slug[account.slug] = account
            if term.taxonomy in RAISED_BY:
                raisers = departments if term.taxonomy != "tag" or term in front_tags else {
                    q.speaker.department for q, ts in quote_own.items() if term in ts and q.speaker.department}
                for department in raisers:
                    term.department_counts[department] += 1

        conversation = [t for t in own if t.taxonomy not in PERSON_TAXONOMIES and t.taxonomy != "tag"]
        for q in interview.quotes:
            speaker = q.speaker
            person = [term_of(tax, value) for tax, value in (("persona", speaker.persona), ("department", speaker.department)) if value]
            # A quote carries its own tags and, like its clearance, the file's.
            for term in dict.fromkeys([*conversation, *person, *front_tags, *quote_own[q]]):
                term.quotes.append(q)

    terms: dict[str, list[Term]] = {name: [] for name in names}
    for (taxonomy, _), term in by_slug.items():
        terms.setdefault(taxonomy, []).append(term)
    for taxonomy in list(terms):
        if taxonomy not in names:
            names.append(taxonomy)
        terms[taxonomy].sort(key=lambda t: (-len(t.interviews), t.label.casefold(), t.slug))
    return SegmentIndex(names, terms, by_slug)


MAX_FILES_LISTED = 3


def check_spellings(journal: Journal, problems: Problems) -> None:
    """Warn once per term written in more than one way, at one file, naming the others."""
    config = journal.config
    accounts = [a for a in journal.accounts.values() if a.interviews]
    # Few terms have several spellings: find them first, then locate only their mentions.
    group_of: dict[tuple[str, str], tuple[str, str]] = {}  # (taxonomy, as written) -> (taxonomy, slug)
    spellings_of: dict[tuple[str, str], set[str]] = {}
    written = itertools.chain(((m.taxonomy, m.term) for a in accounts for m in account_mentions(a, config)),
                              ((t, term) for i in journal.interviews for t, term, _, _ in interview_terms(i, config)))
    for taxonomy, term in written:
        if term and (taxonomy, term) not in group_of:
            tidy = _tidy(term)
            group = group_of[taxonomy, term] = (taxonomy, term_slug(tidy))
            spellings_of.setdefault(group, set()).add(tidy)
    mixed = {raw: group for raw, group in group_of.items() if len(spellings_of[group]) > 1}
    if not mixed:
        return
    groups: dict[tuple[str, str], dict[str, list[Mention]]] = {}

    def add(m: Mention, group: tuple[str, str]) -> None:
        groups.setdefault(group, {}).setdefault(m.term, []).append(m)

    for account in accounts:
        for m in account_mentions(account, config):
            if (m.taxonomy, m.term) in mixed:
                add(m, mixed[m.taxonomy, m.term])
    for interview in journal.interviews:
        for taxonomy, term, key, quote in interview_terms(interview, config):
            if (taxonomy, term) in mixed:
                add(_located(interview, taxonomy, term, key, quote), mixed[taxonomy, term])
    for (taxonomy, _), spellings in sorted(groups.items()):
        ranked = sorted(spellings, key=lambda s: (-len(spellings[s]), s))
        at = min((m for s in ranked[1:] for m in spellings[s]), key=lambda m: (m.source, m.line))
        variants = "; ".join(f"'{s}' in {_files(spellings[s])}" for s in ranked)
        related = sorted({m.source for ms in spellings.values() for m in ms} - {at.source})
        problems.warning(at.source, at.line,
                         f"the {taxonomy_label(taxonomy).lower()} '{at.term}' is spelled in {len(ranked)} ways ({variants}); "
                         f"they count as one, shown as '{ranked[0]}': use one spelling", at.field, related=related)


def _files(mentions: list[Mention]) -> str:
    files = sorted({m.source for m in mentions})
    shown = ", ".join(files[:MAX_FILES_LISTED])
    return shown + (f" and {len(files) - MAX_FILES_LISTED} more" if len(files) > MAX_FILES_LISTED else "")
