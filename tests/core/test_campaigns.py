"""generator.core.campaigns: "Cited in", what a changed quote looks like; its messages, case by case, are
tests/cases/campaigns/ (run by tests/test_cases.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.load import load_journal
from generator.core.project import read_config

from tests import cases
from tests.support import TODAY


def case_project(name: str, tmp_path: Path) -> Path:
    return cases.project(cases.case("campaigns", name), tmp_path)


def test_confidential_text_never_appears_in_messages(tmp_path: Path) -> None:
    project = case_project("confidential", tmp_path)
    _, problems = load_journal(project, read_config(project), today=TODAY)
    text = "\n".join(p.format() for p in problems)
    assert "whitecap-move" in text
    for secret in ("Whitecap next quarter", "Bob Quill", "Halyard", "secret.md"):
        assert secret not in text


def test_cited_quotes_know_their_campaigns_and_reloads_do_not_pile_up(tmp_path: Path) -> None:
    project = case_project("valid", tmp_path)
    (project / "campaigns" / "autumn.yml").write_text(
        "name: Autumn\ncites:\n  - {id: fewer-pages, text: We cut our on-call pages in half the first month.}\n")
    from generator.core.load import ParseCache

    cache = ParseCache()
    for _ in range(2):  # the cache hands back the same Quote objects on the second load
        journal, problems = load_journal(project, read_config(project), today=TODAY, cache=cache)
        assert not problems.errors
        assert [c.name for c in journal.quote("fewer-pages").cited_in] == ["Autumn", "Spring on-call webinar"]
        assert [c.slug for c in journal.quote("alerts-matter").cited_in] == ["spring-webinar"]
        assert journal.quote("pricing-gripe").cited_in == []
    campaign = journal.campaigns[1]
    assert (campaign.slug, campaign.owner, campaign.date.isoformat(), campaign.url) == (
        "spring-webinar", "Priya (sales)", "2026-04-20", "campaigns/spring-webinar/")


def test_related_interview_lets_check_of_the_interview_show_the_campaign_error(tmp_path: Path) -> None:
    project = case_project("text-changed", tmp_path)
    _, problems = load_journal(project, read_config(project), today=TODAY)
    assert [p.related for p in problems] == [("interviews/a.md",)]


@pytest.mark.parametrize("cited, now, change", [
    ("We cut pages in half.", "We cut pages by a third.", "'in half.' → 'by a third.'"),
    ("We cut pages.", "We cut all pages.", "'all' added"),
    ("We really cut pages.", "We cut pages.", "'really' removed"),
])
def test_side_by_side_names_the_changed_words(cited: str, now: str, change: str) -> None:
    from generator.core.campaigns import side_by_side

    assert side_by_side(cited, now) == f'cited: "{cited}" | now: "{now}" (changed: {change})'
