"""generator.load: data-driven cases, one folder each, with the exact expected messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import load_journal
from generator.project import read_config

from .conftest import TODAY

CASES = sorted((Path(__file__).parent / "check_cases").iterdir())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_check_case(case: Path) -> None:
    _, problems = load_journal(case, read_config(case), today=TODAY)
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert [p.format() for p in problems] == expected


def test_confidential_interviews_never_enter_the_model(tmp_path: Path) -> None:
    src = (Path(__file__).parent / "check_cases" / "valid-minimal" / "interviews" / "2026" / "acme.md").read_text()
    (tmp_path / "interviews").mkdir()
    (tmp_path / "interviews" / "open.md").write_text(src)
    secret = src.replace("channel: on-site", "channel: on-site\nconfidential: true").replace("Acme Logistics", "Halyard Corp").replace("fewer-pages", "secret-q")
    (tmp_path / "interviews" / "secret.md").write_text(secret)
    journal, problems = load_journal(tmp_path, read_config(tmp_path), today=TODAY)
    assert not problems.errors
    assert [i.source for i in journal.interviews] == ["interviews/open.md"]
    assert list(journal.accounts) == ["acme-logistics"]
    assert "secret-q" not in journal.quotes_by_id
    assert journal.confidential_sources == {"interviews/secret.md"}


def test_accounts_merge_aliases_and_keep_order(tmp_path: Path) -> None:
    src = (Path(__file__).parent / "check_cases" / "valid-minimal" / "interviews" / "2026" / "acme.md").read_text()
    (tmp_path / "interviews").mkdir()
    (tmp_path / "interviews" / "accounts.yml").write_text("Acme Logistics:\n  aliases: [ACME Corp]\n  region: EMEA\n")
    (tmp_path / "interviews" / "b.md").write_text(src.replace("2026-03-04", "2026-05-01").replace("Acme Logistics", "ACME Corp").replace("fewer-pages", "x2"))
    (tmp_path / "interviews" / "a.md").write_text(src)
    journal, problems = load_journal(tmp_path, read_config(tmp_path), today=TODAY)
    assert not problems.errors
    account = journal.accounts["acme-logistics"]
    assert account.name == "Acme Logistics"
    assert [i.rel for i in account.interviews] == ["a.md", "b.md"]
    assert account.attributes == {"region": "EMEA"}
