"""`journal tags rename|merge`: change a tag in every file by editing the text minimally.

The front-matter is not re-dumped: only the list items (and quote ``tags="…"``
attributes) that spell the old tag are rewritten, so comments, order, quoting and
line endings stay as the marketer wrote them. This is the only code that writes
into interviews/, and only when the `journal tags` command is run: every file or none
(``transaction.write_all``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..core.config import JournalConfig
from ..core.load import list_interview_files
from ..core.problems import Problems
from ..core.quote_syntax import attribution_lines, split_tags
from ..core.slugs import normalize
from ..core.vocabulary import vocabulary_path
from ..core.yamlfile import _FENCE
from .transaction import NewText, write_all

_TAGS_ATTRIBUTE = re.compile(r'(?:^|(?<=\s))tags=("[^"]*"|\S+)')


@dataclass
class Change:
    line: int
    before: str
    after: str  # "" when the item was removed as a duplicate


@dataclass
class FileEdit:
    """The new text of one file and what changed in it."""

    path: Path
    source: str
    text: str  # LF line endings; written back with the file's own
    bom: bool
    crlf: bool
    changes: list[Change] = field(default_factory=list)
    before: bytes = b""  # the file as read

    def new_text(self) -> NewText:
        """The file's new bytes, with its BOM and line endings."""
        data = ("\ufeff" if self.bom else "") + (self.text.replace("\n", "\r\n") if self.crlf else self.text)
        return NewText(self.path, self.source, self.before, data.encode("utf-8"))


def write_edits(edits: list[FileEdit]) -> None:
    """Write every edit, or none (EditAborted says what failed): see ``transaction``."""
    write_all([edit.new_text() for edit in edits])


@dataclass
class _Span:
    start: int
    end: int
    replacement: str


def render_scalar(value: str, style: str | None, *, flow: bool, key: bool = False) -> str:
    """``value`` written as YAML in the old item's style when that reads back the same."""
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    if style != '"':
        probe = f"{value}: x" if key else (f"[{value}]" if flow else f"- {value}")
        try:
            loaded = yaml.safe_load(probe)
        except yaml.YAMLError:
            loaded = None
        if loaded == ({value: "x"} if key else [value]):
            return value
    return json.dumps(value, ensure_ascii=False)


def _front_matter(text: str) -> tuple[int, str, int] | None:
    """(offset, text) of the front-matter between the '---' lines, and the offset of the body."""
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return None
    for n in range(1, len(lines)):
        if _FENCE.match(lines[n]) or lines[n].rstrip() == "...":
            body_start = sum(len(line) + 1 for line in lines[: n + 1])
            return len(lines[0]) + 1, "\n".join(lines[1:n]), min(body_start, len(text))
    return None


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _sequence_spans(text: str, node: yaml.SequenceNode, old: str, new: str, merge: bool,
                    offset: int, changes: list[Change]) -> list[_Span]:
    """Rewrite the items spelling ``old``; with ``merge``, drop items that become duplicates."""
    spans: list[_Span] = []
    seen: set[str] = set()
    items = [n for n in node.value if isinstance(n, yaml.ScalarNode)]
    for k, item in enumerate(items):
        value = item.value
        key = normalize(value)
        start, end = offset + item.start_mark.index, offset + item.end_mark.index
        renamed = key == normalize(old)
        after_key = normalize(new) if renamed else key
        if merge and after_key in seen and k > 0:
            removal = _removal(text, items[k - 1], item, offset, node.flow_style)
            if removal:
                spans.append(removal)
                changes.append(Change(_line_of(text, start), value, ""))
                continue
        seen.add(after_key)
        if renamed and value != new:
            spans.append(_Span(start, end, render_scalar(new, item.style, flow=node.flow_style)))
            changes.append(Change(_line_of(text, start), value, new))
    return spans


def _removal(text: str, previous: yaml.Node, item: yaml.Node, offset: int, flow: bool) -> _Span | None:
    if flow:  # "[a, b, a]" -> drop ", a"
        return _Span(offset + previous.end_mark.index, offset + item.end_mark.index, "")
    start, end = offset + item.start_mark.index, offset + item.end_mark.index
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[end:line_end].strip()
    if text[line_start:start].strip() == "-" and (not rest or rest.startswith("#")):
        return _Span(line_start, min(line_end + 1, len(text)), "")
    return None  # an unusual layout: keep the duplicate (it counts once anyway)


