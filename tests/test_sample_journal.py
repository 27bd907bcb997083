"""The sample journal in interviews/ is what README serves: it must show every feature of the site."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from generator.core.config import BIG_FOUR
from generator.core.load import load_journal
from generator.core.frontmatter import CLEARANCES
from generator.core.model import Journal
from generator.core.project import read_config
from generator.views.account import transitions

from tests.support import REPO, TODAY


@pytest.fixture(scope="module")
def journal() -> Journal:
    journal, problems = load_journal(REPO, read_config(REPO), today=TODAY)
    assert not list(problems), [p.format() for p in problems]  # not even a warning
    return journal


def test_at_least_16_interviews_over_at_least_12_months(journal: Journal) -> None:
    assert len(journal.interviews) >= 16
    first, last = journal.interviews[0].date, journal.interviews[-1].date
    assert (last - first).days >= 365, (first, last)


def test_at_least_6_accounts_covering_the_big_four(journal: Journal) -> None:
    accounts = [a for a in journal.accounts.values() if a.interviews]
    assert len(accounts) >= 6
    assert {a.relationship for a in accounts} >= set(BIG_FOUR)


def test_at_least_3_accounts_where_departments_disagree(journal: Journal) -> None:
    """Disagreement shows as one theme quoted by people of two or more departments of the account."""
    disagreeing = []
    for account in journal.accounts.values():
        departments_by_tag: dict[str, set[str]] = defaultdict(set)
        for quote in account.quotes:
            for tag in quote.tags:
                departments_by_tag[tag].add(quote.speaker.department or "")
        if any(len(d - {""}) >= 2 for d in departments_by_tag.values()):
            disagreeing.append(account.slug)
    assert len(disagreeing) >= 3, disagreeing


def test_one_account_went_prospect_customer_lost(journal: Journal) -> None:
    paths = {slug: [t.after for t in transitions(a.interviews)] for slug, a in journal.accounts.items()}
    assert any(p[:3] == ["prospect", "customer", "lost-customer"] for p in paths.values()), paths


def test_every_clearance_several_channels_and_teams(journal: Journal) -> None:
    assert {q.clearance for q in journal.quotes} == set(CLEARANCES)
    assert len({i.meta.channel for i in journal.interviews} - {None}) >= 4
    assert len({w.team for i in journal.interviews for w in i.meta.interviewers} - {None}) >= 3


def test_exactly_one_confidential_interview_and_contact_fields(journal: Journal) -> None:
    assert journal.confidential_sources == {"interviews/2026/2026-07-09-kestrel-cold-chain.md"}
    with_contacts = [p for p in (REPO / "interviews").rglob("*.md") if re.search(r"^\s+contact:", p.read_text(), re.M)]
    assert len(with_contacts) >= 10
    assert sum(1 for i in journal.interviews for p in i.meta.people if p.contact) >= 10
