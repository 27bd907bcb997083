"""Run `mkdocs build` with two test hooks (used by tests/test_build_integrity.py).

- JOURNAL_TEST_GUARD=dir1:dir2: an audit hook fails the process on any write, rename,
  removal or new folder under those folders (works as root, where chmod does not stop writes).
- JOURNAL_TEST_REVERSE_LISTING=1: every directory listing comes in reverse order, so
  output that depends on the file system's order shows up as a difference.
"""

from __future__ import annotations

import os
import sys

_WRITE_EVENTS = {"os.rename", "os.remove", "os.rmdir", "os.mkdir", "os.symlink", "os.link", "os.truncate",
                 "os.chmod", "os.utime", "shutil.rmtree", "shutil.move", "shutil.copyfile"}


def _guard(folders: list[str]) -> None:
    roots = [os.path.realpath(f) + os.sep for f in folders]

    def inside(path: object) -> bool:
        if isinstance(path, int) or path is None:
            return False
        full = os.path.realpath(os.fsdecode(path)) + os.sep
        return any(full.startswith(root) for root in roots)

    def hook(event: str, args: tuple) -> None:
        if event == "open":
            path, mode, flags = args
            writing = (mode and any(c in mode for c in "wax+")) or (isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))
            if writing and inside(path):
                os.write(2, f"GUARD: write to {path}\n".encode())
                os._exit(97)
        elif event in _WRITE_EVENTS and args and any(inside(a) for a in args[:2] if isinstance(a, (str, bytes, os.PathLike))):
            os.write(2, f"GUARD: {event} {args[:2]}\n".encode())
            os._exit(97)

    sys.addaudithook(hook)


class _Reversed:
    """os.scandir's iterator, entries in reverse order."""

    def __init__(self, it):
        self._it = it
        self._entries = iter(list(it)[::-1])

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._entries)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self._it.close()

    def close(self) -> None:
        self._it.close()


def _reverse_listings() -> None:
    scandir, listdir = os.scandir, os.listdir
    os.scandir = lambda path=".": _Reversed(scandir(path))  # type: ignore[assignment]
    os.listdir = lambda path=".": listdir(path)[::-1]  # type: ignore[assignment]


if __name__ == "__main__":
    if os.environ.get("JOURNAL_TEST_GUARD"):
        _guard(os.environ["JOURNAL_TEST_GUARD"].split(os.pathsep))
    if os.environ.get("JOURNAL_TEST_REVERSE_LISTING"):
        _reverse_listings()
    from mkdocs.__main__ import cli

    sys.argv = ["mkdocs", "build", *sys.argv[1:]]
    cli()
