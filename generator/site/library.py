"""The quotes library's data for the browser: one compact record per quote, fetched in chunks.

At 20,000 quotes the library cannot ship every card as HTML (35 MB). The page holds the
first screen of cards and a small manifest (:func:`data_files`); every quote is in a chunk
of ``CHUNK`` records, ``quotes/data/q-<hash>.json``, holding what filtering, text search,
counting, "Copy with attribution", "Copy citation" and drawing a card need, and nothing else.

Strings that many quotes share (an interview's account and date, a speaker, a badge, a tag
chip) are written once per chunk: a chunk is a few tables (``Visit``, ``Voice``, ``State``,
``Tag`` rows, each a list of numbers into the chunk's strings ``s``) and the quotes, which
refer to table rows by number. The manifest's ``schema`` names the fields, so quotes.js
decodes any chunk without knowing Python's field order.

A permalink ``/quotes/#<id>`` finds its quote through the id index: the ids, sorted, in
files of ``IDS_PER_FILE`` (``quotes/data/ids-<hash>.json``: id -> position in the library),
whose first ids the manifest lists. File names carry their content's hash: a browser never
mixes a new page with an old chunk.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, NamedTuple

from .page import Page

CHUNK = 1000  # quotes per data file (about 130 KB)
IDS_PER_FILE = 2000
PAGE = 100  # quotes on the first screen, and per "Show more"


class Visit(NamedTuple):
    """What a quote takes from its interview (URLs relative to the library)."""

    account: str  # display name
    account_url: str
    acct: str  # filter value: the account's slug
    rel: str  # filter value: the relationship when it was said
    said_as: str  # "a prospect"
    url: str  # the interview page
    date: str  # ISO, for the date filters
    date_label: str  # "4 Mar 2026"
    channel: str  # "video call", or ""
    ind: str  # filter value: the industry, normalised


class Voice(NamedTuple):
    """Who said it, as the library credits them."""

    who: str  # after the dash on the card: "Jane Doe, VP Operations (Operations)", or the descriptor
    search: str  # what text search finds the speaker by: name, role, descriptor
    per: str  # filter values, normalised
    dep: str
    tail: str  # the end of the attribution, after the text: '" — Jane Doe, VP Operations, Acme'


class State(NamedTuple):
    """The clearance in force and what it decides on the card."""

    kind: str  # public | anonymous | internal: the card's colour
    cl: str  # filter value: the same, or "expired"
    badge: str  # the badge's HTML
    head: str  # the start of the attribution, before the text: '"' or '[INTERNAL ONLY…] "'
    copy_label: str  # "Copy with attribution" or "Copy (internal only)"
    card: str  # "" (not cleared: no card image, no citation), CARD_IMAGE (its image is cards/<id>.png), or why it has none


CARD_IMAGE = "png"


class Tag(NamedTuple):
    chip: str  # the tag's link to its segment page (HTML)
    value: str  # filter value, normalised


class Record(NamedTuple):
    """One quote for the library. Copy with attribution is ``state.head + text + voice.tail``; a
    cleared quote's citation is ``cite``, or when that is "" ``views.citation.plain_citation(id, text)``."""

    id: str
    text: str  # whitespace collapsed, as the attribution quotes it
    html: str  # the text's HTML when it has inline markup, else "" (the card escapes ``text``)
    visit: Visit
    voice: Voice
    state: State
    tags: tuple[Tag, ...]
    notes: str  # HTML: "Evidence for" and "Cited in", or ""
    cite: str  # the campaign YAML citing it when YAML quotes a value (views.citation.library_citation), else ""


TABLES: dict[str, type[Any]] = {"visit": Visit, "voice": Voice, "state": State, "tags": Tag}
INLINE = ("id", "text")  # written as they are; every other field is a number (into ``s`` or a table)
LISTS = ("tags",)  # lists of table rows
SCHEMA = {"quote": list(Record._fields), "inline": list(INLINE),
          "tables": {name: list(kind._fields) for name, kind in TABLES.items()}}


class _Chunk:
    """The tables of one chunk while it is written: each distinct string and row once."""

    def __init__(self) -> None:
        self.strings: dict[str, int] = {}
        self.rows: dict[str, dict[tuple, int]] = {name: {} for name in TABLES}

    def string(self, value: str) -> int:
        return self.strings.setdefault(value, len(self.strings))

    def row(self, table: str, value: tuple) -> int:
        rows = self.rows[table]
        if value not in rows:
            rows[value] = len(rows)
        return rows[value]

    def quote(self, record: Record) -> list[Any]:
        out: list[Any] = []
        for name, value in zip(Record._fields, record):
            if name in INLINE:
                out.append(value)
            elif name in LISTS:
                out.append([self.row(name, v) for v in value])
            elif name in TABLES:
                out.append(self.row(name, value))
            else:
                out.append(self.string(value))
        return out

    def encode(self, records: list[Record]) -> dict[str, Any]:
        quotes = [self.quote(r) for r in records]
        tables = {name: [[self.string(field) for field in row] for row in rows] for name, rows in self.rows.items()}
        return {"s": list(self.strings), **tables, "q": quotes}


def encode_chunk(records: list[Record]) -> dict[str, Any]:
    """One chunk's JSON document: ``s`` (strings), one list per table, ``q`` (the quotes)."""
    return _Chunk().encode(records)


def _data_page(folder: str, kind: str, data: Any) -> Page:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Page(f"{folder}data/{kind}-{hashlib.sha1(text.encode()).hexdigest()[:12]}.json", text)


def id_files(ids: list[str]) -> list[tuple[str, dict[str, int]]]:
    """(first id, {id: position}) per id file, the ids sorted as JavaScript compares strings
    (by UTF-16 code units), so the browser finds an id's file by comparing it with the first ids."""
    order = sorted(range(len(ids)), key=lambda k: ids[k].encode("utf-16-be"))
    return [(ids[part[0]], {ids[k]: k for k in part})
            for part in (order[n:n + IDS_PER_FILE] for n in range(0, len(order), IDS_PER_FILE))]


def data_files(records: list[Record], folder: str, cards: str = "cards/") -> tuple[dict[str, Any], list[Page]]:
    """The manifest the library page embeds, and the data files of ``records`` (in library
    order) below ``folder`` (the library's docs folder, e.g. ``quotes/``); manifest URLs are
    relative to the library page, ``cards`` too: the folder of the card images."""
    chunks = [_data_page(folder, "q", encode_chunk(records[n:n + CHUNK])) for n in range(0, len(records), CHUNK)]
    ids = [(first, _data_page(folder, "ids", positions)) for first, positions in id_files([r.id for r in records])]
    manifest = {
        "total": len(records), "page": PAGE, "chunk": CHUNK, "schema": SCHEMA,
        "cards": cards, "card_image": CARD_IMAGE,
        "chunks": [p.path[len(folder):] for p in chunks],
        "ids": [[first, p.path[len(folder):]] for first, p in ids],
    }
    return manifest, chunks + [p for _, p in ids]
