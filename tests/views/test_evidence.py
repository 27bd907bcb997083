"""generator.views.evidence: an insight's strength and coverage (whom we have not heard from yet),
on the insights suite's valid journal (tests/cases/insights/valid/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.load import load_journal
from generator.core.project import read_config
from generator.views.evidence import EvidenceCoverage, coverage, strength

from tests import cases
from tests.support import TODAY


def load_valid(tmp_path: Path):
    project = cases.project(cases.case("insights", "valid"), tmp_path)
    return load_journal(project, read_config(project), today=TODAY)


def test_strength_counts_distinct_accounts_departments_relationships(tmp_path: Path) -> None:
    journal, _ = load_valid(tmp_path)
    fatigue, sso = journal.insights
    # Two Acme quotes by the same person: one account, one department, one relationship.
    assert strength(fatigue.supporting).__dict__ == {
        "quotes": 2, "accounts": 1, "departments": 1, "relationships": 1}
    # Borealis (IT, prospect) and Acme (Finance, customer).
    assert strength(sso.supporting).__dict__ == {"quotes": 2, "accounts": 2, "departments": 2, "relationships": 2}
    assert strength(sso.contradicting).__dict__ == {"quotes": 0, "accounts": 0, "departments": 0, "relationships": 0}


def test_coverage_names_who_we_have_not_heard(tmp_path: Path) -> None:
    journal, _ = load_valid(tmp_path)
    fatigue, sso = journal.insights
    cover = coverage(fatigue, journal)
    # The journal has Operations, Finance, IT and Procurement (the confidential CTO is not in it).
    assert cover == EvidenceCoverage(accounts=2, relationships=[("customer", 1), ("prospect", 1)],
                             missing_relationships=["lost-customer", "competitor-customer"],
                             missing_departments=["Finance", "Procurement"])
    assert cover.line == ("heard from 2 accounts: 1 customer, 1 prospect; no lost customers or competitor customers yet; "
                          "nobody from Finance or Procurement yet")
    assert coverage(sso, journal).line == ("heard from 2 accounts: 1 customer, 1 prospect; no lost customers or competitor "
                                           "customers yet; nobody from Operations or Procurement yet")


@pytest.mark.parametrize("cover, line", [
    (EvidenceCoverage(0, [], ["customer"], ["IT"]), "no evidence yet"),
    (EvidenceCoverage(5, [("customer", 3), ("lost-customer", 1), ("prospect", 1)], [], ["Finance"]),
     "heard from 5 accounts: 3 customers, 1 lost customer, 1 prospect; nobody from Finance yet"),
    (EvidenceCoverage(1, [("customer", 1)], [], []), "heard from 1 account: 1 customer"),
    (EvidenceCoverage(1, [("customer", 1)], [], ["Finance", "IT", "Legal"]), "heard from 1 account: 1 customer; nobody from Finance, IT or Legal yet"),
])
def test_coverage_line(cover: EvidenceCoverage, line: str) -> None:
    assert cover.line == line
