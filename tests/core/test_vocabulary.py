"""generator.core.vocabulary: tags.yml, synonyms folded into allowed tags, unknown tags.

The exact messages are in tests/cases/check/{tag-vocabulary,tag-vocabulary-strict,
tags-yml-invalid,strict-tags-without-vocabulary}.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.core.load import load_journal
from generator.core.parsecache import ParseCache
from generator.core.project import read_config

from tests import cases
from tests.support import FIXTURES, TODAY

FIXTURE = FIXTURES / "segments"
CASES = cases.CASES / "check"


def test_synonyms_fold_into_the_allowed_tag_in_interviews_and_quotes() -> None:
    journal, problems = load_journal(FIXTURE, read_config(FIXTURE), today=TODAY)
    assert not list(problems)
    acme = next(i for i in journal.interviews if i.rel == "2026/acme-2026-11-01.md")
    assert acme.meta.tags == ["alert fatigue", "on-call"]  # written: [alert fatigue, pager]
    assert acme.written_tags == ("alert fatigue", "pager")
    assert journal.quote("night-shift").tags == ("on-call",)  # written: tags="paging"
    beta = next(i for i in journal.interviews if i.rel == "2025/beta-2025-05-02.md")
    assert beta.meta.tags == ["pricing"]  # written: [Pricing]: the allowed spelling wins


def test_a_synonym_and_its_tag_in_one_list_count_once() -> None:
    journal, problems = load_journal(CASES / "tag-vocabulary", read_config(CASES / "tag-vocabulary"), today=TODAY)
    [interview] = journal.interviews
    assert interview.meta.tags == ["on-call", "pagr", "alert fatigue"]  # written: [Pager, pagr, alert fatigue]
    assert [p.is_error for p in problems] == [False, False]


def test_strict_tags_make_unknown_tags_errors() -> None:
    case = CASES / "tag-vocabulary-strict"
    _, problems = load_journal(case, read_config(case), today=TODAY)
    assert [p.is_error for p in problems] == [True, True]


def test_without_tags_yml_any_tag_is_fine() -> None:
    case = CASES / "valid-minimal"
    journal, problems = load_journal(case, read_config(case), today=TODAY)
    assert not list(problems)
    assert journal.interviews[0].meta.tags == ["alert fatigue"]


def test_editing_tags_yml_takes_effect_on_cached_interviews(tmp_path: Path) -> None:
    """`mkdocs serve` reuses parsed interviews: folding must start from the tags as written."""
    root = tmp_path / "j"
    shutil.copytree(FIXTURE, root)
    cache = ParseCache()
    config = read_config(root)
    journal, _ = load_journal(root, config, today=TODAY, cache=cache)
    assert journal.quote("night-shift").tags == ("on-call",)
    (root / "interviews" / "tags.yml").write_text("alert fatigue:\non-call: [pager]\nonboarding:\npricing:\npaging:\n")
    journal, problems = load_journal(root, config, today=TODAY, cache=cache)
    assert not list(problems)
    assert journal.quote("night-shift").tags == ("paging",)
    acme = next(i for i in journal.interviews if i.rel == "2026/acme-2026-11-01.md")
    assert acme.meta.tags == ["alert fatigue", "on-call"]
