"""generator.core.quote_syntax: quote ids. Explicit ids win; auto-ids are stable across builds and unrelated edits."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.core.quote_syntax import auto_id

from tests.quote_journal import interview, load
from tests.support import TODAY

QUOTES = """
> We cut our on-call pages in half the first month.
> — Jane Doe

> Our dispatchers stopped ignoring alerts.
> — Jane Doe {#alerts-matter}
"""


def ids(journal) -> list[str]:
    return [q.id for q in journal.quotes]


def test_explicit_id_wins_and_auto_id_is_deterministic(tmp_path: Path) -> None:
    journal, _ = load(tmp_path, {"interviews/2026/a.md": interview(quotes=QUOTES)})
    auto = auto_id("2026/a.md", "We cut our on-call pages in half the first month.")
    assert ids(journal) == [auto, "alerts-matter"]
    assert auto.startswith("q-") and auto == auto_id("2026/a.md", "We cut our  on-call pages\nin half the first month.")
    again, _ = load(tmp_path, {})
    assert ids(again) == ids(journal)


def test_auto_ids_survive_unrelated_edits(tmp_path: Path) -> None:
    journal, _ = load(tmp_path, {"interviews/2026/a.md": interview(quotes=QUOTES),
                                 "interviews/2026/b.md": interview(date="2026-05-01", quotes="> Other.\n> — Jane Doe")})
    before = ids(journal)
    edited = interview(date="2026-03-05", extra="tags: [onboarding]\nsummary: Added later.",
                       quotes="A new paragraph before the quotes.\n\n> Brand new quote.\n> — Jane Doe\n" + QUOTES)
    after, _ = load(tmp_path, {"interviews/2026/a.md": edited,
                               "interviews/2026/b.md": interview(date="2026-05-01", quotes="> Changed.\n> — Jane Doe"),
                               "interviews/2026/c.md": interview(quotes="> Also new.\n> — Jane Doe")})
    assert set(before[:2]) <= set(ids(after))


def test_auto_id_changes_with_the_text_or_the_file() -> None:
    base = auto_id("2026/a.md", "We cut pages.")
    assert auto_id("2026/a.md", "We cut all pages.") != base
    assert auto_id("2026/b.md", "We cut pages.") != base


@pytest.mark.parametrize("days_left, warned", [(-1, False), (0, True), (1, True), (30, True), (31, False)])
def test_check_warns_30_days_before_a_clearance_expires(tmp_path: Path, days_left: int, warned: bool) -> None:
    expires = (TODAY + dt.timedelta(days=days_left)).isoformat()
    _, problems = load(tmp_path, {"interviews/a.md": interview(quotes=f"> Fast.\n> — Jane Doe {{#q public expires={expires}}}")})
    messages = [p.format() for p in problems]
    notice = f"interviews/a.md:11: warning: quote: the public clearance expires on {expires}; renew the consent or it becomes internal"
    assert messages == ([notice] if warned else [])


def test_attribution_dashes_speaker_spelling_and_clearance_words(tmp_path: Path) -> None:
    people = "{name: Jane Doe, role: VP Operations}\n  - {name: Raj Patel}"
    body = ("> One.\n> — jane   DOE {#one public}\n\n> Two.\n> -- Raj Patel {#two anonymous}\n\n"
            "> Three.\n> ― Raj Patel {#three internal}\n\n> Four.\n> — Jane Doe {#four}\n\n"
            "> Not a quote: no attribution line.\n\n> Nor this.\n> - Jane Doe\n")
    journal, problems = load(tmp_path, {"interviews/a.md": interview(person=people, quotes=body)})
    assert not list(problems), [p.format() for p in problems]
    assert [(q.id, q.speaker.name, q.clearance) for q in journal.quotes] == [
        ("one", "Jane Doe", "public"), ("two", "Raj Patel", "anonymous"), ("three", "Raj Patel", "internal"),
        ("four", "Jane Doe", "internal")]  # internal is the default
