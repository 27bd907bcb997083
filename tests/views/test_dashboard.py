"""generator.views.dashboard: coverage of the big four, months, who talks, channels, stale accounts, tag trends.

The fixture (today 2026-11-20) has a confidential lost-customer interview on 2026-11-10
by "leadership" over email: it must show up in no count.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.views import dashboard
from generator.core.load import load_journal
from generator.core.project import read_config

from tests.support import FIXTURES, TODAY, per_module

FIXTURE = FIXTURES / "segments"


@pytest.fixture(scope=per_module)
def journal():
    journal, problems = load_journal(FIXTURE, read_config(FIXTURE), today=TODAY)
    assert not problems.errors
    return journal


def test_windows_count_back_from_today_inclusive() -> None:
    assert dashboard.in_window(TODAY, TODAY, 30)
    assert dashboard.in_window(TODAY - dt.timedelta(days=29), TODAY, 30)
    assert not dashboard.in_window(TODAY - dt.timedelta(days=30), TODAY, 30)
    assert not dashboard.in_window(TODAY + dt.timedelta(days=1), TODAY, 30)
    assert dashboard.in_window(TODAY - dt.timedelta(days=30), TODAY, 30, offset=30)


def test_coverage_counts_each_window_and_warns_about_gaps(journal) -> None:
    coverage = dashboard.coverage(journal)
    assert coverage.windows == [30, 90, 365]
    assert {r.relationship: r.counts for r in coverage.rows} == {
        "customer": [1, 1, 2], "prospect": [0, 0, 1], "lost-customer": [0, 0, 0], "competitor-customer": [0, 1, 1]}
    # One gap per relationship, for its largest empty window; the confidential lost customer does not count.
    assert [(g.relationship, g.days) for g in coverage.gaps] == [("prospect", 90), ("lost-customer", 365), ("competitor-customer", 30)]


def test_coverage_follows_the_configured_windows_and_big_four(journal) -> None:
    config = journal.config.model_copy(update={"coverage_windows": [400, 7], "big_four": ["customer", "prospect"]})
    journal2 = type(journal)(config, journal.today, journal.interviews, journal.accounts)
    coverage = dashboard.coverage(journal2)
    assert coverage.windows == [7, 400]
    assert [(r.relationship, r.counts) for r in coverage.rows] == [("customer", [0, 2]), ("prospect", [0, 1])]
    assert [(g.relationship, g.days) for g in coverage.gaps] == [("customer", 7), ("prospect", 7)]


def test_months_cover_the_whole_history_with_empty_months(journal) -> None:
    months = dashboard.months(journal)
    assert (months[0].start, months[-1].start, len(months)) == (dt.date(2025, 5, 1), dt.date(2026, 11, 1), 19)
    counted = {m.start.strftime("%Y-%m"): dict(m.counts) for m in months if m.total}
    assert counted == {"2025-05": {"prospect": 1}, "2026-02": {"customer": 1}, "2026-07": {"prospect": 1},
                       "2026-09": {"competitor-customer": 1}, "2026-11": {"customer": 1}}
    assert sum(m.total for m in months) == len(journal.interviews)


def test_who_talks_counts_each_team_once_per_conversation(journal) -> None:
    who = dashboard.who_talks(journal)
    teams = {s.name: (s.recent, s.total) for s in who.teams}
    assert teams["marketing"] == (2, 2) and teams["sales"] == (0, 1) and teams["product"] == (1, 2)
    assert teams[dashboard.NOT_GIVEN] == (0, 1)
    assert teams["leadership"] == (0, 0)  # only the confidential file had leadership
    assert (who.first_hand, who.total, who.first_hand_recent, who.recent) == (2, 5, 2, 2)


def test_channels_list_every_configured_channel(journal) -> None:
    shares = {s.name: s.total for s in dashboard.channels(journal)}
    assert list(shares)[:3] == ["call", "video-call", "on-site"]
    assert shares["email"] == 0  # the confidential file's channel
    assert sum(shares.values()) == len(journal.interviews)


def test_stale_accounts_are_those_silent_longer_than_stale_days(journal) -> None:
    assert journal.config.stale_days == 120
    assert [(s.account.slug, s.days) for s in dashboard.stale_accounts(journal)] == [("beta-freight", 142)]


def test_tag_trends_compare_the_last_90_days_with_the_90_before(journal) -> None:
    trends = dashboard.tag_trends(journal)
    assert [(t.term.label, t.recent, t.previous) for t in trends] == [("on-call", 2, 0), ("alert fatigue", 1, 0), ("pricing", 1, 0)]


def test_recent_interviews_are_newest_first_and_never_in_the_future(journal) -> None:
    recent = dashboard.recent_interviews(journal, 2)
    assert [i.rel for i in recent] == ["2026/acme-2026-11-01.md", "2026/cargo-2026-09-15.md"]
    earlier = type(journal)(journal.config, dt.date(2026, 10, 1), journal.interviews, journal.accounts)
    assert dashboard.recent_interviews(earlier, 1)[0].rel == "2026/cargo-2026-09-15.md"
