"""generator.authoring.transaction: `journal tags rename|merge` changes every file or none.

A failure is injected at every file operation of a rename that changes three files; after
each, every file holds the bytes it had, and no temporary file or backup is left."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.adapters.cli.app import main
from generator.authoring import transaction
from generator.authoring.tagedit import plan, write_edits
from generator.core.project import read_config
from generator.errors import EditAborted
from tests.support import EPOCH, FIXTURES

FIXTURE = FIXTURES / "segments"


def journal_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "journal"))


def rename_pricing(root: Path):
    return CliRunner().invoke(main, ["--root", str(root), "tags", "rename", "Pricing", "price"], env={"SOURCE_DATE_EPOCH": EPOCH})


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def leftovers(root: Path) -> list[Path]:
    """Temporary files and backups (hidden files beside the edited ones)."""
    return [p for p in root.rglob(".*") if p.is_file()]


class FaultyFileSystem:
    """The file operations of ``authoring.transaction``, counted; the one numbered ``fail_at`` fails
    as a full disk would (a hard link fails as on a file system without them)."""

    OPERATIONS = ("mkstemp", "fdopen", "chmod", "link", "replace")

    def __init__(self, fail_at: int | None = None, *also: int):
        self.failing, self.calls = {fail_at, *also}, []

    def wrap(self, module):
        proxy = self

        class Wrapped:
            def __getattr__(self, name):
                real = getattr(module, name)
                if name not in proxy.OPERATIONS:
                    return real

                def call(*args, **kwargs):
                    proxy.calls.append(name)
                    if len(proxy.calls) - 1 in proxy.failing:
                        if name == "link":
                            raise PermissionError(1, "Operation not permitted")
                        raise OSError(28, "No space left on device")
                    return real(*args, **kwargs)
                return call
        return Wrapped()

    def install(self, monkeypatch) -> None:
        monkeypatch.setattr(transaction, "os", self.wrap(os))
        monkeypatch.setattr(transaction, "tempfile", self.wrap(tempfile))


RENAMED = ("interviews/2025/beta-2025-05-02.md", "interviews/2026/cargo-2026-09-15.md", "interviews/tags.yml")
# three files: a temporary file made, written and given the old one's mode; then each one's backup link and swap
CALLS = ["mkstemp", "fdopen", "chmod"] * 3 + ["link", "replace"] * 3
WRITES = len(CALLS)


def test_a_rename_writes_through_temporary_files_beside_the_old_ones(tmp_path: Path, monkeypatch) -> None:
    root = journal_copy(tmp_path)
    fs = FaultyFileSystem()
    fs.install(monkeypatch)
    assert rename_pricing(root).exit_code == 0
    assert fs.calls == CALLS
    assert not leftovers(root)  # no temporary file or backup left


def rename_failing_at(tmp_path: Path, monkeypatch, fail_at: int):
    """`journal tags rename` in a copy of the journal, the file system failing at write number ``fail_at``
    (of CALLS): its result and the files it changed. It leaves no temporary file or backup behind."""
    root = journal_copy(tmp_path)
    before = files(root)
    FaultyFileSystem(fail_at).install(monkeypatch)
    result = rename_pricing(root)
    after = files(root)
    assert not leftovers(root)
    return result, {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


@pytest.mark.parametrize("fail_at", [n for n, call in enumerate(CALLS) if call != "link"])
def test_a_failure_at_any_write_leaves_every_file_as_it_was(tmp_path: Path, monkeypatch, fail_at: int) -> None:
    result, changed = rename_failing_at(tmp_path, monkeypatch, fail_at)
    assert result.exit_code == 2, result.output
    assert changed == set()
    assert "no space left on device); no file was changed" in " ".join(result.stderr.split())
    assert "Traceback" not in result.output and not result.stdout  # no change is listed as made


@pytest.mark.parametrize("fail_at", [n for n, call in enumerate(CALLS) if call == "link"])
def test_without_hard_links_the_backup_is_a_copy_and_the_rename_goes_through(tmp_path: Path, monkeypatch, fail_at: int) -> None:
    result, changed = rename_failing_at(tmp_path, monkeypatch, fail_at)
    assert result.exit_code == 0, result.output
    assert changed == set(RENAMED)


def test_the_message_names_the_file_and_what_failed(tmp_path: Path, monkeypatch) -> None:
    root = journal_copy(tmp_path)
    FaultyFileSystem(WRITES - 1).install(monkeypatch)  # the last swap: two files were already replaced
    result = rename_pricing(root)
    assert " ".join(result.stderr.split()) == (
        "error: could not replace interviews/tags.yml (no space left on device); no file was changed")


def test_a_file_saved_in_an_editor_meanwhile_stops_the_edit(tmp_path: Path) -> None:
    root = journal_copy(tmp_path)
    edits = plan(root, read_config(root), "Pricing", "price", merge=False)
    saved = root / RENAMED[1]
    saved.write_text(saved.read_text(encoding="utf-8") + "\nA line typed meanwhile.\n", encoding="utf-8")
    before = files(root)
    with pytest.raises(EditAborted, match="interviews/2026/cargo-2026-09-15.md changed while the files were being edited"):
        write_edits(edits)
    assert files(root) == before


def test_when_even_putting_back_fails_the_message_names_the_file_to_restore(tmp_path: Path, monkeypatch) -> None:
    root = journal_copy(tmp_path)
    fs = FaultyFileSystem(WRITES - 1, WRITES)  # the last swap fails, then putting back the second file too
    fs.install(monkeypatch)
    result = rename_pricing(root)
    assert fs.calls[WRITES:] == ["replace", "replace"]  # the files swapped are put back, newest first
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert message.startswith("error: could not replace interviews/tags.yml (no space left on device), and could not "
                              "put back interviews/2026/cargo-2026-09-15.md: its text as it was is in .cargo-2026-09-15.md.")
    (kept,) = leftovers(root)  # the one copy of the note as it was is not deleted
    assert kept.name in message and kept.read_bytes() == (FIXTURE / "interviews/2026/cargo-2026-09-15.md").read_bytes()
