"""generator.authoring.tagedit and `journal tags`: list, rename and merge tags across every file,
editing the text minimally, on a temporary copy of a journal."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.adapters.cli.app import main
from generator.core.load import load_journal
from generator.core.project import read_config
from generator.authoring.tagedit import edit_interview, edit_vocabulary, render_scalar

from tests.support import EPOCH, FIXTURES, TODAY

FIXTURE = FIXTURES / "segments"

NOTE = """\
---
date: 2026-03-04   # the day we met
customer: Acme
tags: [alert fatigue, Pager,  'on-call']   # keep this comment
products:
  - Pager
---
Notes.

> We cut pages.
> — Jane Doe {#fewer-pages public tags="pager, cost"}

```
> Not a quote, just an example
> — Jane {tags="pager"}
```
"""


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    a, b = before.splitlines(), after.splitlines()
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b).get_opcodes():
        if tag != "equal":
            out.append(("\n".join(a[i1:i2]), "\n".join(b[j1:j2])))
    return out


def test_rename_touches_only_the_tag_items_and_quote_attributes() -> None:
    text, changes = edit_interview(NOTE, "pager", "paging", merge=False)
    assert changed_lines(NOTE, text) == [
        ("tags: [alert fatigue, Pager,  'on-call']   # keep this comment", "tags: [alert fatigue, paging,  'on-call']   # keep this comment"),
        ('> — Jane Doe {#fewer-pages public tags="pager, cost"}', '> — Jane Doe {#fewer-pages public tags="paging, cost"}'),
    ]  # products and the code example are not tags
    assert [(c.line, c.before, c.after) for c in changes] == [(4, "Pager", "paging"), (11, 'tags="pager, cost"', 'tags="paging, cost"')]


def test_merge_keeps_a_tag_once_per_list() -> None:
    text, changes = edit_interview(NOTE, "Pager", "on-call", merge=True)
    assert "tags: [alert fatigue, on-call]   # keep this comment" in text
    assert [(c.before, c.after) for c in changes if c.line == 4] == [("Pager", "on-call"), ("on-call", "")]


def test_block_lists_lose_the_duplicate_line_and_keep_comments() -> None:
    note = "---\ndate: 2026-03-04\ntags:\n  - pager   # from the call\n  - on-call\n  # trailing comment\n---\nBody\n"
    text, _ = edit_interview(note, "pager", "on-call", merge=True)
    assert text == "---\ndate: 2026-03-04\ntags:\n  - on-call   # from the call\n  # trailing comment\n---\nBody\n"


@pytest.mark.parametrize("value, style, flow, written", [
    ("on call", None, True, "on call"),
    ("a, b", None, True, '"a, b"'),  # a comma would split a flow list
    ("yes", None, False, '"yes"'),  # YAML would read a plain yes as true
    ("it's", "'", True, "'it''s'"),
    ('say "hi"', '"', True, '"say \\"hi\\""'),
    ("#1 pain", None, False, '"#1 pain"'),
])
def test_new_values_are_written_so_they_read_back_the_same(value, style, flow, written) -> None:
    assert render_scalar(value, style, flow=flow) == written


def test_rename_in_tags_yml_keeps_the_synonyms() -> None:
    text, changes = edit_vocabulary("# tags\non-call: [pager]   # ops\nonboarding:\n", "On-Call", "on call")
    assert text == "# tags\non call: [pager]   # ops\nonboarding:\n"
    assert [(c.line, c.before, c.after) for c in changes] == [(2, "on-call", "on call")]


def copy_journal(tmp_path: Path) -> Path:
    root = tmp_path / "journal"
    shutil.copytree(FIXTURE, root)
    return root


def run(root: Path, *args: str):
    return CliRunner().invoke(main, ["--root", str(root), "tags", *args], env={"SOURCE_DATE_EPOCH": EPOCH})


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_tags_lists_counts_spellings_and_synonyms(tmp_path: Path) -> None:
    result = run(FIXTURE)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["tag", "interviews", "quotes"]
    assert lines[1].split()[:3] == ["on-call", "2", "4"]
    assert "also written as 'pager' (1), 'paging' (1)" in lines[1]
    assert [l.split()[0] for l in lines[1:]] == ["on-call", "pricing", "alert", "onboarding"]
    assert "whitecap" not in result.output  # confidential files are not counted


def test_rename_changes_every_file_and_prints_what_it_changed(tmp_path: Path) -> None:
    root = copy_journal(tmp_path)
    before = snapshot(root)
    result = run(root, "rename", "Pricing", "price")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "interviews/2025/beta-2025-05-02.md:10: Pricing → price",
        'interviews/2026/cargo-2026-09-15.md:16: tags="pricing" → tags="price"',
        "interviews/tags.yml:5: pricing → price",
    ]
    after = snapshot(root)
    assert {k for k in after if after[k] != before[k]} == {
        "interviews/2025/beta-2025-05-02.md", "interviews/2026/cargo-2026-09-15.md", "interviews/tags.yml"}
    journal, problems = load_journal(root, read_config(root), today=TODAY)
    assert not list(problems)
    assert journal.quote("routeco-pages").tags == ("price",)


@pytest.mark.parametrize("args, message", [
    (("rename", "pricing", "onboarding"), 'journal tags merge "pricing" "onboarding"'),  # would silently merge
    (("merge", "nonexistent", "pricing"), "no file uses the tag 'nonexistent'"),
])
def test_refusals_explain_and_change_nothing(tmp_path: Path, args, message) -> None:
    root = copy_journal(tmp_path)
    before = snapshot(root)
    result = run(root, *args)
    assert result.exit_code == 1
    assert message in result.output
    assert snapshot(root) == before


def test_merge_folds_one_tag_into_another(tmp_path: Path) -> None:
    root = copy_journal(tmp_path)
    result = run(root, "merge", "onboarding", "on-call")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["interviews/2026/acme-2026-02-10.md:11: onboarding → on-call"]
    assert "tags.yml:4 still lists 'onboarding'" in result.output
    journal, _ = load_journal(root, read_config(root), today=TODAY)
    assert next(i for i in journal.interviews if i.rel == "2026/acme-2026-02-10.md").meta.tags == ["on-call"]


def test_tags_are_not_edited_in_a_journal_with_errors(tmp_path: Path) -> None:
    root = copy_journal(tmp_path)
    bad = root / "interviews" / "2026" / "beta-2026-07-01.md"
    bad.write_text(bad.read_text().replace("relationship: prospect", "relationship: prospekt"))
    before = snapshot(root)
    result = run(root, "rename", "pricing", "price")
    assert result.exit_code == 1
    assert "1 error" in result.output and "journal check" in result.output
    assert snapshot(root) == before


def test_line_endings_and_bom_survive_an_edit(tmp_path: Path) -> None:
    root = copy_journal(tmp_path)
    path = root / "interviews" / "2025" / "beta-2025-05-02.md"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert run(root, "rename", "pricing", "price").exit_code == 0
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf---\r\n") and b"tags: [price]\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")

