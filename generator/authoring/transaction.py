"""Writing several files all or nothing (`journal tags rename|merge`).

1. Each new text is written to a temporary file beside the file it replaces (same folder,
   so same file system: the swap is a rename).
2. Each file is checked to be as it was read (an editor may have saved it meanwhile), kept
   as a backup (a hard link: no disk space, or a copy), then replaced by its new text.
3. Only when every swap succeeded are the backups removed.

Any failure on the way restores every file already swapped from its backup, removes the
temporary files and backups, and raises :class:`EditAborted` saying what failed and that
no file was changed. Restoring renames backups back: it needs no disk space, so it works
when the disk is full.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import EditAborted


@dataclass
class NewText:
    """One file to replace: its path, how messages name it, its bytes as read, and its new bytes."""

    path: Path
    source: str
    before: bytes
    after: bytes


def _stage(change: NewText) -> str:
    """The new bytes in a temporary file beside the old one, with the old one's permissions."""
    fd, tmp = tempfile.mkstemp(prefix=f".{change.path.name}.", suffix=".journal-new", dir=change.path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(change.after)
        os.chmod(tmp, change.path.stat().st_mode & 0o7777)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _backup(path: Path) -> str:
    """Another name for the file as it is now: a hard link, or a copy where links are not allowed."""
    for _ in range(100):
        backup = str(path.with_name(f".{path.name}.{secrets.token_hex(4)}.journal-old"))
        try:
            os.link(path, backup)
            return backup
        except FileExistsError:
            continue
        except OSError:  # no hard links here (some network and Windows file systems)
            break
    fd, backup = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".journal-old", dir=path.parent)
    os.close(fd)
    try:
        shutil.copy2(path, backup)
    except BaseException:
        Path(backup).unlink(missing_ok=True)
        raise
    return backup


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc) or type(exc).__name__


def write_all(changes: list[NewText]) -> None:
    """Replace every file by its new text, or (EditAborted) leave every file as it was."""
    staged: list[str] = []
    backups: list[tuple[NewText, str]] = []  # of the files swapped so far, in order
    current = (changes[0], "write") if changes else None
    try:
        for change in changes:
            current = (change, "write the new text beside")
            staged.append(_stage(change))
        for change, tmp in zip(changes, staged):
            current = (change, "replace")
            if change.path.read_bytes() != change.before:
                raise EditAborted(f"{change.source} changed while the files were being edited (saved in an editor?); "
                                  "no file was changed: run the command again")
            backup = _backup(change.path)
            backups.append((change, backup))
            os.replace(tmp, change.path)
    except BaseException as exc:
        failed = _rollback(backups, staged)
        if isinstance(exc, EditAborted) and not failed:
            raise
        change, action = current
        what = f"could not {action} {change.source} ({_reason(exc)})"
        if failed:
            raise EditAborted(f"{what}, and could not put back {'; '.join(failed)}") from exc
        raise EditAborted(f"{what}; no file was changed") from exc
    for _, backup in backups:
        Path(backup).unlink(missing_ok=True)


def _same_file(a: str, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _rollback(backups: list[tuple[NewText, str]], staged: list[str]) -> list[str]:
    """Put every swapped file back from its backup; remove what was staged. The files that could not be put back."""
    failed = []
    for change, backup in reversed(backups):
        path = change.path
        try:
            if _same_file(backup, path):  # not swapped yet (renaming a link onto itself does nothing)
                os.unlink(backup)
            else:
                os.replace(backup, path)
        except OSError:
            failed.append(f"{change.source}: its text as it was is in {Path(backup).name} beside it")
    for tmp in staged:
        try:
            Path(tmp).unlink(missing_ok=True)
        except OSError:
            pass
    return failed
