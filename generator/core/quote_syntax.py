"""Quote syntax (spec section 3): a blockquote whose last line is an attribution."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .frontmatter import CLEARANCES, Person
from .problems import Problems, one_of, suggest
from .slugs import short_hash

QUOTE_START = "journal-quote-start-{}"
QUOTE_END = "journal-quote-end-{}"
_ATTRIBUTION = re.compile(r"^(?:—|―|--)\s*(?P<rest>.*)$")
_TOKEN = re.compile(r'\s*(?:(#[A-Za-z0-9][\w-]*)|([A-Za-z_][\w-]*)=("[^"]*"|\S+)|([A-Za-z_][\w-]*)|(\S+))')
_ID = re.compile(r"^[A-Za-z0-9][\w-]*$")
_MARKER = re.compile(r"^ {0,3}> ?")
QUOTE_ATTRIBUTES = ("tags", "consent", "expires")


@dataclass
class RawQuote:
    """A quote as written, before the model links it to its interview."""

    id: str | None
    text: str
    speaker: Person
    clearance: str
    tags: tuple[str, ...]
    consent: str | None
    expires: dt.date | None
    line: int


def split_tags(value: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in value.split(",") if t.strip())


def auto_id(rel: str, text: str) -> str:
    """Deterministic id from the file and the text: stable across unrelated edits."""
    return "q-" + short_hash(rel + "\n" + " ".join(text.split()))


def _strip_marker(line: str) -> str:
    return _MARKER.sub("", line, count=1)


def _blocks(lines: list[str]):
    """Yield (start, end) index ranges of top-level blockquotes outside code fences.

    Plain string tests instead of regular expressions: this runs on every line of every note.
    """
    fence: str | None = None
    start = None
    for n, line in enumerate(lines + [""]):
        stripped = line.lstrip(" ")
        shallow = len(line) - len(stripped) <= 3
        opens = stripped[:3] if shallow and stripped[:3] in ("```", "~~~") else None
        if fence:
            if opens == fence:
                fence = None
            continue
        if shallow and stripped[:1] == ">":
            if start is None:
                start = n
            continue
        if start is not None:
            yield start, n
            start = None
        if opens:
            fence = opens


def attribution_lines(body: str) -> list[int]:
    """Index (from 0) of each quote's attribution line in ``body``: the last line of a
    blockquote outside code fences, starting with a dash."""
    lines = body.split("\n")
    return [end - 1 for _, end in _blocks(lines) if _ATTRIBUTION.match(_strip_marker(lines[end - 1]).strip())]


def parse_quotes(
    body: str, body_line: int, *, path: str, people: list[Person] | None, default_clearance: str,
    default_consent: str | None, default_expires: dt.date | None, problems: Problems,
) -> tuple[str, list[RawQuote]]:
    """Find the quotes in ``body``; return the body with markers and the quotes.

    ``people`` is None when the file's people cannot be read: speakers are then not checked.
    Quote text stays in the notes so one Markdown pass converts it with them;
    marker paragraphs around it let rendering put the quote's figure there.
    """
    if ">" not in body:
        return body, []
    lines = body.split("\n")
    quotes: list[RawQuote] = []
    found = []
    for start, end in _blocks(lines):
        last = _strip_marker(lines[end - 1]).strip()
        m = _ATTRIBUTION.match(last)
        if not m:
            continue  # an ordinary blockquote
        line_no = body_line + end - 1
        text = " ".join(" ".join(_strip_marker(l).strip() for l in lines[start : end - 1]).split())
        quote = _parse_attribution(m.group("rest"), text, line_no, path, people, default_clearance,
                                   default_consent, default_expires, problems)
        if quote is None:
            continue
        if not text:
            problems.error(path, line_no, "the quote has no text above its attribution line", "quote")
            continue
        found.append((start, end))
        quotes.append(quote)
    return _mark(lines, found), quotes


def _mark(lines: list[str], blocks: list[tuple[int, int]]) -> str:
    """Frame each quote's text with numbered start/end marker paragraphs (the attribution goes).

    Markdown merges blockquotes separated by a blank line, so rendering cuts at
    the markers rather than at the surrounding <blockquote> tags.
    """
    out = list(lines)
    for n, (start, end) in reversed(list(enumerate(blocks))):
        out[start:end] = ["> " + QUOTE_START.format(n), ">", *lines[start : end - 1], ">", "> " + QUOTE_END.format(n)]
    return "\n".join(out)


def _parse_attribution(
    rest: str, text: str, line: int, path: str, people: list[Person] | None, clearance: str,
    consent: str | None, expires: dt.date | None, problems: Problems,
) -> RawQuote | None:
    before = len(problems)
    speaker_text, attrs = rest, ""
    if "{" in rest or "}" in rest:
        open_at, close_at = rest.find("{"), rest.rfind("}")
        if open_at < 0 or close_at < open_at or rest.count("{") != 1 or rest.count("}") != 1 or rest[close_at + 1 :].strip():
            problems.error(path, line, "the attribution's attributes must be one {…} group at the end of the line, e.g. — Jane Doe {#my-id public}", "quote")
            return None
        speaker_text, attrs = rest[:open_at], rest[open_at + 1 : close_at]
    speaker_name = " ".join(speaker_text.split())
    if not speaker_name:
        problems.error(path, line, "the attribution names no speaker: write — Name of the person", "quote")
        return None
    wanted = speaker_name.casefold()
    if people is None:  # unreadable people: the front-matter error covers it
        speaker: Person | None = Person.model_construct(name=speaker_name)
    else:
        speaker = next((p for p in people if " ".join(p.name.split()).casefold() == wanted), None)
    if speaker is None:
        names = [p.name for p in people]
        problems.error(path, line, f"'{speaker_name}' is not one of this file's people ({', '.join(names)}){suggest(speaker_name, names)}", "quote")
    quote_id: str | None = None
    tags: tuple[str, ...] = ()
    for m in _TOKEN.finditer(attrs):
        hash_id, key, value, word, junk = m.groups()
        if hash_id:
            if quote_id:
                problems.error(path, line, f"the quote has two ids ({quote_id} and {hash_id[1:]})", "quote")
            quote_id = hash_id[1:]
        elif key:
            value = value[1:-1] if value.startswith('"') else value
            if key == "tags":
                tags = split_tags(value)
            elif key == "consent":
                consent = value.strip() or None
            elif key == "expires":
                try:
                    expires = dt.date.fromisoformat(value)
                except ValueError:
                    problems.error(path, line, f"expires='{value}' is not a date like 2026-12-31", "quote")
            else:
                problems.error(path, line, f"unknown quote attribute '{key}'{suggest(key, QUOTE_ATTRIBUTES)}", "quote")
        elif word:
            if word in CLEARANCES:
                clearance = word
            else:
                problems.error(path, line, f"clearance {one_of(word, CLEARANCES)}", "quote")
        elif junk:
            if junk.startswith("#"):
                problems.error(path, line, f"'{junk}' is not a valid id: use letters, digits and hyphens, e.g. #fewer-pages", "quote")
            else:
                problems.error(path, line, f"cannot read '{junk}' in the attribution's attributes", "quote")
    if len(problems) != before or speaker is None:
        return None
    return RawQuote(quote_id, text, speaker, clearance, tags, consent, expires, line)
