"""generator.core.project: what mkdocs.yml says, read without MkDocs (for engines without the plugin)."""

from __future__ import annotations

from pathlib import Path

from generator.core.project import excluded_docs, read_folders


def test_the_docs_and_site_folders_come_from_mkdocs_yml_or_its_defaults(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: J\n")
    assert read_folders(tmp_path) == (tmp_path / "docs", tmp_path / "site")
    (tmp_path / "mkdocs.yml").write_text("site_name: J\ndocs_dir: pages\nsite_dir: public\n")
    assert read_folders(tmp_path) == (tmp_path / "pages", tmp_path / "public")


def test_exclude_docs_is_read_as_gitignore_patterns_through_inherit(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: J\n")
    assert not excluded_docs(tmp_path)("testing.md")
    (tmp_path / "base.yml").write_text("exclude_docs: |\n  testing.md\n  drafts/\n  !drafts/keep.md\n")
    (tmp_path / "mkdocs.yml").write_text("INHERIT: base.yml\nsite_name: J\n")
    excluded = excluded_docs(tmp_path)
    assert excluded("testing.md") and excluded("drafts/idea.md") and excluded("guide/testing.md")
    assert not excluded("about.md") and not excluded("drafts/keep.md")
