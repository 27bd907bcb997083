"""Safe reading of YAML and front-matter files, with line numbers for every value.

PyYAML's loaders lose line numbers, keep the last of duplicate keys silently,
expand aliases (billion laughs) and construct tags such as ``!!binary``. We
compose the node graph with libyaml (fast, safe) and build plain Python values
ourselves, reporting each of those traps as a located problem.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import YamlProblem
from .conflicts import conflict_problems
from .problems import Problems

try:  # libyaml is several times faster; fall back to pure Python when absent
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _BaseLoader = yaml.SafeLoader


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader, with the tag of each plain scalar memoised.

    Resolving a scalar's implicit tag runs a list of regular expressions in Python
    for every value; a journal repeats the same few thousand values (names, tags,
    dates) across its files, so most look-ups are answered from the table.
    """

    _scalar_tags: dict[tuple[str, tuple[bool, bool]], str] = {}

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is not yaml.ScalarNode:
            return super().resolve(kind, value, implicit)
        key = (value, implicit)
        tag = self._scalar_tags.get(key)
        if tag is None:
            if len(self._scalar_tags) > 200_000:
                self._scalar_tags.clear()
            tag = self._scalar_tags[key] = super().resolve(kind, value, implicit)
        return tag

MAX_FILE_BYTES = 2_000_000
MAX_FRONT_MATTER_BYTES = 64_000
MAX_NESTING = 32

Key = tuple[Any, ...]

_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_constructor = yaml.constructor.SafeConstructor()


@dataclass
class Located:
    """A parsed YAML document and the line of every key and value in it."""

    value: Any
    lines: dict[Key, int] = field(default_factory=dict)

    def line(self, path: Key, default: int = 1) -> int:
        """Line of ``path``, or of its closest located parent."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), default)


def _describe(node: yaml.Node) -> str:
    return {
        yaml.MappingNode: "a set of key: value lines",
        yaml.SequenceNode: "a list",
    }.get(type(node), "a value")


def _nesting(text: str) -> int:
    """Upper bound of flow nesting: libyaml's recursion can crash the process."""
    if text.count("[") + text.count("{") <= MAX_NESTING:
        return 0
    depth = deepest = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}" and depth:
            depth -= 1
    return deepest


