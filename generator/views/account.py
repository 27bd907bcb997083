"""The whole-customer view of one account, derived from its interviews only.

Everything here reads ``account.interviews`` (already free of confidential files) and
nothing else of the journal, so building one account's view costs time proportional
to that account's interviews. Templates get these objects and only lay them out.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from ..core.frontmatter import Person
from ..core.model import Account, Interview, Quote
from ..core.slugs import normalize, slugify

NOT_GIVEN = ""  # a department or team nobody wrote down


def days_since(date: dt.date, today: dt.date) -> int:
    return (today - date).days


def is_stale(last_contact: dt.date | None, today: dt.date, stale_days: int) -> bool:
    """Stale: the last contact is more than ``stale_days`` days before today."""
    return last_contact is not None and days_since(last_contact, today) > stale_days


# --- the index row -----------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    """One account's line in /customers/ and the facts in its page header."""

    account: Account
    relationship: str
    first_contact: dt.date
    last_contact: dt.date
    days_since_contact: int
    stale: bool
    conversations: int
    people: int
    quotes: int


def summarize(account: Account, today: dt.date, stale_days: int) -> Summary:
    """The account's counts; the account must have at least one interview."""
    interviews = account.interviews
    people = {normalize(p.name) for i in interviews for p in i.meta.people}
    last = interviews[-1].date
    return Summary(
        account=account, relationship=interviews[-1].meta.relationship, first_contact=interviews[0].date,
        last_contact=last, days_since_contact=days_since(last, today), stale=is_stale(last, today, stale_days),
        conversations=len(interviews), people=len(people), quotes=sum(len(i.quotes) for i in interviews),
    )


# --- timeline and relationship transitions ------------------------------------------


@dataclass(frozen=True)
class Transition:
    """The relationship as of ``interview``; ``before`` is None at the first contact."""

    date: dt.date
    before: str | None
    after: str
    interview: Interview


@dataclass(frozen=True)
class Entry:
    """One line of the timeline: a conversation, or a change of relationship just before it."""

    date: dt.date
    interview: Interview
    transition: Transition | None = None


def transitions(interviews: list[Interview]) -> list[Transition]:
    """Where the relationship changes between consecutive conversations (oldest first)."""
    out: list[Transition] = []
    current: str | None = None
    for interview in interviews:
        relationship = interview.meta.relationship
        if relationship != current:
            out.append(Transition(interview.date, current, relationship, interview))
            current = relationship
    return out


def timeline(interviews: list[Interview], changes: list[Transition], newest_first: bool = True) -> list[Entry]:
    """Conversations with the transitions as events; a transition sits just before (in time) the
    conversation that first shows the new relationship, so it separates the two periods."""
    by_interview = {id(t.interview): t for t in changes}
    entries: list[Entry] = []
    for interview in interviews:
        change = by_interview.get(id(interview))
        if change is not None:
            entries.append(Entry(change.date, interview, change))
        entries.append(Entry(interview.date, interview))
    return entries[::-1] if newest_first else entries


# --- stakeholders ---------------------------------------------------------------------


@dataclass
class Stakeholder:
    """Someone at the account, as last described (people change roles), with how often we met."""

    key: str
    name: str
    role: str | None = None
    department: str | None = None
    persona: str | None = None
    conversations: int = 0
    first: dt.date | None = None
    last: dt.date | None = None
    quotes: int = 0
    spellings: Counter = field(default_factory=Counter, repr=False)

    def update(self, person: Person, date: dt.date) -> None:
        """Add one conversation; the name is the spelling written most often (the first on a tie)."""
        self.spellings[person.name] += 1
        self.name = max(self.spellings, key=lambda n: self.spellings[n])  # max keeps the first of equals
        self.role = person.role or self.role
        self.department = person.department or self.department
        self.persona = person.persona or self.persona
        self.conversations += 1
        self.first = self.first or date
        self.last = date


@dataclass(frozen=True)
class Department:
    name: str  # NOT_GIVEN when nobody wrote it down
    people: list[Stakeholder]


