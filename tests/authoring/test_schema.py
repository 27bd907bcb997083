"""generator.authoring.schema: the front-matter JSON Schema for editors agrees with `journal check`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from jsonschema import Draft7Validator

from generator.adapters.cli.app import main
from generator.core.config import JournalConfig
from generator.core.interviews import parse_interview
from generator.authoring.schema import SCHEMA_PATH, front_matter_schema, schema_text

from tests.support import REPO, TODAY

SAMPLE = sorted((REPO / "interviews").rglob("*.md"))


def as_an_editor_reads_it(text: str) -> dict:
    """Front-matter as YAML 1.2 editors see it: dates are text."""
    data = yaml.safe_load(text.split("---\n")[1])
    return json.loads(json.dumps(data, default=lambda v: v.isoformat() if isinstance(v, dt.date) else str(v)))


def validator(config: JournalConfig | None = None) -> Draft7Validator:
    schema = front_matter_schema(config or JournalConfig())
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)


def test_committed_schema_is_the_generated_one() -> None:
    committed = (REPO / SCHEMA_PATH).read_text(encoding="utf-8")
    assert committed == schema_text(JournalConfig()), "run: journal schema --out schema/interview.schema.json"
    printed = CliRunner().invoke(main, ["--root", str(REPO), "schema"])
    assert printed.exit_code == 0 and printed.stdout == committed


def test_schema_write_to_a_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--root", str(REPO), "schema", "--out", str(tmp_path / "s" / "interview.schema.json")])
    assert result.exit_code == 0
    assert (tmp_path / "s" / "interview.schema.json").read_text(encoding="utf-8") == (REPO / SCHEMA_PATH).read_text(encoding="utf-8")


@pytest.mark.parametrize("path", SAMPLE, ids=lambda p: p.name)
def test_every_sample_interview_is_valid(path: Path) -> None:
    errors = [e.message for e in validator().iter_errors(as_an_editor_reads_it(path.read_text(encoding="utf-8")))]
    assert errors == []


GOOD = """---
date: 2026-03-04
customer: Acme Logistics
relationship: customer
people:
  - {name: Jane Doe, role: VP Operations}
interviewers: [Sam Lee, {name: Ana Ruiz, team: marketing}]
channel: call
summary:
expires: 2027-01-01
---
Notes.
"""

# (change to GOOD, the field the schema flags): each is also an error of `journal check`.
BAD = [
    (("relationship: customer", "relationship: custmer"), "relationship"),
    (("channel: call", "channel: phone"), "channel"),
    (("team: marketing", "team: marketting"), "interviewers"),
    (("customer: Acme Logistics", "custmer: Acme Logistics"), ""),  # unknown key, and customer missing
    (("  - {name: Jane Doe, role: VP Operations}", "  - {name: Jane Doe, rol: VP Operations}"), "people"),
    (("people:\n  - {name: Jane Doe, role: VP Operations}", "people: []"), "people"),
    (("date: 2026-03-04", "date: 4 March 2026"), "date"),
    (("summary:", "summary: '   '"), "summary"),
    (("channel: call", "channel: call\ntags: alert fatigue"), "tags"),
    (("channel: call", "channel: call\nconfidential: 'no'"), "confidential"),
    (("channel: call", "channel: call\nclearance: secret"), "clearance"),
]


def test_good_front_matter_passes_both() -> None:
    assert list(validator().iter_errors(as_an_editor_reads_it(GOOD))) == []
    assert not parse_interview("i.md", "i.md", GOOD, JournalConfig(), TODAY).problems


@pytest.mark.parametrize(("change", "field"), BAD, ids=[b[0][1].splitlines()[-1] for b in BAD])
def test_bad_front_matter_is_rejected_by_the_schema_and_by_check(change: tuple[str, str], field: str) -> None:
    text = GOOD.replace(*change)
    assert text != GOOD
    errors = list(validator().iter_errors(as_an_editor_reads_it(text)))
    assert errors, "the schema accepted it"
    assert field in {str(e.absolute_path[0]) if e.absolute_path else "" for e in errors}
    assert any(p.is_error for p in parse_interview("i.md", "i.md", text, JournalConfig(), TODAY).problems)


def test_configured_lists_fields_and_taxonomies_are_in_the_schema() -> None:
    config = JournalConfig(relationships=["customer", "partner"], big_four=["customer"], account_fields=["tier"],
                           taxonomies=["use_cases"])
    text = GOOD.replace("relationship: customer", "relationship: partner\ntier: gold\nuse_cases: [dispatch]")
    assert list(validator(config).iter_errors(as_an_editor_reads_it(text))) == []
    assert not parse_interview("i.md", "i.md", text, config, TODAY).problems
    assert list(validator().iter_errors(as_an_editor_reads_it(text)))  # not with the default configuration