class _Builder:
    """Turns composed nodes into Python values, recording lines, refusing traps."""

    def __init__(self, first_line: int, raw_lines: list[str], problems: Problems | None, path: str):
        self.offset = first_line - 1
        self.raw_lines = raw_lines
        self.problems = problems
        self.path = path
        self.seen: set[int] = set()
        self.lines: dict[Key, int] = {}
        # Only lines holding '#' can have a value cut short by a comment.
        self.hash_lines = {n for n, line in enumerate(raw_lines) if "#" in line} if problems is not None else set()

    def line_of(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1 + self.offset

    def build(self, node: yaml.Node, key: Key, depth: int = 0) -> Any:
        if id(node) in self.seen:
            raise YamlProblem(self.line_of(node), "YAML anchors and aliases (& and *) are not allowed: write the value out", field_path(key))
        self.seen.add(id(node))
        if depth > MAX_NESTING:
            raise YamlProblem(self.line_of(node), f"nested more than {MAX_NESTING} levels deep")
        if key not in self.lines:
            self.lines[key] = self.line_of(node)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, key, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _TAG + "seq":
                raise YamlProblem(self.line_of(node), f"the tag {node.tag} is not allowed", field_path(key))
            return [self.build(item, key + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self.scalar(node, key)

    def mapping(self, node: yaml.MappingNode, key: Key, depth: int) -> dict:
        if node.tag != _TAG + "map":
            raise YamlProblem(self.line_of(node), f"the tag {node.tag} is not allowed", field_path(key))
        out: dict = {}
        first_line: dict[Any, int] = {}
        for knode, vnode in node.value:
            if knode.tag == _TAG + "merge":
                raise YamlProblem(self.line_of(knode), "YAML merge keys (<<) are not allowed", field_path(key))
            if not isinstance(knode, yaml.ScalarNode):
                raise YamlProblem(self.line_of(knode), "a key must be a plain name", field_path(key))
            k = self.scalar(knode, key)
            if not isinstance(k, str):
                raise YamlProblem(self.line_of(knode), f"'{knode.value}' is not a field name (YAML reads it as {type_word(k)}); field names are words such as 'date'", field_path(key))
            line = self.line_of(knode)
            if k in first_line:
                raise YamlProblem(line, f"'{k}' is given twice (first on line {first_line[k]}); keep one", field_path(key + (k,)))
            first_line[k] = line
            self.lines[key + (k,)] = line
            out[k] = self.build(vnode, key + (k,), depth + 1)
        return out

    def scalar(self, node: yaml.ScalarNode, key: Key) -> Any:
        if node.tag == _STR:  # most values: skip the constructor
            if not node.style and node.end_mark.line in self.hash_lines:
                self._warn_cut_comment(node, key)
            return node.value
        if node.tag not in _SCALAR_TAGS:
            raise YamlProblem(self.line_of(node), f"the tag {node.tag} is not allowed: write plain text, numbers, dates, lists or key: value lines", field_path(key))
        try:
            value = _constructor.construct_object(node)
        except (ValueError, yaml.constructor.ConstructorError):
            raise YamlProblem(self.line_of(node), f"'{node.value}' is not a real date", field_path(key)) from None
        if isinstance(value, float) and not math.isfinite(value):
            raise YamlProblem(self.line_of(node), f"'{node.value}' is not a usable number", field_path(key))
        return value

    def _warn_cut_comment(self, node: yaml.ScalarNode, key: Key) -> None:
        end = node.end_mark
        rest = self.raw_lines[end.line][end.column:]
        # `name: Alice #CEO` loses "#CEO"; `x: y  # a comment` is an intended comment.
        if re.match(r"\s+#\S", rest):
            self.problems.warning(
                self.path, end.line + 1 + self.offset,
                f"the text after '#' ({rest.strip()}) is a YAML comment and was dropped; put the whole value in quotes to keep it",
                field_path(key),
            )


def field_path(key: Key) -> str:
    """How messages name a field: ("people", 0, "name") -> "people[0].name"."""
    out = ""
    for part in key:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def type_word(value: Any) -> str:
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return f"yes/no ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, dt.datetime):
        return "a date and time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of key: value lines"
    return "text"


def parse_yaml(text: str, *, path: str, first_line: int = 1, problems: Problems | None = None) -> Located:
    """Parse one YAML document; raise YamlProblem with the absolute line on any trap."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FRONT_MATTER_BYTES:
        raise YamlProblem(first_line, f"the YAML is larger than {MAX_FRONT_MATTER_BYTES // 1000} KB")
    if _nesting(text) > MAX_NESTING:
        raise YamlProblem(first_line, f"brackets are nested more than {MAX_NESTING} levels deep")
    if "\t" in text:
        for n, raw in enumerate(text.splitlines()):
            indent = raw[: len(raw) - len(raw.lstrip(" \t"))]
            if "\t" in indent:
                raise YamlProblem(first_line + n, "a tab is used for indentation; YAML needs spaces")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        raise YamlProblem(line, yaml_message(exc, text.splitlines(), mark.line if mark else 0)) from None
    except yaml.YAMLError as exc:  # e.g. a reader error without a mark
        raise YamlProblem(first_line, f"this is not valid YAML ({exc})") from None
    if node is None:
        return Located(None, {(): first_line})
    builder = _Builder(first_line, text.splitlines(), problems, path)
    value = builder.build(node, ())
    return Located(value, builder.lines)


def _over_indented(lines: list[str], index: int) -> bool:
    """Is line ``index`` indented further than the field above it (which opens no block)?"""
    if index >= len(lines):
        return False
    above = next((l for l in reversed(lines[:index]) if l.strip() and not l.lstrip().startswith("#")), None)
    if above is None or above.rstrip().endswith(":"):
        return False
    indent = lambda l: len(l) - len(l.lstrip(" "))  # noqa: E731
    stripped = above.lstrip(" ")
    field_at = indent(above) + (2 if stripped.startswith("- ") else 0)
    return indent(lines[index]) > field_at


def yaml_message(exc: yaml.MarkedYAMLError, lines: list[str], index: int) -> str:
    problem = (exc.problem or "").strip()
    if "mapping values are not allowed" in problem:
        if _over_indented(lines, index):
            return "this is not valid YAML: this line is indented further than the field above it; line the fields up"
        return "this is not valid YAML: a value contains ': '; put the value in quotes"
    if "found character '\\t'" in problem:
        return "a tab is used for indentation; YAML needs spaces"
    if "could not find expected ':'" in problem or "expected <block end>" in problem:
        return "this is not valid YAML: check the indentation and that each line is 'key: value'"
    context = f" {exc.context}" if exc.context else ""
    return f"this is not valid YAML ({problem}{context})"


@dataclass
class SourceText:
    text: str
    problem: YamlProblem | None = None


def read_text(path: Path) -> SourceText:
    """Read a UTF-8 file (BOM allowed, CRLF normalised); refuse binary and oversized files."""
    try:
        st = path.stat()
    except OSError as exc:
        return SourceText("", YamlProblem(0, f"cannot be read ({exc.strerror})"))
    if not stat.S_ISREG(st.st_mode):  # a named pipe or device would block the read forever
        return SourceText("", YamlProblem(0, "is not a regular file; save the notes as a text file"))
    size = st.st_size
    if size > MAX_FILE_BYTES:
        return SourceText("", YamlProblem(0, f"the file is {size / 1_000_000:.1f} MB; files over {MAX_FILE_BYTES // 1_000_000} MB are refused — split it or move attachments out"))
    try:
        data = path.read_bytes()
    except OSError as exc:
        return SourceText("", YamlProblem(0, f"cannot be read ({exc.strerror})"))
    if b"\x00" in data:
        return SourceText("", YamlProblem(0, "this is a binary file, not a Markdown text file"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return SourceText("", YamlProblem(line, "the file is not UTF-8 text; save it as UTF-8"))
    return SourceText(text.replace("\r\n", "\n").replace("\r", "\n"))


LINK_OUT = "is a link to a file outside the project; links out of the project are refused"


def leaves_project(path: Path, root: Path) -> bool:
    """Is ``path`` a link whose target is outside ``root`` (or missing)? Such files are never read."""
    if not path.is_symlink():
        return False
    target = path.resolve()
    return not target.is_relative_to(root.resolve()) or not target.is_file()


def read_yaml_file(path: Path, source: str, problems: Problems) -> Located | None:
    """Read and parse a whole YAML file (accounts.yml, tags.yml, a campaign); None, with the
    problem recorded under ``source``, when it cannot be read or parsed.

    ``source`` is the path relative to the project, which tells where the project is."""
    if leaves_project(path, path.absolute().parents[len(Path(source).parts) - 1]):
        problems.error(source, 0, LINK_OUT)
        return None
    raw = read_text(path)
    if raw.problem:
        problems.error(source, raw.problem.line, raw.problem.message)
        return None
    conflicts = conflict_problems(raw.text, source)
    if conflicts:  # before the YAML: a conflict is not "invalid YAML"
        problems.extend(conflicts)
        return None
    try:
        return parse_yaml(raw.text, path=source, problems=problems)
    except YamlProblem as exc:
        problems.error(source, exc.line, exc.message, exc.field)
        return None


_FENCE = re.compile(r"^---[ \t]*$")


@dataclass
class FrontMatterFile:
    meta: Located
    body: str
    body_line: int  # line number of the body's first line


def split_front_matter(text: str, *, path: str, problems: Problems) -> FrontMatterFile:
    """Split ``---`` front-matter from the Markdown body and parse it."""
    if not text.strip():
        raise YamlProblem(1, "the file is empty; an interview starts with front-matter between '---' lines")
    lines = text.split("\n")
    if not _FENCE.match(lines[0]):
        raise YamlProblem(1, "the file does not start with front-matter: the first line must be '---'")
    for n in range(1, len(lines)):
        if _FENCE.match(lines[n]) or lines[n].rstrip() == "...":
            meta = parse_yaml("\n".join(lines[1:n]), path=path, first_line=2, problems=problems)
            return FrontMatterFile(meta, "\n".join(lines[n + 1 :]), n + 2)
    raise YamlProblem(1, "the front-matter is not closed: add a line '---' after the last field")
