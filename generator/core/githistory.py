"""Who edited each interview and when, from git: one `git log` for the whole journal.

Interview pages show "last edited" and the names of the people who edited the
file. Names only (mailmap applied), never e-mail addresses. Without git or outside
a repository there is no history and pages omit it. In a shallow clone whose history
of the notes is cut off (git marks the oldest commit fetched "grafted", and that
commit seems to add every file), dates and authors would be wrong: the history is
``cut_off`` and pages say "last edited: unknown". Never a wrong date.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ProjectError

RECORD, UNIT = "\x1e", "\x1f"
# Author date (YYYY-MM-DD), author name after .mailmap, and ref names ("grafted" marks a shallow clone).
FORMAT = f"--format={RECORD}%as{UNIT}%aN{UNIT}%D"
TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class FileHistory:
    """The git history of one file: the latest edit's date and every author, first author first."""

    last_edited: dt.date
    authors: tuple[str, ...]


class History(dict):
    """FileHistory by path; ``cut_off`` when the repository is a shallow clone that does not reach
    back far enough: then no file's history is known."""

    def __init__(self, items=(), *, cut_off: bool = False):
        super().__init__(items)
        self.cut_off = cut_off


@dataclass
class _Builder:
    last_edited: dt.date
    authors: list[str] = field(default_factory=list)  # by oldest edit, newest first while reading


def git_log_command(folder: str) -> list[str]:
    """The one command: every commit touching ``folder``, with renames, paths relative to the project."""
    return ["git", "-c", "core.quotepath=off", "log", "--no-color", "--relative", "--name-status", "-M", FORMAT,
            "--", folder]


def read_history(root: Path, folder: str) -> History:
    """History of every file under ``root/folder`` keyed by its path from ``root``; empty when unavailable."""
    try:
        result = subprocess.run(git_log_command(folder), cwd=root, capture_output=True, timeout=TIMEOUT_SECONDS,
                                check=False)
    except (OSError, subprocess.SubprocessError):  # no git, or it hung
        return History()
    if result.returncode != 0:  # not a repository, no commits yet, ...
        return History()
    return parse_log(result.stdout.decode("utf-8", errors="replace"))


def parse_log(text: str) -> History:
    """Parse `git log` output (newest commit first), following renames back to older names."""
    found: dict[str, _Builder] = {}
    current_name: dict[str, str] = {}  # an older path -> the path the file has now
    for record in text.split(RECORD)[1:]:
        header, _, changes = record.partition("\n")
        date_text, name, refs = (header.split(UNIT) + ["", ""])[:3]
        if "grafted" in (r.strip() for r in refs.split(",")):
            return History(cut_off=True)  # a shallow clone: the history is cut off here
        try:
            date = dt.date.fromisoformat(date_text)
        except ValueError:
            continue
        name = " ".join(name.split())
        for line in changes.splitlines():
            status, *paths = line.split("\t")
            if not paths or status.startswith("D"):
                continue
            path = current_name.get(paths[-1], paths[-1])
            if status.startswith("R") and len(paths) == 2:
                current_name[paths[0]] = path
            entry = found.setdefault(path, _Builder(date))
            if name in entry.authors:  # keep each author at their oldest edit
                entry.authors.remove(name)
            if name:
                entry.authors.append(name)
    return History((path, FileHistory(b.last_edited, tuple(reversed(b.authors)))) for path, b in sorted(found.items()))


def staged_files(root: Path) -> list[str]:
    """Paths (from ``root``) of the files staged for the next commit, deletions included."""
    try:
        result = subprocess.run(["git", "diff", "--cached", "--name-only", "--relative", "-z"], cwd=root,
                                capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        raise ProjectError(f"--staged needs git: {exc}") from None
    if result.returncode != 0:
        raise ProjectError(f"--staged works inside a git repository, and {root} is not in one")
    return [p for p in result.stdout.decode("utf-8", errors="replace").split("\0") if p]


def staged_renames(root: Path) -> dict[str, str]:
    """Files staged as moved (git's rename detection): new path -> old path, from ``root``."""
    try:
        result = subprocess.run(["git", "-c", "core.quotepath=off", "diff", "--cached", "-M", "--name-status", "--relative", "-z"],
                                cwd=root, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.SubprocessError):
        return {}
    fields = result.stdout.decode("utf-8", errors="replace").split("\0") if result.returncode == 0 else []
    renames: dict[str, str] = {}
    k = 0
    while k < len(fields) and fields[k]:
        status = fields[k]
        if status.startswith(("R", "C")):
            if status.startswith("R") and k + 2 < len(fields):
                renames[fields[k + 2]] = fields[k + 1]
            k += 3
        else:
            k += 2
    return renames
