"""The dashboard's numbers: coverage of the big four, who talks to customers, channels,
stale accounts and tag trends. Pure counting over the model, each a single pass.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from ..core.model import Account, Insight, Interview, Journal
from ..core.segments import Term, segment_index
from .account import days_since, is_stale

RECENT_DAYS = 90  # window of "who talks", channels and tag trends
TOP_TAGS = 10
NOT_GIVEN = ""  # the team or channel was not written down


def in_window(date: dt.date, today: dt.date, days: int, offset: int = 0) -> bool:
    """``date`` is in the ``days`` days ending ``offset`` days before ``today`` (today included)."""
    end = today - dt.timedelta(days=offset)
    return end - dt.timedelta(days=days) < date <= end


@dataclass
class CoverageRow:
    relationship: str
    counts: list[int]  # one per window


@dataclass
class Gap:
    relationship: str
    days: int  # the largest window with no conversation


@dataclass
class BigFourCoverage:
    windows: list[int]
    rows: list[CoverageRow]
    gaps: list[Gap]


def coverage(journal: Journal) -> BigFourCoverage:
    """Conversations per big-four relationship in each window; a gap where there were none."""
    windows = sorted(set(journal.config.coverage_windows))
    big_four = journal.config.big_four
    counts = {r: [0] * len(windows) for r in big_four}
    for interview in journal.interviews:
        row = counts.get(interview.meta.relationship)
        if row is None:
            continue
        for n, days in enumerate(windows):
            if in_window(interview.date, journal.today, days):
                row[n] += 1
    rows = [CoverageRow(r, counts[r]) for r in big_four]
    gaps = []
    for row in rows:
        empty = [days for days, count in zip(windows, row.counts) if count == 0]
        if empty:
            gaps.append(Gap(row.relationship, max(empty)))
    return BigFourCoverage(windows, rows, gaps)


@dataclass
class Month:
    start: dt.date  # first day of the month
    counts: Counter  # relationship -> interviews

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def months(journal: Journal) -> list[Month]:
    """Interviews per month by relationship, every month from the first interview to today (or the last)."""
    if not journal.interviews:
        return []
    first = journal.interviews[0].date.replace(day=1)
    last = max(journal.interviews[-1].date, journal.today).replace(day=1)
    out: list[Month] = []
    index: dict[tuple[int, int], Month] = {}
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        out.append(index.setdefault((year, month), Month(dt.date(year, month, 1), Counter())))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    for interview in journal.interviews:
        index[(interview.date.year, interview.date.month)].counts[interview.meta.relationship] += 1
    return out


@dataclass
class Share:
    """A team or channel and how many conversations it had."""

    name: str  # NOT_GIVEN when not written down
    total: int
    recent: int


@dataclass
class WhoTalks:
    teams: list[Share]
    first_hand_team: str
    first_hand: int  # conversations with someone of first_hand_team
    first_hand_recent: int
    total: int
    recent: int


def _shares(names: list[str], counts: Counter, recent: Counter) -> list[Share]:
    """Configured names in order (even at zero), then any others, then 'not given' if used."""
    extra = sorted(n for n in counts if n not in names and n != NOT_GIVEN)
    rows = [Share(n, counts[n], recent[n]) for n in [*names, *extra]]
    if counts[NOT_GIVEN]:
        rows.append(Share(NOT_GIVEN, counts[NOT_GIVEN], recent[NOT_GIVEN]))
    return rows


def who_talks(journal: Journal) -> WhoTalks:
    """Conversations per team on our side (each team once per conversation), and the first-hand share."""
    first_hand_team = journal.config.first_hand_team
    counts: Counter = Counter()
    recent: Counter = Counter()
    first_hand = first_hand_recent = n_recent = 0
    for interview in journal.interviews:
        is_recent = in_window(interview.date, journal.today, RECENT_DAYS)
        n_recent += is_recent
        teams = interview.teams or [NOT_GIVEN]
        for team in teams:
            counts[team] += 1
            recent[team] += is_recent
        if first_hand_team in teams:
            first_hand += 1
            first_hand_recent += is_recent
    return WhoTalks(_shares(journal.config.teams, counts, recent), first_hand_team, first_hand, first_hand_recent,
                    len(journal.interviews), n_recent)


def channels(journal: Journal) -> list[Share]:
    counts: Counter = Counter()
    recent: Counter = Counter()
    for interview in journal.interviews:
        channel = interview.meta.channel or NOT_GIVEN
        counts[channel] += 1
        recent[channel] += in_window(interview.date, journal.today, RECENT_DAYS)
    return _shares(journal.config.channels, counts, recent)


@dataclass
class Stale:
    account: Account
    days: int  # since the last contact


def stale_accounts(journal: Journal) -> list[Stale]:
    """Accounts last heard from more than stale_days ago, the longest silence first."""
    limit = journal.config.stale_days
    out = []
    for account in journal.accounts.values():
        last = account.last_contact
        if is_stale(last, journal.today, limit):
            out.append(Stale(account, days_since(last, journal.today)))
    return sorted(out, key=lambda s: (-s.days, s.account.name.casefold(), s.account.slug))


@dataclass
class StaleInsight:
    insight: Insight
    days: int  # since the newest evidence


def stale_insights(journal: Journal) -> list[StaleInsight]:
    """Open insights (not retired) whose newest evidence is more than stale_days old, the oldest first."""
    out = [StaleInsight(i, days_since(i.newest, journal.today)) for i in journal.insights
           if i.status != "retired" and is_stale(i.newest, journal.today, journal.config.stale_days)]
    return sorted(out, key=lambda s: (-s.days, s.insight.title.casefold(), s.insight.slug))


@dataclass
class TagTrend:
    term: Term
    recent: int  # interviews in the last RECENT_DAYS
    previous: int  # interviews in the RECENT_DAYS before those


def tag_trends(journal: Journal, top: int = TOP_TAGS) -> list[TagTrend]:
    """The tags heard most in the last 90 days, with the 90 days before for comparison."""
    today = journal.today
    trends = []
    for term in segment_index(journal).terms.get("tag", []):
        recent = sum(in_window(i.date, today, RECENT_DAYS) for i in term.interviews)
        previous = sum(in_window(i.date, today, RECENT_DAYS, offset=RECENT_DAYS) for i in term.interviews)
        if recent or previous:
            trends.append(TagTrend(term, recent, previous))
    trends.sort(key=lambda t: (-t.recent, -t.previous, t.term.label.casefold(), t.term.slug))
    return trends[:top]


def recent_interviews(journal: Journal, n: int = 10) -> list[Interview]:
    """The newest conversations up to today (future-dated notes are not 'recent')."""
    past = [i for i in journal.interviews if i.date <= journal.today]
    return list(reversed(past[-n:]))