def stakeholders(interviews: list[Interview]) -> list[Department]:
    """Everyone we talked to, grouped by department (named ones A→Z, then 'not given').

    A person is the same across interviews when the name matches, case and spacing aside.
    No contact details: ``Person.contact`` is never copied.
    """
    people: dict[str, Stakeholder] = {}
    for interview in interviews:
        for person in interview.meta.people:
            key = normalize(person.name)
            people.setdefault(key, Stakeholder(key, person.name)).update(person, interview.date)
        for quote in interview.quotes:
            people[normalize(quote.speaker.name)].quotes += 1
    groups: dict[str, list[Stakeholder]] = {}
    labels: dict[str, str] = {}
    for person in people.values():
        dept_key = normalize(person.department) if person.department else NOT_GIVEN
        labels.setdefault(dept_key, person.department or NOT_GIVEN)
        groups.setdefault(dept_key, []).append(person)
    order = sorted(groups, key=lambda k: (k == NOT_GIVEN, k))
    return [Department(labels[k], sorted(groups[k], key=lambda p: (p.key, p.name))) for k in order]


# --- themes by person -----------------------------------------------------------------


@dataclass
class Cell:
    """A theme and a person: conversations with them where it came up, and what they said on it."""

    conversations: int = 0
    quotes: list[Quote] = field(default_factory=list)


@dataclass(frozen=True)
class ThemeRow:
    label: str
    cells: list[Cell | None]  # one per person of the matrix, None when it never came up with them

    @property
    def people(self) -> int:
        return sum(c is not None for c in self.cells)


@dataclass(frozen=True)
class ThemeMatrix:
    people: list[Stakeholder]  # columns, in stakeholder-map order (by department)
    departments: list[tuple[str, int]]  # (department, number of columns) for a grouped header
    rows: list[ThemeRow]


def _interview_tags(interview: Interview) -> list[str]:
    """The conversation's tags: the file's, plus its quotes' own (spec: a quote's tags add to the file's)."""
    return [*interview.meta.tags, *(t for q in interview.quotes for t in q.tags)]


