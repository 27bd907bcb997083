"""Options a release renames keep working, with a warning naming the new name: in `journal check`
(core) and in the MkDocs plugin (its config schema)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.adapters.mkdocs.options import plugin_config_class
from generator.core import config
from generator.core.load import load_project
from tests.support import TODAY, copy_project

RENAMED = {"stale_after_days": ("stale_days", "0.2.0")}
WARNING = "the journal option 'stale_after_days' is called 'stale_days' since version 0.2.0: rename it in mkdocs.yml"


def test_upgrade_moves_the_value_and_warns() -> None:
    options, warnings = config.upgrade_options({"stale_after_days": 30, "strict_tags": True}, RENAMED)
    assert options == {"stale_days": 30, "strict_tags": True} and warnings == [WARNING]
    assert config.upgrade_options({"stale_days": 30}, RENAMED) == ({"stale_days": 30}, [])


def test_journal_check_warns_at_mkdocs_yml(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(config.RENAMED_OPTIONS, *next(iter(RENAMED.items())))
    project = copy_project(tmp_path)
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(text.replace("stale_days: 120", "stale_after_days: 30"), encoding="utf-8")
    journal, problems = load_project(project, today=TODAY)
    assert journal.config.stale_days == 30
    assert [p.format() for p in problems.warnings] == [f"mkdocs.yml: warning: {WARNING}"]


def test_the_plugin_moves_the_value_and_warns() -> None:
    schema = plugin_config_class(RENAMED)()
    schema.load_dict({"stale_after_days": 30})
    errors, warnings = schema.validate()
    assert errors == [] and schema["stale_days"] == 30
    assert [message for _, message in warnings] == [f"journal: {WARNING}"]


@pytest.mark.parametrize("options", [{"stale_days": 30}, {}])
def test_current_names_do_not_warn(options: dict) -> None:
    schema = plugin_config_class(RENAMED)()
    schema.load_dict(options)
    assert schema.validate() == ([], [])
