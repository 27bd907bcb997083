"""generator.core.load: the whole journal: confidential files, accounts, today, parsing on two cores.

Its messages, case by case: tests/cases/check/ (run by tests/test_cases.py)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from generator.core.load import load_journal
from generator.core.problems import Problem
from generator.core.project import read_config
from generator.core.timings import Stopwatch

from tests import cases
from tests.support import REPO, TODAY

VALID = cases.case("check", "valid-minimal") / "interviews" / "2026" / "acme.md"


def test_confidential_interviews_never_enter_the_model(tmp_path: Path) -> None:
    src = VALID.read_text()
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


def test_a_missing_interviews_folder_is_one_problem_and_an_empty_journal(tmp_path: Path) -> None:
    config = read_config(tmp_path)
    journal, problems = load_journal(tmp_path, config, today=TODAY)
    message = "the interviews folder is missing: create interviews/ with one Markdown file per conversation"
    assert [p.format() for p in problems] == [f"interviews: error: {message}"]
    assert list(problems) == [Problem("interviews", 0, message)]  # line 0: about no line of a file
    assert (journal.config, journal.today, journal.interviews, journal.accounts, journal.quotes) == (config, TODAY, [], {}, [])
    assert journal.root == tmp_path  # where its files (the brand's logo) are found


def test_loading_times_parse_and_model_apart(tmp_path: Path) -> None:
    """The first two steps of the build's timings line (`mkdocs build -v`)."""
    (tmp_path / "interviews").mkdir()
    (tmp_path / "interviews" / "a.md").write_text(VALID.read_text())
    watch = Stopwatch()
    journal, problems = load_journal(tmp_path, read_config(tmp_path), today=TODAY, stopwatch=watch)
    assert not problems.errors and len(journal.interviews) == 1
    assert list(watch.laps) == ["parse", "model"] and all(seconds > 0 for seconds in watch.laps.values())


def test_accounts_merge_aliases_and_keep_order(tmp_path: Path) -> None:
    src = VALID.read_text()
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


@pytest.mark.parametrize("epoch, expected", [
    ("1795132800", "2026-11-20"), ("1795219199", "2026-11-20"), ("1795219200", "2026-11-21"), ("0", "1970-01-01"),
    (None, "clock"), ("", "clock"), ("soon", "clock"), ("-5", "clock"),
])
def test_today_is_the_source_date_epoch_in_utc_else_the_clock(monkeypatch, epoch: str | None, expected: str) -> None:
    import datetime as dt

    from generator.core.load import build_date

    if epoch is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert build_date().isoformat() == (dt.date.today().isoformat() if expected == "clock" else expected)


def test_the_built_dashboard_counts_from_source_date_epoch(sample_site: Path) -> None:
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    assert "Figures as of 20 Nov 2026" in " ".join(re.sub(r"<[^>]+>", " ", home).split())


def test_parsing_on_two_cores_gives_what_one_core_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`journal check` parses most files of a large journal in a forked process: same model, same problems, same order."""
    spec = importlib.util.spec_from_file_location("synth", REPO / "bench" / "synth.py")
    synth = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synth)
    synth.generate(tmp_path, 120)
    root = tmp_path / "journal"
    notes = sorted((root / "interviews").rglob("*.md"))
    for path in notes[::25]:  # a few broken notes, spread over both halves
        path.write_text(path.read_text().replace("relationship: ", "relationship: custmer #", 1))

    def load() -> tuple[list, list[str]]:
        journal, problems = load_journal(root, read_config(root), today=TODAY)
        return [(repr(i), i.lines) for i in journal.interviews], [p.format() for p in problems]  # repr: fields, quotes, no links

    monkeypatch.setattr("generator.core.load.PARALLEL_PARSE_MIN", 10**9)
    one_core = load()
    monkeypatch.setattr("generator.core.load.PARALLEL_PARSE_MIN", 2)
    assert load() == one_core
    assert len(one_core[0]) > 100 and sum("custmer" in p for p in one_core[1]) == len(notes[::25])
