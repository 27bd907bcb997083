"""Parsed interviews kept between loads: in memory for `mkdocs serve`, on disk for the next run.

Parsing is most of `journal check` (1.6 s of 2.6 s at 5,000 notes) and of a build's first
seconds, yet between two runs only the notes someone edited change. So the first load in a
process reads what the last run parsed, re-parses only the files whose time stamp, size or text
changed, and writes the file back when it parsed anything. Whatever else a parse depends on
(this package's code, the journal's options, today's date, the Python and library versions) is
part of the file's key: a file with another key, or one that cannot be read, is ignored and
rewritten.

The file is a pickle, and unpickling runs code: so it lives in the user's own cache folder
(``~/.cache/customer-research-journal``, ``$XDG_CACHE_HOME`` honoured; ``$JOURNAL_CACHE_DIR``
when set), never in the project, where a commit or a CI cache could bring one, and it is
signed with a key that only this user can read: a file someone else wrote is not unpickled.
It holds the notes' private data, like the journal's own folder does.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import os
import pickle
import secrets
import sys
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pydantic
import yaml

from .config import JournalConfig
from .interviews import Parsed
from .slugs import short_hash
from .yamlfile import read_text

Stamp = tuple[int, int]
# File systems keep modification times in ticks: a few milliseconds (the kernel's coarse clock),
# one second, two (FAT). A file read within this long of its time stamp can be saved again with
# the same time stamp and size, so the cache checks its text before reusing it (git's "racy" files).
RACY_NS = 2_000_000_000
FORMAT = 1  # of the file's contents
OFF = "JOURNAL_PARSE_CACHE"  # "off": no file is read or written (benchmarks of a cold start)
KEY_FILE = "parse-cache.key"


def chosen_cache() -> Path | None:
    """The cache folder ``$JOURNAL_CACHE_DIR`` names (CI, benchmarks, tests), for the cards and the parses."""
    env = os.environ.get("JOURNAL_CACHE_DIR", "").strip()
    return Path(env) if env else None


def user_cache() -> Path | None:
    """This user's cache folder for the journal, outside every project (None: no home to put it in)."""
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    try:
        return (Path(base) if base else Path.home() / ".cache") / "customer-research-journal"
    except (RuntimeError, KeyError):  # no HOME, and no entry in the password database
        return None


@dataclass
class _Entry:
    stamp: Stamp
    parsed: Parsed
    digest: str  # of the text that was parsed ("" when it could not be read)
    settled: bool  # the time stamp was safely older than the read: a later save changes it


