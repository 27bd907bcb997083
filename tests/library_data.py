"""The quotes library's data as the browser reads it: the page's manifest, then every chunk, decoded.

An independent reading of the format that generator/site/library.py writes and quotes.js reads.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from typing import Callable

MANIFEST = re.compile(r'<div id="journal-quotes-data" hidden data-manifest="([^"]*)"></div>')


def manifest(html: str) -> dict:
    match = MANIFEST.search(html)
    assert match, "the library embeds its manifest"
    return json.loads(html_lib.unescape(match.group(1)))


def decode(chunk: dict, schema: dict) -> list[dict]:
    strings = chunk["s"]
    tables = {name: [dict(zip(fields, (strings[i] for i in row))) for row in chunk[name]]
              for name, fields in schema["tables"].items()}
    out = []
    for row in chunk["q"]:
        record = {}
        for field, value in zip(schema["quote"], row):
            if field in schema["inline"]:
                record[field] = value
            elif field in tables:
                record[field] = [tables[field][i] for i in value] if isinstance(value, list) else tables[field][value]
            else:
                record[field] = strings[value]
        record["copy"] = record["state"]["head"] + record["text"] + record["voice"]["tail"]
        out.append(record)
    return out


def records(html: str, read: Callable[[str], str]) -> list[dict]:
    """Every record of the library whose page is ``html``; ``read(path)``: a file's text, by its path
    relative to the library's folder (e.g. ``data/q-….json``)."""
    data = manifest(html)
    out = [r for url in data["chunks"] for r in decode(json.loads(read(url)), data["schema"])]
    assert len(out) == data["total"]
    return out
