"""The card cache, and each quote's card in it.

Cards are expensive (60-300 ms of CPU each) and a large journal has thousands, so they are
kept across builds in a folder of their own, outside the site and the journal's folders:
``.cache/journal/cards/`` in the project (``$JOURNAL_CACHE_DIR/cards`` when that is set),
each named by its content hash (``CardFace.key``): ``<key>.png`` and ``<key>.svg``, or
``<key>.none`` holding why that face makes no card. A build renders only the faces it has
not seen, on every core, and links the files into the site (``page.link_or_copy``).
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
import threading
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ...core.model import Journal, Quote
from ...core.parsecache import chosen_cache
from ...core.workers import can_fork
from .face import CardFace, brand_of, card_face
from .render import render

PARALLEL_MIN = 8  # fewer missing cards are rendered in this process
KEEP_UNUSED = 24 * 3600  # seconds: a full build removes older cache files it did not use


def cache_folder(root: Path | None) -> Path:
    """Where the cards of the project at ``root`` are kept."""
    base = chosen_cache() or (root / ".cache" / "journal" if root is not None else Path(tempfile.gettempdir()) / "journal-cache")
    return base / "cards"


@dataclass(frozen=True)
class Card:
    """A quote's card: its two files, or why it has none (``reason``)."""

    key: str
    png: Path | None = None
    svg: Path | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.png is not None


class CardStore:
    """The cache folder: what is in it, and writing to it (by several processes at once, safely)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._names: set[str] | None = None

    @property
    def names(self) -> set[str]:
        """The files in the folder (listed once: the folder may hold tens of thousands)."""
        if self._names is None:
            self._names = set(os.listdir(self.folder)) if self.folder.is_dir() else set()
        return self._names

    def forget(self) -> None:
        """Other processes wrote to the folder: read its listing again when next asked."""
        self._names = None

    def lookup(self, key: str) -> Card | None:
        """The card cached under ``key``, or None when it was never made."""
        reason = self.reason(key)
        if reason is None:
            return None
        return Card(key, reason=reason) if reason else Card(key, self.folder / f"{key}.png", self.folder / f"{key}.svg")

    def reason(self, key: str) -> str | None:
        """Why the face with ``key`` makes no card ("" when its card is cached, None when it was never made)."""
        if f"{key}.png" in self.names and f"{key}.svg" in self.names:
            return ""
        if f"{key}.none" in self.names:
            return (self.folder / f"{key}.none").read_text(encoding="utf-8")
        return None

    def save(self, key: str, made: tuple[bytes, str] | str) -> Card:
        """Keep what ``render`` made of the face with ``key``."""
        if isinstance(made, str):
            self._write(f"{key}.none", made.encode())
            return Card(key, reason=made)
        self._write(f"{key}.png", made[0])
        self._write(f"{key}.svg", made[1].encode())
        return Card(key, self.folder / f"{key}.png", self.folder / f"{key}.svg")

    def _write(self, name: str, data: bytes) -> None:
        """Whole or not at all: written aside, then renamed into place."""
        self.folder.mkdir(parents=True, exist_ok=True)
        part = self.folder / f".{name}.{os.getpid()}.part"
        part.write_bytes(data)
        os.replace(part, self.folder / name)
        if self._names is not None:
            self._names.add(name)

    def prune(self, used: set[str]) -> int:
        """Remove the files of keys not in ``used`` that were made over KEEP_UNUSED ago (another
        build, of another branch, may still use what was made recently); how many went."""
        old = time.time() - KEEP_UNUSED
        gone = 0
        for name in sorted(self.names):
            if name.lstrip(".").split(".")[0] in used:
                continue
            try:
                if (self.folder / name).stat().st_mtime >= old:
                    continue
                (self.folder / name).unlink()
                gone += 1
            except FileNotFoundError:  # another build pruned it first
                pass
            self.names.discard(name)
        return gone


def _make(folder: Path, item: tuple[str, CardFace]) -> None:
    """In a worker: render one face into the cache."""
    key, face = item
    CardStore(folder).save(key, render(face))


class CardImages:
    """The cards of one journal, as one build sees them."""

    def __init__(self, journal: Journal, folder: Path | None = None):
        self.journal = journal
        self.store = CardStore(folder or cache_folder(journal.root))
        self.brand = brand_of(journal.config.cards, journal.root)
        self.used: set[str] = set()  # keys of the cards this build asked for
        self._complete = False  # every quote's card is in the cache (make_missing ran)
        self.drawn = 0  # cards this build rendered
        self._faces: dict[str, CardFace | None] = {}

    def face(self, quote: Quote) -> CardFace | None:
        """What ``quote``'s card shows (None: it gets none); worked out once per build."""
        if quote.id not in self._faces:
            self._faces[quote.id] = card_face(quote, self.journal.today, self.brand)
        return self._faces[quote.id]

    def card(self, quote: Quote) -> Card | None:
        """``quote``'s card, made now if it is not in the cache; None for a quote that gets none
        (not cleared)."""
        face = self.face(quote)
        if face is None:
            return None
        key = face.key
        self.used.add(key)
        return self.store.lookup(key) or self._draw(key, face)

    def _draw(self, key: str, face: CardFace) -> Card:
        self.drawn += 1
        return self.store.save(key, render(face))

    def prune(self) -> int:
        """After a whole build: remove the cache files of cards it did not use (see CardStore.prune)."""
        return self.store.prune(self.used)

    def make_missing(self) -> int:
        """Render the cards that are not in the cache yet, on every core; how many were made."""
        if self._complete:
            return 0
        self._complete = True
        faces = {f.key: f for f in map(self.face, self.journal.quotes) if f is not None}
        todo = sorted((key, face) for key, face in faces.items() if self.store.lookup(key) is None)
        self.drawn += len(todo)
        if len(todo) < PARALLEL_MIN or (os.cpu_count() or 1) < 2:
            for key, face in todo:
                self.store.save(key, render(face))
            return len(todo)
        # A process with threads (`mkdocs serve`) must not fork: its workers start afresh.
        context = multiprocessing.get_context("fork" if can_fork() and threading.active_count() == 1 else "spawn")
        with context.Pool(min(2, os.cpu_count() or 1)) as pool:
            for _ in pool.imap_unordered(partial(_make, self.store.folder), todo, chunksize=4):
                pass
        self.store.forget()  # the workers wrote the files: list the folder again
        return len(todo)