class ParseCache:
    """Parsed interviews keyed by path, mtime and size.

    An entry whose file was read in the tick it was written is reused only while the file's
    text is the same (see RACY_NS)."""

    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}
        self.changed = 0  # entries parsed or re-stamped since the cache was made or read

    @property
    def empty(self) -> bool:
        return not self._entries

    @staticmethod
    def stamp(path: Path) -> Stamp:
        try:
            st = path.stat()
            return (st.st_mtime_ns, st.st_size)
        except OSError:
            return (0, 0)

    def lookup(self, source: str, stamp: Stamp, path: Path | None = None) -> Parsed | None:
        """What ``source`` parsed to, when its file is unchanged: the same time stamp and size,
        or (a racy entry, a fresh checkout, a touched file) the same text."""
        hit = self._entries.get(source)
        if hit is None:
            return None
        if hit.stamp != stamp or not hit.settled:
            if path is None or not hit.digest or _digest(path) != hit.digest:
                return None
            if hit.stamp != stamp:
                self.changed += 1  # written back with its new stamp: the next run skips reading it
            hit.stamp, hit.settled = stamp, stamp[0] < time.time_ns() - RACY_NS
        return hit.parsed

    def store(self, source: str, stamp: Stamp, parsed: Parsed, read_at: int = 0) -> None:
        """Keep ``parsed``, read (at ``read_at``, ns since the epoch) from a file with ``stamp``."""
        self._entries[source] = _Entry(stamp, parsed, parsed.digest, stamp[0] < read_at - RACY_NS)
        self.changed += 1

    def keep_only(self, sources: set[str]) -> None:
        """Forget the files that are gone."""
        for source in [s for s in self._entries if s not in sources]:
            del self._entries[source]

    def read(self, file: Path, key: str) -> None:
        """Take the entries of ``file`` when this user signed it under ``key``; anything else is ignored."""
        secret = _secret()
        try:
            data = file.read_bytes()
        except OSError:
            return
        signature, payload = data[:SIGNATURE], data[SIGNATURE:]
        if secret is None or not hmac.compare_digest(signature, _sign(secret, payload)):
            return  # not written by this user: never unpickled
        try:
            fmt, found, entries = pickle.loads(payload)
        except Exception:  # written by other code of ours: parse afresh
            return
        if fmt == FORMAT and found == key and isinstance(entries, dict):
            self._entries = entries
            self.changed = 0

    def write(self, file: Path, key: str) -> None:
        """Write every entry to ``file``, signed (aside, then renamed: a reader never sees half of
        it). Call it before the model links the interviews to each other. A cache that cannot be
        written is no error: the next run parses again."""
        secret = _secret()
        if secret is None:
            return
        payload = pickle.dumps((FORMAT, key, self._entries), protocol=pickle.HIGHEST_PROTOCOL)
        part = file.with_name(f".{file.name}.{os.getpid()}.part")
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # the notes' private data: this user's only
            with os.fdopen(fd, "wb") as stream:
                stream.write(_sign(secret, payload))
                stream.write(payload)
            os.replace(part, file)
        except OSError:
            with contextlib.suppress(OSError):
                part.unlink(missing_ok=True)
        _forget_old(file.parent)


def _digest(path: Path) -> str:
    raw = read_text(path)
    return "" if raw.problem else short_hash(raw.text, 16)


SIGNATURE = 32  # bytes of HMAC-SHA256 before the pickle
UNUSED_DAYS = 30  # a project's parses not written for this long go (a clone since deleted, say)


def _forget_old(folder: Path) -> None:
    old = time.time() - UNUSED_DAYS * 86400
    for stale in folder.glob("parsed-*.pickle"):
        with contextlib.suppress(OSError):
            if stale.stat().st_mtime < old:
                stale.unlink()


def _sign(secret: bytes, payload: bytes) -> bytes:
    return hmac.new(secret, payload, hashlib.sha256).digest()


def _secret() -> bytes | None:
    """This user's signing key, made on first use, readable by this user only (None: no cache)."""
    folder = user_cache()
    if folder is None:
        return None
    path = folder / KEY_FILE
    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            part = path.with_name(f".{KEY_FILE}.{os.getpid()}")
            fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as stream:
                stream.write(secrets.token_bytes(32))
            with contextlib.suppress(FileExistsError):  # another process made one first: use that
                os.link(part, path)
            part.unlink()
        secret = path.read_bytes()
    except OSError:
        return None
    return secret if len(secret) == 32 else None


def disk_file(root: Path) -> Path | None:
    """Where the parses of the project at ``root`` are kept (None when switched off)."""
    if os.environ.get(OFF, "").strip().lower() in ("off", "0", "no"):
        return None
    folder = chosen_cache() or user_cache()
    return None if folder is None else folder / f"parsed-{short_hash(str(root.resolve()), 12)}.pickle"


def disk_key(config: JournalConfig, today: dt.date) -> str:
    """Everything a parse depends on besides the file itself."""
    return hashlib.sha1(repr((_code(), config.model_dump_json(), today.isoformat())).encode()).hexdigest()


@cache
def _code() -> str:
    """This package's parsing code and what it runs on (read once per process)."""
    core = Path(__file__).parent
    digest = hashlib.sha1(f"{sys.version} {pydantic.VERSION} {yaml.__version__}".encode())
    for path in [*sorted(core.glob("*.py")), core.parent / "errors.py"]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
