"""generator.core.insights: evidence resolved with stance and note, back-links, what cannot be read; its
messages, case by case, are tests/cases/insights/ (run by tests/test_cases.py). Strength and coverage:
tests/views/test_evidence.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.core.insights import segment_terms
from generator.core.segments import segment_index
from generator.views.evidence import contributions
from generator.core.load import load_journal
from generator.core.parsecache import ParseCache
from generator.core.project import read_config

from tests import cases
from tests.support import TODAY


def load_case(name: str, tmp_path: Path):
    project = cases.project(cases.case("insights", name), tmp_path)
    return load_journal(project, read_config(project), today=TODAY)


def test_confidential_evidence_error_reveals_nothing_of_the_quote(tmp_path: Path) -> None:
    _, problems = load_case("confidential", tmp_path)
    text = "\n".join(p.format() for p in problems)
    assert "insights/claim.md" in text and "whitecap-move" in text
    for secret in ("Whitecap next quarter", "Bob Quill", "Halyard", "secret.md", "CTO"):
        assert secret not in text
    assert all(p.related == () for p in problems)


@pytest.mark.parametrize("name, related", [
    ("interview-has-errors", [("interviews/acme.md",)]),  # `journal check interviews/acme.md` shows it too
    ("confidential", [()]),  # never the confidential file
    ("unknown-id", [(), ()]),
])
def test_an_evidence_error_relates_to_the_interview_of_the_quote(name: str, related: list[tuple], tmp_path: Path) -> None:
    _, problems = load_case(name, tmp_path)
    assert [p.related for p in problems if p.path.startswith("insights/")] == related


def test_evidence_resolves_with_stance_and_note(tmp_path: Path) -> None:
    journal, problems = load_case("valid", tmp_path)
    assert not problems.errors
    insight = next(i for i in journal.insights if i.slug == "alert-fatigue")
    assert [(e.id, e.stance, e.note) for e in insight.evidence] == [
        ("fewer-pages", "supports", "Concrete number."), ("alerts-matter", "supports", None),
        ("alerts-are-fine", "contradicts", "A prospect who does not feel it.")]
    assert [e.id for e in insight.supporting] == ["fewer-pages", "alerts-matter"]
    assert [e.id for e in insight.contradicting] == ["alerts-are-fine"]
    assert insight.newest.isoformat() == "2026-05-10"
    assert [(t.taxonomy, t.label) for t in segment_terms(insight, segment_index(journal))] == [("tag", "alert fatigue"), ("relationship", "customer"),
                                                              ("department", "Operations")]
    assert [i.title for i in journal.insights] == ["Alert fatigue drives switching", "SSO is a baseline"]


def test_quotes_know_their_insights_and_reloads_do_not_pile_up(tmp_path: Path) -> None:
    project = cases.project(cases.case("insights", "valid"), tmp_path)
    cache = ParseCache()
    for _ in range(2):  # the cache hands back the same Quote objects on the second load
        journal, problems = load_journal(project, read_config(project), today=TODAY, cache=cache)
        assert not problems.errors
        assert [(e.insight.slug, e.stance) for e in journal.quote("alerts-are-fine").evidence_for] == [("alert-fatigue", "contradicts")]
        assert [e.insight.slug for e in journal.quote("fewer-pages").evidence_for] == ["alert-fatigue"]
        assert journal.quote("bundle-won").evidence_for == []
    acme = journal.accounts["acme-logistics"]
    assert [(c.insight.slug, c.supports, c.contradicts) for c in contributions(acme.quotes)] == [
        ("alert-fatigue", 2, 0), ("sso", 1, 0)]
    borealis = journal.accounts["borealis-freight"]
    assert [(c.insight.slug, c.supports, c.contradicts) for c in contributions(borealis.quotes)] == [
        ("alert-fatigue", 0, 1), ("sso", 1, 0)]


def test_an_insight_that_cannot_be_read_is_left_out(tmp_path: Path) -> None:
    journal, problems = load_case("schema", tmp_path)
    assert problems.errors and journal.insights == [] and journal.quote("fewer-pages").evidence_for == []


def test_no_insights_folder_is_fine(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(cases.base("insights"), project)
    journal, problems = load_journal(project, read_config(project), today=TODAY)
    assert journal.insights == [] and not problems.errors
