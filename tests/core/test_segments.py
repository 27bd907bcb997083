"""generator.core.segments: terms, counts per segment, normalisation, confidential files."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from generator.core.load import load_journal
from generator.core.problems import Problems
from generator.core.project import read_config
from generator.site.page import Page
from generator.core.segments import build_index, check_spellings, segment_index, taxonomy_names

from tests.support import FIXTURES, TODAY, per_module

FIXTURE = FIXTURES / "segments"


@pytest.fixture(scope=per_module)
def journal():
    journal, problems = load_journal(FIXTURE, read_config(FIXTURE), today=TODAY)
    assert not list(problems), [p.format() for p in problems]
    return journal


def names(items) -> list[str]:
    return [i.rel for i in items]


def test_taxonomies_include_configured_account_fields_and_lists(journal) -> None:
    assert taxonomy_names(journal.config)[-2:] == ["tier", "use_cases"]
    index = segment_index(journal)
    assert [t.label for t in index.terms["tier"]] == ["gold"]
    assert names(index.term("tier", "gold").interviews) == ["2026/acme-2026-11-01.md", "2026/acme-2026-02-10.md"]
    assert names(index.term("use_cases", "Night Shifts").interviews) == ["2026/acme-2026-11-01.md"]


def test_segments_hold_exactly_these_interviews_accounts_and_quotes(journal) -> None:
    index = segment_index(journal)
    expected = {  # (taxonomy, term): (interviews newest first, account slugs, quote ids)
        ("relationship", "customer"): (["2026/acme-2026-11-01.md", "2026/acme-2026-02-10.md"], ["acme-logistics"],
                                       ["fewer-pages", "night-shift", "price-talk", "setup-afternoon"]),
        ("relationship", "prospect"): (["2026/beta-2026-07-01.md", "2025/beta-2025-05-02.md"], ["beta-freight"], []),
        ("industry", "logistics"): (["2026/acme-2026-11-01.md", "2026/beta-2026-07-01.md", "2026/acme-2026-02-10.md", "2025/beta-2025-05-02.md"],
                                    ["acme-logistics", "beta-freight"], ["fewer-pages", "night-shift", "price-talk", "setup-afternoon"]),
        ("region", "EMEA"): (["2026/beta-2026-07-01.md", "2025/beta-2025-05-02.md"], ["beta-freight"], []),
        # A quote is in its speaker's persona and department, not in every person's of the interview.
        ("department", "IT"): (["2026/beta-2026-07-01.md", "2026/acme-2026-02-10.md", "2025/beta-2025-05-02.md"],
                               ["beta-freight", "acme-logistics"], ["setup-afternoon"]),
        ("persona", "economic-buyer"): (["2026/acme-2026-11-01.md", "2026/acme-2026-02-10.md"], ["acme-logistics"],
                                        ["fewer-pages", "night-shift", "price-talk"]),
        ("competitor", "RouteCo"): (["2026/acme-2026-11-01.md", "2026/cargo-2026-09-15.md", "2025/beta-2025-05-02.md"],
                                    ["acme-logistics", "beta-freight", "cargo-co"], ["fewer-pages", "night-shift", "price-talk", "routeco-pages"]),
        # Quote tags add to the file's tags; the file's tags apply to all its quotes.
        ("tag", "pricing"): (["2026/cargo-2026-09-15.md", "2025/beta-2025-05-02.md"], ["beta-freight", "cargo-co"], ["routeco-pages"]),
        ("tag", "on-call"): (["2026/acme-2026-11-01.md", "2026/cargo-2026-09-15.md"], ["acme-logistics", "cargo-co"],
                             ["fewer-pages", "night-shift", "price-talk", "routeco-pages"]),
        ("team", "marketing"): (["2026/acme-2026-11-01.md", "2026/cargo-2026-09-15.md"], ["acme-logistics", "cargo-co"],
                                ["fewer-pages", "night-shift", "price-talk", "routeco-pages"]),
        ("channel", "video-call"): (["2026/beta-2026-07-01.md"], ["beta-freight"], []),
    }
    for (taxonomy, value), (interviews, accounts, quotes) in expected.items():
        term = index.term(taxonomy, value)
        assert term is not None, (taxonomy, value)
        assert names(term.interviews) == interviews, (taxonomy, value)
        assert sorted(term.account_counts) == sorted(accounts), (taxonomy, value)
        assert sorted(q.id for q in term.quotes) == sorted(quotes), (taxonomy, value)


def test_counts_agree_with_the_model_for_every_term(journal) -> None:
    index = segment_index(journal)
    by_relationship = Counter(i.meta.relationship for i in journal.interviews)
    assert {t.slug: len(t.interviews) for t in index.terms["relationship"]} == dict(by_relationship)
    by_channel = Counter(i.meta.channel for i in journal.interviews if i.meta.channel)
    assert {t.spelling: len(t.interviews) for t in index.terms["channel"]} == dict(by_channel)
    for term in index.all_terms():
        assert sum(term.account_counts.values()) == len(term.interviews), term.slug  # one account per interview
        assert len(set(map(id, term.interviews))) == len(term.interviews), term.slug  # each interview once
        assert [i.date for i in term.interviews] == sorted((i.date for i in term.interviews), reverse=True)
        in_segment = set(map(id, term.interviews))
        assert all(id(q.interview) in in_segment for q in term.quotes), term.slug


def test_raised_by_lists_accounts_and_departments(journal) -> None:
    index = segment_index(journal)
    routeco = index.term("competitor", "routeco")
    assert [(a.slug, n) for a, n in routeco.accounts] == [("acme-logistics", 1), ("beta-freight", 1), ("cargo-co", 1)]
    assert routeco.departments == [("Operations", 2), ("IT", 1)]
    # A tag only in a quote was raised by the speaker's department, not everyone's in the room.
    assert index.term("tag", "pricing").departments == [("IT", 1), ("Operations", 1)]


def test_confidential_files_are_in_no_term_and_no_count(journal) -> None:
    index = segment_index(journal)
    words = ("whitecap", "halyard", "shipping", "secret", "leadership", "lost-customer", "email")
    for term in index.all_terms():
        assert not any(w in term.slug for w in words), term.slug
        assert all(i.rel != "2026/secret.md" for i in term.interviews)
        assert all(q.id != "whitecap-move" for q in term.quotes)
    assert sum(len(t.interviews) for t in index.terms["relationship"]) == len(journal.interviews) == 5


def _journal_with_tags(tmp_path: Path, spellings: list[str]):
    src = (FIXTURE / "interviews" / "2026" / "beta-2026-07-01.md").read_text()
    (tmp_path / "interviews").mkdir()
    for n, spelling in enumerate(spellings):
        text = src.replace("channel: video-call", f"channel: video-call\ntags: [{spelling}]")
        (tmp_path / "interviews" / f"n{n}.md").write_text(text)
    journal, problems = load_journal(tmp_path, read_config(tmp_path), today=TODAY)
    return journal, problems


def test_case_and_spacing_variants_are_one_term_shown_in_the_commonest_spelling(tmp_path: Path) -> None:
    journal, problems = _journal_with_tags(tmp_path, ["Alert Fatigue", "alert  fatigue", "alert fatigue", "alert-fatigue"])
    terms = build_index(journal).terms["tag"]
    assert len(terms) == 1
    assert terms[0].label == "alert fatigue"  # 2 of 4 mentions (the double space collapses)
    assert terms[0].url == "segments/tag/alert-fatigue/"
    assert len(terms[0].interviews) == 4


def test_a_term_called_index_gets_its_own_page(tmp_path: Path) -> None:
    journal, _ = _journal_with_tags(tmp_path, ["Index"])
    term = build_index(journal).term("tag", "index")
    assert term.url == "segments/tag/index/"
    assert Page(term.page_path, "").url == term.url  # the page is where the links point


def test_inconsistent_spelling_warns_once_with_the_variants_and_their_files(tmp_path: Path) -> None:
    journal, problems = _journal_with_tags(tmp_path, ["Alert Fatigue", "alert fatigue", "alert fatigue"])
    warnings = [p for p in problems if "spelled" in p.message]
    assert len(warnings) == 1
    w = warnings[0]
    assert (w.path, w.line, w.field) == ("interviews/n0.md", 10, "tags[0]")
    assert "'alert fatigue' in interviews/n1.md, interviews/n2.md" in w.message
    assert "'Alert Fatigue' in interviews/n0.md" in w.message
    assert w.related == ("interviews/n1.md", "interviews/n2.md")
    assert not w.is_error


def test_one_spelling_gives_no_warning(tmp_path: Path) -> None:
    journal, _ = _journal_with_tags(tmp_path, ["alert fatigue", "alert fatigue"])
    problems = Problems()
    check_spellings(journal, problems)
    assert list(problems) == []


def test_spelling_variants_across_accounts_point_at_accounts_yml(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE / "interviews", tmp_path / "interviews")
    shutil.copy(FIXTURE / "mkdocs.yml", tmp_path / "mkdocs.yml")
    accounts = tmp_path / "interviews" / "accounts.yml"
    accounts.write_text(accounts.read_text().replace("  industry: Retail", "  industry: logistics"))
    _, problems = load_journal(tmp_path, read_config(tmp_path), today=TODAY)
    [warning] = [p for p in problems if "spelled" in p.message]
    assert (warning.path, warning.line, warning.field) == ("interviews/accounts.yml", 8, "industry")
    assert "shown as 'Logistics'" in warning.message
