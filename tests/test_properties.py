"""Property-based tests (hypothesis): whatever a file holds, reading, front-matter parsing and
quote parsing report problems and never raise anything but the project's own YamlProblem
(which the loader turns into a located problem)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.core.config import JournalConfig
from generator.core.interviews import parse_interview
from generator.core.frontmatter import Person
from generator.core.problems import Problems
from generator.core.quote_syntax import parse_quotes
from generator.core.yamlfile import read_text, split_front_matter
from generator.errors import YamlProblem

from tests import cases
from tests.support import TODAY

# Derandomized so CI is repeatable; raise max_examples locally to explore (3,000 found nothing).
SETTINGS = settings(max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
BASE = cases.VALID_INTERVIEW.read_text(encoding="utf-8")
CONFIG = JournalConfig()

# Pieces of YAML and Markdown that reach the corners: fences, traps, tags, anchors, flow
# collections, quoting, comments, indentation, control characters and the attribution syntax.
YAML_BITS = st.sampled_from([
    "---\n", "...\n", "date: ", "2026-03-04", "2026-13-45", "2026-03-04 10:00", "customer: ", "Acme", "people:\n",
    "  - name: ", "    role: ", "relationship: ", "no", "yes", "NO", "null", "~", "1e3", "01234", ".inf", ".nan",
    "{", "}", "[", "]", ", ", ": ", "&a ", "*a", "<<: ", "!!python/object:os.system ", "!!binary ", "!!set ", "? ",
    "- ", "|\n", ">\n", "#", " #x", "'", '"', "\t", "  ", "\n", "\r\n", "\ufeff", "\x00", "\x85", "%YAML 1.1\n",
    "confidential: ", "Confidential: ", "true", "1:", "content: ", "tags: ", "clearance: ", "public", "— ", "> ",
])
QUOTE_BITS = st.sampled_from([
    "> ", ">", "\n", "— ", "―", "--", "Jane Doe", "jane  doe", "Nobody", "{", "}", "#id", "#", "#-x", " public",
    " anonymous", " internal", " publc", ' tags="a, b"', ' tags="', " consent=x", " expires=2026-12-31",
    " expires=2026-13-45", " expires=", " x=y", "```\n", "~~~\n", "    ", "   > ", "<b>", "{{ 7*7 }}", "\t",
])
FRAGMENTS = st.lists(YAML_BITS | st.text(max_size=6), max_size=40).map("".join)
QUOTES = st.lists(QUOTE_BITS | st.text(max_size=4), max_size=40).map("".join)


def check_problems(problems, text: str) -> None:
    lines = text.count("\n") + 2
    for p in problems:
        assert p.path == "interviews/a.md" and 0 <= p.line <= lines, p
        assert p.message.strip()


@SETTINGS
@given(st.text() | FRAGMENTS | FRAGMENTS.map(lambda t: "---\n" + t + "\n---\nNotes\n"))
def test_any_text_gives_problems_or_an_interview(text: str) -> None:
    parsed = parse_interview("interviews/a.md", "a.md", text, CONFIG, TODAY)
    check_problems(parsed.problems, text)
    errors = [p for p in parsed.problems if p.is_error]
    assert (parsed.interview is None) == bool(errors)


@SETTINGS
@given(FRAGMENTS, st.sampled_from(["date: 2026-03-04\n", "summary: ", "people:\n  - name: Jane Doe\n    role: ", "tags: "]))
def test_a_mangled_field_in_a_valid_file_is_located(fragment: str, where: str) -> None:
    text = BASE.replace(where, where + fragment, 1)
    parsed = parse_interview("interviews/a.md", "a.md", text, CONFIG, TODAY)
    check_problems(parsed.problems, text)


@SETTINGS
@given(st.text() | FRAGMENTS)
def test_front_matter_split_raises_only_yaml_problems(text: str) -> None:
    problems = Problems()
    try:
        split_front_matter(text, path="a.md", problems=problems)
    except YamlProblem as exc:
        assert exc.line >= 1 and exc.message


@SETTINGS
@given(QUOTES, st.sampled_from(["internal", "anonymous", "public"]))
def test_any_blockquote_parses_to_quotes_or_problems(body: str, clearance: str) -> None:
    problems = Problems()
    people = [Person(name="Jane Doe", role="VP")]
    marked, quotes = parse_quotes(body, 20, path="interviews/a.md", people=people, default_clearance=clearance,
                                  default_consent=None, default_expires=dt.date(2027, 1, 1), problems=problems)
    assert isinstance(marked, str)
    last = 20 + body.count("\n")
    for q in quotes:
        assert 20 <= q.line <= last and q.text and q.speaker is people[0]
        assert q.clearance in ("internal", "anonymous", "public")
    for p in problems:
        assert 20 <= p.line <= last and p.field == "quote"


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.binary(max_size=400) | st.text(max_size=200).map(lambda t: t.encode("utf-16")))
def test_any_bytes_read_as_text_or_one_problem(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.md"
        path.write_bytes(data)
        raw = read_text(path)
    assert (raw.problem is None) or (raw.text == "" and raw.problem.message)
    assert "\r" not in raw.text