def _apply(text: str, spans: list[_Span]) -> str:
    for span in sorted(spans, key=lambda s: s.start, reverse=True):
        text = text[: span.start] + span.replacement + text[span.end :]
    return text


def edit_interview(text: str, old: str, new: str, *, merge: bool) -> tuple[str, list[Change]]:
    """The interview text with ``old`` renamed to ``new`` in its tags and quote tags."""
    changes: list[Change] = []
    spans: list[_Span] = []
    found = _front_matter(text)
    if found is None:
        return text, changes
    offset, meta_text, body_start = found
    try:
        root = yaml.compose(meta_text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return text, changes  # `journal check` reports it; the command refuses to run on errors
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "tags" and isinstance(value, yaml.SequenceNode):
                spans += _sequence_spans(text, value, old, new, merge, offset, changes)
    lines_before = text.count("\n", 0, body_start)
    body_lines = text[body_start:].split("\n")
    starts = [body_start]
    for line in body_lines:
        starts.append(starts[-1] + len(line) + 1)
    for n in attribution_lines(text[body_start:]):
        span = _quote_tags_span(body_lines[n], old, new)
        if span:
            start, end, before, after = span
            spans.append(_Span(starts[n] + start, starts[n] + end, after))
            changes.append(Change(lines_before + n + 1, f"tags={before}", f"tags={after}"))
    return _apply(text, spans), changes


def _quote_tags_span(line: str, old: str, new: str) -> tuple[int, int, str, str] | None:
    """(start, end, before, after) of the quote's tags attribute when it holds ``old``."""
    open_at, close_at = line.find("{"), line.rfind("}")
    if open_at < 0 or close_at < open_at:
        return None
    match = _TAGS_ATTRIBUTE.search(line, open_at + 1, close_at)
    if not match:
        return None
    raw = match.group(1)
    value = raw[1:-1] if raw.startswith('"') else raw
    tags = split_tags(value)
    if normalize(old) not in {normalize(t) for t in tags}:
        return None
    out: dict[str, str] = {}
    for tag in tags:
        renamed = new if normalize(tag) == normalize(old) else tag
        out.setdefault(normalize(renamed), renamed)
    joined = ", ".join(out.values())
    written = f'"{joined}"' if raw.startswith('"') or re.search(r"[\s,]", joined) else joined
    return match.start(1), match.end(1), raw, written


def edit_vocabulary(text: str, old: str, new: str) -> tuple[str, list[Change]]:
    """tags.yml with the allowed tag ``old`` renamed to ``new`` (its synonyms kept)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return text, []
    if not isinstance(root, yaml.MappingNode):
        return text, []
    for key, _ in root.value:
        if isinstance(key, yaml.ScalarNode) and normalize(key.value) == normalize(old) and key.value != new:
            span = _Span(key.start_mark.index, key.end_mark.index, render_scalar(new, key.style, flow=False, key=True))
            return _apply(text, [span]), [Change(_line_of(text, span.start), key.value, new)]
    return text, []


def read_for_edit(path: Path) -> tuple[str, bool, bool, bytes]:
    """(text with LF endings, had a BOM, used CRLF, the bytes read)."""
    data = path.read_bytes()
    raw = data.decode("utf-8")
    bom = raw.startswith("\ufeff")
    raw = raw[1:] if bom else raw
    crlf = "\r\n" in raw
    return raw.replace("\r\n", "\n"), bom, crlf, data


def plan(root: Path, config: JournalConfig, old: str, new: str, *, merge: bool) -> list[FileEdit]:
    """Every file edit that renames ``old`` to ``new`` (confidential files too: they keep
    their tags consistent), and for a rename the allowed tag in tags.yml. Writes nothing."""
    edits: list[FileEdit] = []
    needle = normalize(old).split(" ")[0]
    for path, source, _ in list_interview_files(root, root / config.interviews_dir, Problems()):
        text, bom, crlf, data = read_for_edit(path)
        if needle not in text.casefold():
            continue
        new_text, changes = edit_interview(text, old, new, merge=merge)
        if changes:
            edits.append(FileEdit(path, source, new_text, bom, crlf, changes, data))
    vocab_path, vocab_source = vocabulary_path(root, config.interviews_dir)
    if not merge and vocab_path.is_file():
        text, bom, crlf, data = read_for_edit(vocab_path)
        new_text, changes = edit_vocabulary(text, old, new)
        if changes:
            edits.append(FileEdit(vocab_path, vocab_source, new_text, bom, crlf, changes, data))
    return edits
