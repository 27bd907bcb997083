"""generator.views.attribution: the one attribution string per clearance, used by library, exports and CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.views.attribution import attribution, internal_credit, with_article

from tests.quote_journal import interview, load
from tests.support import TODAY

JANE = "{name: Jane Doe, role: VP Operations, department: Operations}"
TEXT = "We cut our on-call pages\n> in half the first month."

CASES = [
    # (clearance attributes, person, industry, expected)
    ("#q public", JANE, None, '"We cut our on-call pages in half the first month." — Jane Doe, VP Operations, Acme Logistics'),
    ("#q public", "{name: Jane Doe}", None, '"We cut our on-call pages in half the first month." — Jane Doe, Acme Logistics'),
    ("#q anonymous", JANE, "Logistics", '"We cut our on-call pages in half the first month." — VP Operations at a logistics company'),
    ("#q anonymous", JANE, "Insurance", '"We cut our on-call pages in half the first month." — VP Operations at an insurance company'),
    ("#q anonymous", JANE, "SaaS", '"We cut our on-call pages in half the first month." — VP Operations at a SaaS company'),
    ("#q anonymous", JANE, "IT Services", '"We cut our on-call pages in half the first month." — VP Operations at an IT services company'),
    ("#q anonymous", JANE, "Health Care", '"We cut our on-call pages in half the first month." — VP Operations at a health care company'),
    ("#q anonymous", JANE, "Utilities", '"We cut our on-call pages in half the first month." — VP Operations at a utilities company'),
    ("#q anonymous", "{name: Jane Doe, department: Operations}", "Logistics", '"We cut our on-call pages in half the first month." — Someone in Operations at a logistics company'),
    ("#q anonymous", "{name: Jane Doe}", None, '"We cut our on-call pages in half the first month." — Someone at a company'),
    ("#q internal", JANE, "Logistics", '[INTERNAL ONLY, not cleared for use outside] "We cut our on-call pages in half the first month." — Jane Doe, VP Operations, Acme Logistics'),
    ("#q", JANE, "Logistics", '[INTERNAL ONLY, not cleared for use outside] "We cut our on-call pages in half the first month." — Jane Doe, VP Operations, Acme Logistics'),
    ("#q public expires=2026-10-01", JANE, None, '[INTERNAL ONLY, clearance expired 2026-10-01] "We cut our on-call pages in half the first month." — Jane Doe, VP Operations, Acme Logistics'),
    ("#q anonymous expires=2026-10-01", JANE, "Logistics", '[INTERNAL ONLY, clearance expired 2026-10-01] "We cut our on-call pages in half the first month." — Jane Doe, VP Operations, Acme Logistics'),
    ("#q public expires=2026-11-20", JANE, None, '"We cut our on-call pages in half the first month." — Jane Doe, VP Operations, Acme Logistics'),
    ("#q internal expires=2027-01-01", JANE, None, '[INTERNAL ONLY, not cleared for use outside] "We cut our on-call pages in half the first month." — Jane Doe, VP Operations, Acme Logistics'),
]


@pytest.mark.parametrize("attrs, person, industry, expected", CASES, ids=[f"{c[0]}|{c[1]}|{c[2]}" for c in CASES])
def test_attribution(tmp_path: Path, attrs: str, person: str, industry: str | None, expected: str) -> None:
    text = interview(person=person, industry=industry, quotes=f"> {TEXT}\n> — Jane Doe {{{attrs}}}")
    journal, problems = load(tmp_path, {"interviews/a.md": text})
    assert not problems.errors, [p.format() for p in problems.errors]
    assert attribution(journal.quote("q"), TODAY) == expected


def test_uses_the_account_name_and_industry_from_accounts_yml(tmp_path: Path) -> None:
    files = {
        "interviews/accounts.yml": "Acme Logistics:\n  aliases: [ACME Corp]\n  industry: Freight\n",
        "interviews/a.md": interview(customer="ACME Corp", quotes="> Fast.\n> — Jane Doe {#p public}\n\n> Calm.\n> — Jane Doe {#a anonymous}"),
    }
    journal, problems = load(tmp_path, files)
    assert not problems.errors
    assert attribution(journal.quote("p"), TODAY) == '"Fast." — Jane Doe, VP Operations, Acme Logistics'
    assert attribution(journal.quote("a"), TODAY) == '"Calm." — VP Operations at a freight company'


def test_a_quote_without_an_account_is_credited_with_the_customer_its_file_names(tmp_path: Path) -> None:
    """Two spellings making one account address are an error, and the second file gets no account
    (`journal quotes` then leaves its quotes out): its quotes are still credited from the file."""
    quotes = "> Fast.\n> — Jane Doe {#p public}\n\n> Calm.\n> — Jane Doe {#a anonymous}"
    journal, problems = load(tmp_path, {"interviews/a.md": interview(),
                                        "interviews/b.md": interview(customer="Acme-Logistics", industry="Freight", quotes=quotes)})
    assert [p.path for p in problems.errors] == ["interviews/b.md"]
    assert journal.quote("p").interview.account is None
    assert attribution(journal.quote("p"), TODAY) == '"Fast." — Jane Doe, VP Operations, Acme-Logistics'
    assert attribution(journal.quote("a"), TODAY) == '"Calm." — VP Operations at a freight company'


@pytest.mark.parametrize("phrase, expected", [
    ("logistics", "a logistics"), ("insurance", "an insurance"), ("HR", "an HR"), ("SaaS", "a SaaS"),
    ("university", "a university"), ("hour", "an hour"), ("lost customer", "a lost customer"),
    ("prospect", "a prospect"), ("existing customer", "an existing customer"), ("", "a "),
    ("S corporation", "an S corporation"), ("U", "a U"), ("(insurance) broker", "an (insurance) broker"),
    ("3D printing", "a 3D printing"),
])
def test_with_article(phrase: str, expected: str) -> None:
    assert with_article(phrase) == expected


@pytest.mark.parametrize("person, expected", [
    (JANE, "Jane Doe, VP Operations (Operations)"),
    ("{name: Jane Doe, role: VP Operations}", "Jane Doe, VP Operations"),
    ("{name: Jane Doe, department: Operations}", "Jane Doe (Operations)"),
    ("{name: Jane Doe}", "Jane Doe"),
])
def test_internal_credit(tmp_path: Path, person: str, expected: str) -> None:
    journal, _ = load(tmp_path, {"interviews/a.md": interview(person=person, quotes="> Text.\n> — Jane Doe {#q anonymous}")})
    assert internal_credit(journal.quote("q")) == expected