def themes(interviews: list[Interview], departments: list[Department]) -> ThemeMatrix:
    """Tags against people: who was in a conversation about a theme, and who said something tagged with it.

    Terms are keyed like segment pages (by slug), labelled by the account's most used spelling.
    """
    columns = [p for d in departments for p in d.people]
    column = {p.key: n for n, p in enumerate(columns)}
    cells: dict[str, dict[int, Cell]] = {}
    spellings: dict[str, Counter] = {}
    for interview in interviews:
        tags: dict[str, str] = {}
        for tag in _interview_tags(interview):
            tags.setdefault(slugify(tag), tag)
            spellings.setdefault(slugify(tag), Counter())[tag] += 1
        for slug in tags:
            row = cells.setdefault(slug, {})
            for person in {column[normalize(p.name)] for p in interview.meta.people}:
                row.setdefault(person, Cell()).conversations += 1
        for quote in interview.quotes:
            person = column[normalize(quote.speaker.name)]
            for slug in dict.fromkeys(slugify(t) for t in quote.tags):
                cells[slug][person].quotes.append(quote)
    rows = []
    for slug, row in cells.items():
        label = min(spellings[slug].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        rows.append(ThemeRow(label, [row.get(n) for n in range(len(columns))]))
    rows.sort(key=lambda r: (-r.people, -sum(len(c.quotes) for c in r.cells if c), r.label.casefold(), r.label))
    return ThemeMatrix(columns, [(d.name, len(d.people)) for d in departments], rows)


# --- our side -------------------------------------------------------------------------


@dataclass
class Colleague:
    """Someone on our side and how often they talked to this account."""

    name: str
    team: str  # the latest team written for them; NOT_GIVEN when never written
    conversations: int = 0
    last: dt.date | None = None


@dataclass
class TeamShare:
    team: str  # NOT_GIVEN when not written down
    conversations: int = 0
    last: dt.date | None = None


@dataclass(frozen=True)
class OurSide:
    teams: list[TeamShare]  # most conversations first
    colleagues: list[Colleague]  # most conversations first
    first_hand_team: str
    first_hand: int  # conversations with someone of first_hand_team in the room
    total: int

    @property
    def second_hand(self) -> int:
        return self.total - self.first_hand

    @property
    def first_hand_percent(self) -> int:
        return round(100 * self.first_hand / self.total) if self.total else 0


def our_side(interviews: list[Interview], first_hand_team: str) -> OurSide:
    """Which of our teams talked to the account and how often (each team once per conversation)."""
    teams: dict[str, TeamShare] = {}
    colleagues: dict[str, Colleague] = {}
    first_hand = 0
    for interview in interviews:
        present = set()
        for who in interview.meta.interviewers:
            team = who.team or NOT_GIVEN
            present.add(team)
            colleague = colleagues.setdefault(normalize(who.name), Colleague(who.name, team))
            colleague.team = who.team or colleague.team
            colleague.conversations += 1
            colleague.last = interview.date
        for team in present or {NOT_GIVEN}:
            share = teams.setdefault(team, TeamShare(team))
            share.conversations += 1
            share.last = interview.date
        first_hand += first_hand_team in present
    by_count = lambda x: (-x.conversations, x.team == NOT_GIVEN, x.team)  # noqa: E731
    return OurSide(
        teams=sorted(teams.values(), key=by_count),
        colleagues=sorted(colleagues.values(), key=lambda c: (*by_count(c), normalize(c.name), c.name)),
        first_hand_team=first_hand_team, first_hand=first_hand, total=len(interviews),
    )


# --- products and competitors ---------------------------------------------------------


@dataclass
class MentionCount:
    """A product or competitor named in the account's conversations."""

    label: str
    conversations: int = 0
    last: dt.date | None = None


def mentions(interviews: list[Interview], values: str) -> list[MentionCount]:
    """How many conversations named each term of ``values`` ("products" or "competitors")."""
    found: dict[str, MentionCount] = {}
    for interview in interviews:
        for slug, label in {slugify(v): v for v in reversed(getattr(interview.meta, values))}.items():
            mention = found.setdefault(slug, MentionCount(label))
            mention.conversations += 1
            mention.last = interview.date
    return sorted(found.values(), key=lambda m: (-m.conversations, m.label.casefold(), m.label))


# --- quotes ---------------------------------------------------------------------------


def quotes_newest_first(interviews: list[Interview]) -> list[Quote]:
    """Every quote of every clearance: newest conversation first, in reading order within one."""
    return [q for i in reversed(interviews) for q in i.quotes]


def clearance_counts(quotes: Iterable[Quote], today: dt.date) -> dict[str, int]:
    """Quotes per clearance in force (expired clearances count as internal), in a fixed order."""
    counts = Counter(q.clearance_on(today) for q in quotes)
    return {c: counts[c] for c in ("public", "anonymous", "internal") if counts[c]}


# --- the whole view -------------------------------------------------------------------


@dataclass(frozen=True)
class AccountView:
    summary: Summary
    transitions: list[Transition]
    timeline: list[Entry]  # newest first
    departments: list[Department]
    themes: ThemeMatrix
    our_side: OurSide
    products: list[MentionCount]
    competitors: list[MentionCount]
    quotes: list[Quote]
    clearances: dict[str, int]

    @property
    def account(self) -> Account:
        return self.summary.account


def account_view(account: Account, today: dt.date, stale_days: int, first_hand_team: str) -> AccountView:
    """Everything the account page shows; the account must have at least one interview."""
    interviews = account.interviews
    changes = transitions(interviews)
    departments = stakeholders(interviews)
    quotes = quotes_newest_first(interviews)
    return AccountView(
        summary=summarize(account, today, stale_days), transitions=changes, timeline=timeline(interviews, changes),
        departments=departments, themes=themes(interviews, departments),
        our_side=our_side(interviews, first_hand_team), products=mentions(interviews, "products"),
        competitors=mentions(interviews, "competitors"), quotes=quotes, clearances=clearance_counts(quotes, today),
    )
