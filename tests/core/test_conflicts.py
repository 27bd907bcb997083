"""generator.core.conflicts: git's conflict markers left in a journal file (spec section 9).

The bad-input corpus has a case per kind of file (conflict-*); these pin the rule itself."""

from __future__ import annotations

import pytest

from generator.core.conflicts import find_conflicts

CONFLICT = "<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> feature-x\n"


def lines(text: str) -> list[int]:
    return [c.line for c in find_conflicts(text)]


def test_a_conflict_is_one_error_at_its_opening_marker() -> None:
    (conflict,) = find_conflicts("intro\n\n" + CONFLICT + "outro\n")
    assert conflict.line == 3
    assert conflict.message("interviews/a.md").startswith(
        "unresolved merge conflict (<<<<<<< HEAD … >>>>>>> feature-x, to line 7): keep the lines you want, "
        "delete the three marker lines (<<<<<<<, =======, >>>>>>>), then git add the file; "
        "or keep one side whole with git checkout --ours (or --theirs) -- interviews/a.md")


def test_each_conflict_counts_and_line_numbers_can_start_later() -> None:
    assert lines(CONFLICT + "between\n" + CONFLICT) == [1, 7]
    assert [c.line for c in find_conflicts(CONFLICT, first_line=16)] == [16]


def test_diff3_style_says_to_drop_the_ancestors_lines_too() -> None:
    (conflict,) = find_conflicts("<<<<<<< HEAD\nours\n||||||| base\nold\n=======\ntheirs\n>>>>>>> x\n")
    assert conflict.diff3 and "common ancestor's lines between ||||||| and =======" in conflict.message("a.md")


@pytest.mark.parametrize("text", [
    "Title\n=======\n\nBody.\n",  # a setext heading
    "```\n=======\n```\n",  # a line of a code block
    "=======\n",  # a lone separator is never a conflict
    "    <<<<<<< HEAD\n    ours\n    =======\n    >>>>>>> x\n",  # an example, indented: not at the line's start
    "<<<<<<<< eight\n>>>>>>>> eight\n",  # eight characters are not git's marker
    "<<<<<<<HEAD\n",  # git writes a space before the label
    "<<<<<<<\u00a0\n",  # nor another kind of space
    "> quoted\n>> nested\n",
])
def test_lines_that_only_look_like_markers_are_not_conflicts(text: str) -> None:
    assert find_conflicts(text) == []


def test_half_a_conflict_is_still_reported() -> None:
    unclosed, = find_conflicts("a\n<<<<<<< HEAD\nours\n=======\ntheirs\n")
    assert unclosed.line == 2 and "its >>>>>>> line is missing" in unclosed.message("a.md")
    lone, = find_conflicts("ours\ntheirs\n>>>>>>> feature-x\n")
    assert lone.line == 3 and lone.message("a.md") == (
        "a leftover merge-conflict marker (>>>>>>> feature-x) without its <<<<<<< line: check that the lines above hold "
        "what you want (both sides may still be there), then delete this line")
    # a second opening marker before the first closed: both are reported, each once
    assert lines("<<<<<<< HEAD\nx\n" + CONFLICT) == [1, 3]


def test_a_marker_without_a_label_and_a_trailing_space_are_markers() -> None:
    assert lines("<<<<<<<\nours\n=======\ntheirs\n>>>>>>> \n") == [1]


def test_a_conflict_without_labels_names_its_bare_markers() -> None:
    (conflict,) = find_conflicts("<<<<<<<\nours\n=======\ntheirs\n>>>>>>>\n")
    assert conflict.what == "unresolved merge conflict (<<<<<<< … >>>>>>>, to line 5)"


def test_a_label_keeps_its_last_letters() -> None:
    (conflict,) = find_conflicts("<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> support-OSX\n")
    assert conflict.what == "unresolved merge conflict (<<<<<<< HEAD … >>>>>>> support-OSX, to line 5)"


def test_a_file_with_windows_line_ends_has_its_conflicts_found() -> None:
    crlf = "<<<<<<<\r\nours\r\n=======\r\ntheirs\r\n>>>>>>>\r\n"
    assert [c.what for c in find_conflicts(crlf)] == ["unresolved merge conflict (<<<<<<< … >>>>>>>, to line 5)"]


def test_a_look_alike_line_does_not_end_the_search() -> None:
    assert lines("<<<<<<<< eight\n" + CONFLICT) == [2]


DIFF3_OPEN = "<<<<<<< HEAD\nours\n||||||| base\nold\n=======\ntheirs\n"


@pytest.mark.parametrize("text", [DIFF3_OPEN, DIFF3_OPEN + CONFLICT], ids=["at the end", "before another conflict"])
def test_a_diff3_conflict_left_open_still_says_to_drop_the_ancestors_lines(text: str) -> None:
    unclosed = find_conflicts(text)[0]
    assert unclosed.diff3 and unclosed.message("a.md") == (
        "unresolved merge conflict (<<<<<<< HEAD, and its >>>>>>> line is missing): keep the lines you want, delete the marker "
        "lines (<<<<<<<, |||||||, =======, >>>>>>>) and the common ancestor's lines between ||||||| and =======, then git add "
        "the file; or keep one side whole with git checkout --ours (or --theirs) -- a.md")
