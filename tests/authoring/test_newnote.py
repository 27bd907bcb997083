"""generator.authoring.newnote: values written into front-matter read back as the same text; note paths."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.authoring.newnote import note_path, parse_person, yaml_list, yaml_person, yaml_scalar


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_any_text_reads_back_unchanged_in_block_and_flow_context(text: str) -> None:
    assert yaml.safe_load(f"key: {yaml_scalar(text)}\n") == {"key": text}
    assert yaml.safe_load(f"key: {yaml_list([text, 'b'])}\n") == {"key": [text, "b"]}
    assert yaml.safe_load(f"- {yaml_person({'name': text, 'role': text})}\n") == [{"name": text, "role": text}]


# YAML 1.1 (PyYAML) and YAML 1.2 (editors) read these unquoted as booleans, null, numbers or dates.
@pytest.mark.parametrize("word", ["no", "No", "yes", "on", "OFF", "y", "n", "true", "null", "~", "1e3", "0o17", "0x1F",
                                  "1_000", "2026-03-04", ".inf", "-.5", "+1", "12:30", "007"])
def test_words_yaml_would_mistype_are_quoted(word: str) -> None:
    assert yaml_scalar(word) == f'"{word}"'


@pytest.mark.parametrize("text", ["Acme Logistics", "Harbor & Pine Utility Services", "Sofia Brandão", "VP Operations",
                                  "lost-customer", "R&D / Platform", "O'Brien"])
def test_ordinary_names_stay_unquoted(text: str) -> None:
    assert yaml_scalar(text) == text


def test_note_path_takes_the_next_free_number(tmp_path: Path) -> None:
    day = dt.date(2026, 3, 4)
    first = note_path(tmp_path, day, "Harbor & Pine")
    assert first == tmp_path / "2026" / "2026-03-04-harbor-pine.md"
    first.parent.mkdir()
    first.write_text("x")
    (tmp_path / "2026" / "2026-03-04-harbor-pine-2.md").write_text("x")
    assert note_path(tmp_path, day, "Harbor & Pine") == tmp_path / "2026" / "2026-03-04-harbor-pine-3.md"


@pytest.mark.parametrize(("text", "person"), [
    ("Jane Doe", {"name": "Jane Doe"}),
    (" Jane  Doe , VP Operations,Operations ", {"name": "Jane Doe", "role": "VP Operations", "department": "Operations"}),
    ("Jane Doe, , Operations, champion", {"name": "Jane Doe", "department": "Operations", "persona": "champion"}),
])
def test_person_flag_parts(text: str, person: dict) -> None:
    assert parse_person(text) == person
