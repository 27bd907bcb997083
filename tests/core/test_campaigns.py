"""generator.core.campaigns: "Cited in", what a changed quote looks like; its messages, case by case, are
tests/cases/campaigns/ (run by tests/test_cases.py)."""

from __future__ import annotations

import json
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
    from generator.core.parsecache import ParseCache

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


# (case, the file each campaign error relates to): `journal check <that file>` (the pre-commit hook) shows the error too.
RELATED = {
    "text-changed": ["interviews/a.md"],
    "text-words-appended": ["interviews/a.md"],
    "expired": ["interviews/a.md"],
    "now-internal": ["interviews/a.md"],
    "missing-quote": ["interviews/a.md"],  # fewer-page: fewer-pages is in a.md
    "confidential": ["interviews/secret.md"],
    "interview-became-confidential": ["interviews/a.md", "interviews/a.md"],
    "interview-has-errors": ["interviews/a.md", "interviews/a.md"],
}


@pytest.mark.parametrize("name, related", RELATED.items(), ids=RELATED.keys())
def test_a_campaign_error_relates_to_the_interview_of_the_quote(name: str, related: list[str], tmp_path: Path) -> None:
    project = case_project(name, tmp_path)
    _, problems = load_journal(project, read_config(project), today=TODAY)
    assert [p.related for p in problems if p.path.startswith("campaigns/")] == [(path,) for path in related]


OTHER = """---
date: 2026-05-01
customer: Borealis Freight
relationship: prospect
people:
  - {name: Omar Reyes, role: Head of IT}
---
> Alerts are fine for us.
> — Omar Reyes {#alerts-are-fine public}

> We cut our on-call pages in half the first month.
> — Omar Reyes {#half-the-pages public}
"""


@pytest.mark.parametrize("cited_id, text, related", [
    ("gone-for-good", "Alerts are fine for us.", ("interviews/b.md",)),  # the same text under another id
    ("alerts-are-fin", "Something else entirely.", ("interviews/b.md",)),  # the closest id
    ("fewer-pagez", "Alerts are   fine\n for us.", ("interviews/b.md",)),  # the same text wins over the closest id
    ("gone-for-good", "Something else entirely.", ()),  # nothing like it
], ids=["same-text", "close-id", "text-before-id", "nothing-like-it"])
def test_a_missing_quote_relates_to_the_interview_it_most_likely_became(cited_id: str, text: str, related: tuple,
                                                                         tmp_path: Path) -> None:
    project = case_project("valid", tmp_path)
    (project / "interviews" / "b.md").write_text(OTHER)
    (project / "campaigns" / "spring-webinar.yml").write_text(f"name: Spring\ncites:\n  - id: {cited_id}\n    text: {json.dumps(text)}\n")
    _, problems = load_journal(project, read_config(project), today=TODAY)
    assert [(p.message.split(" no longer exists")[0], p.related) for p in problems.errors] == [(f"the quote '{cited_id}'", related)]


@pytest.mark.parametrize("cited, now, change", [
    ("We cut pages in half.", "We cut pages by a third.", "'in half.' → 'by a third.'"),
    ("We cut pages.", "We cut all pages.", "'all' added"),
    ("We really cut pages.", "We cut pages.", "'really' removed"),
    ("We cut pages.", "We cut cut pages.", "'cut' added"),  # a repeated word: the common ends do not overlap
])
def test_side_by_side_names_the_changed_words(cited: str, now: str, change: str) -> None:
    from generator.core.campaigns import side_by_side

    assert side_by_side(cited, now) == f'cited: "{cited}" | now: "{now}" (changed: {change})'
