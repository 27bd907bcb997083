"""generator.views.account: the derived data of account pages.

Data-driven: each case of tests/cases/customers/ is a small journal and its
expected.json holds every account's derived data. To review a change, run with
UPDATE_EXPECTED=1, then read the diff of expected.json before committing it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest

from generator.core.config import JournalConfig
from generator.core.interviews import parse_interview
from generator.core.load import load_journal
from generator.core.model import Account, Interview
from generator.core.project import read_config
from generator.views.account import AccountView, account_view, is_stale, summarize, themes, stakeholders, timeline, transitions

from tests import cases
from tests.support import TODAY

CASES = cases.params("customers")


def _date(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def view_data(v: AccountView) -> dict[str, Any]:
    """An account view as plain JSON: interviews by file, quotes by id."""
    s = v.summary
    return {
        "name": v.account.name,
        "relationship": s.relationship,
        "first_contact": _date(s.first_contact),
        "last_contact": _date(s.last_contact),
        "days_since_contact": s.days_since_contact,
        "stale": s.stale,
        "counts": {"conversations": s.conversations, "people": s.people, "quotes": s.quotes},
        "attributes": v.account.attributes,
        "transitions": [f"{t.date} {t.before or '(first contact)'} -> {t.after}" for t in v.transitions],
        "timeline": [f"{e.date} " + (f"-> {e.transition.after}" if e.transition else e.interview.rel) for e in v.timeline],
        "departments": {
            d.name or "(not given)": [
                f"{p.name} | {p.role} | {p.persona} | {p.conversations}x {p.first}..{p.last} | {p.quotes} quotes"
                for p in d.people
            ]
            for d in v.departments
        },
        "themes": {
            "people": [p.name for p in v.themes.people],
            "rows": {
                r.label: [None if c is None else [c.conversations, [q.id for q in c.quotes]] for c in r.cells]
                for r in v.themes.rows
            },
        },
        "our_side": {
            "teams": [f"{t.team or '(not given)'} {t.conversations}x last {t.last}" for t in v.our_side.teams],
            "colleagues": [f"{c.name} ({c.team or 'not given'}) {c.conversations}x" for c in v.our_side.colleagues],
            "first_hand": f"{v.our_side.first_hand} of {v.our_side.total} ({v.our_side.first_hand_percent}%)",
        },
        "products": [f"{m.label} {m.conversations}x last {m.last}" for m in v.products],
        "competitors": [f"{m.label} {m.conversations}x last {m.last}" for m in v.competitors],
        "quotes": [f"{q.id} {q.clearance_on(TODAY)}" for q in v.quotes],
        "clearances": v.clearances,
    }


def case_data(root: Path) -> dict[str, Any]:
    config = read_config(root)
    journal, problems = load_journal(root, config, today=TODAY)
    assert not problems.errors, [p.format() for p in problems.errors]
    return {
        slug: view_data(account_view(a, journal.today, config.stale_days, config.first_hand_team))
        for slug, a in journal.accounts.items() if a.interviews
    }


@pytest.mark.parametrize("case", CASES)
def test_customers_case(case: Path, tmp_path: Path) -> None:
    got = case_data(cases.project(case, tmp_path))
    if os.environ.get("UPDATE_EXPECTED"):
        (case / "expected.json").write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == cases.expected_json(case)


# --- focused unit tests ---------------------------------------------------------------

HEAD = "---\ndate: {date}\ncustomer: Acme\nrelationship: {rel}\npeople: [{{name: Jane Doe}}]\n---\nNotes.\n"


def interview(date: str, rel: str, name: str) -> Interview:
    parsed = parse_interview(f"interviews/{name}", name, HEAD.format(date=date, rel=rel), JournalConfig(), TODAY)
    assert parsed.interview, parsed.problems
    return parsed.interview


def test_stale_means_more_than_stale_days_before_today() -> None:
    assert not is_stale(TODAY - dt.timedelta(days=30), TODAY, 30)
    assert is_stale(TODAY - dt.timedelta(days=31), TODAY, 30)
    assert not is_stale(TODAY + dt.timedelta(days=3), TODAY, 30)  # a future-dated note is not stale
    assert not is_stale(None, TODAY, 30)


def test_transitions_mark_every_change_including_a_win_back() -> None:
    history = [interview("2026-01-01", "prospect", "a.md"), interview("2026-02-01", "prospect", "b.md"),
               interview("2026-03-01", "customer", "c.md"), interview("2026-06-01", "lost-customer", "d.md"),
               interview("2026-09-01", "customer", "e.md")]
    assert [(t.date.isoformat(), t.before, t.after, t.interview.rel) for t in transitions(history)] == [
        ("2026-01-01", None, "prospect", "a.md"), ("2026-03-01", "prospect", "customer", "c.md"),
        ("2026-06-01", "customer", "lost-customer", "d.md"), ("2026-09-01", "lost-customer", "customer", "e.md"),
    ]


def test_timeline_orders_and_places_each_transition_between_the_two_periods() -> None:
    history = [interview("2026-01-01", "prospect", "a.md"), interview("2026-03-01", "customer", "b.md")]
    oldest = timeline(history, transitions(history), newest_first=False)
    assert [e.transition.after if e.transition else e.interview.rel for e in oldest] == ["prospect", "a.md", "customer", "b.md"]
    newest = timeline(history, transitions(history))
    assert newest == oldest[::-1]


def test_summary_and_view_read_only_the_accounts_own_interviews() -> None:
    """An account page costs time proportional to its interviews: nothing else is passed in."""
    account = Account("acme", "Acme", interviews=[interview("2026-01-01", "prospect", "a.md")])
    s = summarize(account, TODAY, 180)
    assert (s.conversations, s.people, s.quotes, s.relationship) == (1, 1, 0, "prospect")
    departments = stakeholders(account.interviews)
    assert [d.name for d in departments] == [""] and themes(account.interviews, departments).rows == []
    assert account_view(account, TODAY, 180, "marketing").our_side.teams[0].team == ""
