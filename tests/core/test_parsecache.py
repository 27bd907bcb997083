"""generator.core.parsecache: parsed interviews kept in memory (`serve`) and on disk (the next run)."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import time
from pathlib import Path

import pytest

from generator.core import load, parsecache
from generator.core.config import JournalConfig
from generator.core.load import load_journal
from generator.core.parsecache import ParseCache, disk_file, disk_key
from generator.core.project import read_config

from tests import cases
from tests.support import TODAY

VALID = cases.case("check", "valid-minimal") / "interviews" / "2026" / "acme.md"


@pytest.fixture
def journal(tmp_path: Path, monkeypatch) -> Path:
    """Three notes, and a cache folder and a user cache folder (the signing key's) of their own."""
    monkeypatch.setenv("JOURNAL_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.delenv(parsecache.OFF, raising=False)
    (tmp_path / "interviews").mkdir()
    for name in ("a", "b", "c"):
        (tmp_path / "interviews" / f"{name}.md").write_text(VALID.read_text().replace("fewer-pages", f"q-{name}"))
    return tmp_path


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The sources parsed from here on."""
    seen: list[str] = []
    real = load.parse_interview

    def counting(source, *args):
        seen.append(source)
        return real(source, *args)

    monkeypatch.setattr(load, "parse_interview", counting)
    return seen


def run(root: Path, today: dt.date = TODAY, config: JournalConfig | None = None):
    """A load as a new process makes it: with an empty cache."""
    return load_journal(root, config or read_config(root), today=today)


def test_the_next_run_parses_only_the_file_that_changed(journal: Path, parses: list[str]) -> None:
    first, _ = run(journal)
    assert len(parses) == 3 and disk_file(journal).is_file()
    (journal / "interviews" / "b.md").write_text(VALID.read_text().replace("fewer-pages", "q-b").replace("in half", "by more than half"))
    second, problems = run(journal)
    assert parses[3:] == ["interviews/b.md"]
    assert "by more than half" in second.quote("q-b").text and not problems.errors
    assert [q.id for q in second.quotes] == [q.id for q in first.quotes]
    assert second.accounts.keys() == first.accounts.keys()
    run(journal)
    assert len(parses) == 4  # what the second run parsed was written back


def test_a_file_with_a_new_time_stamp_and_the_same_text_is_not_parsed_again(journal: Path, parses: list[str]) -> None:
    """A fresh checkout, a branch switch or `touch` gives every file a new time stamp."""
    run(journal)
    later = time.time_ns() + 5 * 10**9
    for note in (journal / "interviews").iterdir():
        os.utime(note, ns=(later, later))
    run(journal)
    assert len(parses) == 3


def test_other_options_or_another_day_parse_everything_again(journal: Path, parses: list[str]) -> None:
    run(journal)
    run(journal, today=TODAY + dt.timedelta(days=1))  # a clearance may have expired since
    assert len(parses) == 6
    run(journal, today=TODAY + dt.timedelta(days=1), config=JournalConfig(account_fields=["industry", "tier"]))
    assert len(parses) == 9
    assert disk_key(JournalConfig(), TODAY) != disk_key(JournalConfig(), TODAY + dt.timedelta(days=1))


def test_a_damaged_cache_file_is_parsed_around_and_written_again(journal: Path, parses: list[str]) -> None:
    run(journal)
    disk_file(journal).write_bytes(b"\x80\x05 not a whole pickle")
    loaded, problems = run(journal)
    assert len(parses) == 6 and len(loaded.interviews) == 3 and not problems
    run(journal)
    assert len(parses) == 6


def entries_on_disk(root: Path) -> tuple:
    return pickle.loads(disk_file(root).read_bytes()[parsecache.SIGNATURE:])


def test_the_file_holds_the_notes_as_parsed_not_linked_into_the_model(journal: Path) -> None:
    """Written before the model links interviews to their accounts: a cached interview
    carries no account (and so no other file's data) into the next run."""
    run(journal)
    fmt, key, entries = entries_on_disk(journal)
    interviews = [e.parsed.interview for e in entries.values()]
    assert fmt == parsecache.FORMAT and key == disk_key(read_config(journal), TODAY)
    assert sorted(entries) == ["interviews/a.md", "interviews/b.md", "interviews/c.md"]
    assert all(i is not None and i.account is None for i in interviews)


def test_a_cache_file_this_user_did_not_sign_is_never_unpickled(journal: Path, parses: list[str], monkeypatch) -> None:
    """Unpickling runs code: a file brought by a commit, a CI cache or another user is parsed around."""
    run(journal)
    payload = disk_file(journal).read_bytes()[parsecache.SIGNATURE:]
    disk_file(journal).write_bytes(bytes(parsecache.SIGNATURE) + payload)
    monkeypatch.setattr(parsecache.pickle, "loads", lambda data: pytest.fail("unpickled a file it did not sign"))
    loaded, problems = run(journal)
    assert len(parses) == 6 and len(loaded.interviews) == 3 and not problems


def test_the_cache_lives_in_the_users_cache_folder_signed_with_a_key_only_they_read(journal: Path, monkeypatch) -> None:
    monkeypatch.delenv("JOURNAL_CACHE_DIR")
    run(journal)
    user = journal / "user-cache" / "customer-research-journal"
    assert disk_file(journal).parent == user and disk_file(journal).is_file()
    assert not (journal / ".cache").exists()  # nothing in the project, where a commit could bring one
    assert (user / parsecache.KEY_FILE).stat().st_mode & 0o777 == 0o600
    assert disk_file(journal).stat().st_mode & 0o777 == 0o600  # the notes' private data


def test_files_that_are_gone_leave_the_cache(journal: Path) -> None:
    run(journal)
    (journal / "interviews" / "c.md").unlink()
    (journal / "interviews" / "b.md").write_text(VALID.read_text().replace("fewer-pages", "q-b2"))
    run(journal)
    assert sorted(entries_on_disk(journal)[2]) == ["interviews/a.md", "interviews/b.md"]


def test_switched_off_or_unwritable_it_only_parses(journal: Path, parses: list[str], monkeypatch) -> None:
    monkeypatch.setenv(parsecache.OFF, "off")
    run(journal)
    assert disk_file(journal) is None and not (journal / "cache").exists()
    monkeypatch.delenv(parsecache.OFF)
    (journal / "blocked").write_text("a file where the cache folder would be")
    monkeypatch.setenv("JOURNAL_CACHE_DIR", str(journal / "blocked"))
    loaded, problems = run(journal)
    assert len(loaded.interviews) == 3 and not problems and len(parses) == 6
    assert not list(journal.glob("**/*.part"))


def test_a_server_reads_the_file_once_and_then_keeps_its_cache_in_memory(journal: Path, parses: list[str]) -> None:
    run(journal)
    cache = ParseCache()
    first, _ = load_journal(journal, read_config(journal), today=TODAY, cache=cache)
    assert len(parses) == 3 and not cache.empty
    disk_file(journal).unlink()
    second, _ = load_journal(journal, read_config(journal), today=TODAY, cache=cache)
    assert len(parses) == 3 and second.interviews[0] is first.interviews[0]
    assert not disk_file(journal).exists()  # a rebuild writes nothing


def test_a_parse_cache_gives_back_the_interviews_of_files_that_did_not_change(tmp_path: Path) -> None:
    """`mkdocs serve` keeps one cache: only a changed file is read and parsed again."""
    (tmp_path / "interviews").mkdir()
    for name in ("a.md", "b.md"):
        (tmp_path / "interviews" / name).write_text(VALID.read_text().replace("fewer-pages", f"q-{name[0]}"))
    cache = ParseCache()
    first, _ = load_journal(tmp_path, read_config(tmp_path), today=TODAY, cache=cache)
    (tmp_path / "interviews" / "b.md").write_text(VALID.read_text().replace("fewer-pages", "q-b").replace("in half", "by more than half"))
    second, _ = load_journal(tmp_path, read_config(tmp_path), today=TODAY, cache=cache)
    assert [i.source for i in second.interviews] == ["interviews/a.md", "interviews/b.md"]
    assert second.interviews[0] is first.interviews[0]
    assert second.interviews[1] is not first.interviews[1] and "by more than half" in second.quote("q-b").text


def test_the_parse_cache_checks_the_text_of_a_file_saved_again_in_the_same_clock_tick(tmp_path: Path, monkeypatch) -> None:
    """File systems keep times in ticks: a second save of the same size can keep the time stamp.
    A file read within RACY_NS of its time stamp is reused only while its text is the same;
    an older one is reused on its time stamp and size alone, without reading it."""
    import os
    import time

    from generator.core import load, parsecache
    from generator.core.config import JournalConfig

    src = VALID.read_text()
    note = tmp_path / "acme.md"
    note.write_text(src)
    files, config, cache = [(note, "interviews/acme.md", "acme.md")], JournalConfig(), parsecache.ParseCache()
    summary = lambda: load.parse_files(files, config, TODAY, cache)[0].interview.body  # noqa: E731
    first = summary()
    stamp = note.stat()
    note.write_text(src.replace("Notes", "NOTES"))  # same size, and the same tick:
    os.utime(note, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert note.stat().st_size == stamp.st_size
    assert summary() != first and "NOTES" in summary()

    old = time.time_ns() - 10 * parsecache.RACY_NS  # saved long before it was read: settled
    os.utime(note, ns=(old, old))
    assert "NOTES" in summary()
    for module in (load, parsecache):
        monkeypatch.setattr(module, "read_text", lambda path: pytest.fail("a settled file is not read again"))
    assert "NOTES" in summary()


def test_without_a_home_there_is_no_cache_and_no_error(journal: Path, parses: list[str], monkeypatch) -> None:
    monkeypatch.delenv("JOURNAL_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: (_ for _ in ()).throw(RuntimeError("no home"))))
    loaded, problems = run(journal)
    assert len(loaded.interviews) == 3 and not problems and disk_file(journal) is None


def test_parses_of_projects_not_loaded_for_a_month_go_when_another_is_written(journal: Path) -> None:
    run(journal)
    folder = disk_file(journal).parent
    gone, kept = folder / "parsed-000000000000.pickle", folder / "parsed-111111111111.pickle"
    for stale in (gone, kept):
        stale.write_bytes(b"another project")
    month = time.time() - (parsecache.UNUSED_DAYS + 1) * 86400
    os.utime(gone, (month, month))
    (journal / "interviews" / "a.md").write_text(VALID.read_text().replace("fewer-pages", "q-a2"))
    run(journal)
    assert not gone.exists() and kept.exists() and disk_file(journal).exists()
