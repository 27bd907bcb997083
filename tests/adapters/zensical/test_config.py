"""The configuration derived for Zensical from mkdocs.yml, and the Markdown settings of the journal's renderer."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.utils.yaml import get_yaml_loader

from generator.adapters.zensical.config import GUARD, SiteConfig, markdown_settings
from generator.core.config import JournalConfig
from generator.errors import ProjectError
from generator.site.pages.assets import STYLESHEETS
from tests.support import REPO

MkDocsLoader = get_yaml_loader()  # yaml.Loader with !ENV, as Zensical's


def site_config(root: Path, text: str, **files: str) -> SiteConfig:
    (root / "mkdocs.yml").write_text(text)
    for name, content in files.items():
        (root / name).write_text(content)
    return SiteConfig(root, JournalConfig())


def derived(config: SiteConfig, moved: dict[str, str] | None = None, hidden: list[str] | None = None) -> dict:
    return yaml.load(config.derived(docs_dir="docs", site_dir="site", moved=moved or {}, hidden=hidden or []),
                     Loader=yaml.BaseLoader)  # every tag left as text: what Zensical reads


def test_the_staging_folder_replaces_docs_and_site_and_the_stylesheets_are_declared(tmp_path: Path) -> None:
    config = site_config(tmp_path, "site_name: J\ndocs_dir: pages\nsite_dir: out\nextra_css: [team.css, assets/journal/quotes.css]\n")
    assert (config.docs_dir, config.site_dir) == (tmp_path / "pages", tmp_path / "out")
    out = derived(config)
    assert (out["docs_dir"], out["site_dir"]) == ("docs", "site")
    assert out["extra_css"][0] == "team.css"
    assert sorted(out["extra_css"][1:]) == sorted(STYLESHEETS) and len(out["extra_css"]) == len(STYLESHEETS) + 1


def test_the_nav_points_at_the_staged_pages(tmp_path: Path) -> None:
    config = site_config(tmp_path, "site_name: J\nnav:\n  - index.md\n  - Customers: customers.md\n"
                                   "  - Guide:\n      - about.md\n      - Deep: campaigns/spring.md\n")
    out = derived(config, moved={"customers.md": "customers/index.md", "campaigns/spring.md": "campaigns/spring/index.md"})
    assert out["nav"] == ["index.md", {"Customers": "customers/index.md"},
                          {"Guide": ["about.md", {"Deep": "campaigns/spring/index.md"}]}]
    assert "not_in_nav" not in out  # the team's nav decides


def test_without_a_nav_the_generated_pages_stay_out_of_zensicals(tmp_path: Path) -> None:
    config = site_config(tmp_path, "site_name: J\nnot_in_nav: |\n  /drafts/\n")
    out = derived(config, hidden=["interviews/2026/a/index.md"])
    assert out["not_in_nav"].splitlines() == ["/drafts/", "/interviews/2026/a/index.md"]


def test_the_journal_plugin_and_the_guard_are_left_out(tmp_path: Path) -> None:
    config = site_config(tmp_path, f"site_name: J\nplugins:\n  - search\n  - journal:\n      stale_days: 90\n"
                                   f"markdown_extensions:\n  - tables\n  - {GUARD}\n  - toc:\n      permalink: true\n")
    out = derived(config)
    assert out["plugins"] == ["search"]
    assert out["markdown_extensions"] == ["tables", {"toc": {"permalink": "true"}}]
    assert GUARD not in config.extensions


def test_inherit_merges_as_mkdocs_does_and_tags_reach_zensical_unchanged(tmp_path: Path, monkeypatch) -> None:
    """A child's list replaces the parent's (Zensical's own INHERIT would append them); tags stay for Zensical."""
    monkeypatch.setenv("JOURNAL_TEST_NAME", "From the environment")
    config = site_config(
        tmp_path,
        "INHERIT: base.yml\nsite_name: !ENV JOURNAL_TEST_NAME\nnav: [index.md]\ntheme:\n  palette: {scheme: slate}\n",
        **{"base.yml": "site_name: Base\nnav: [about.md, index.md]\ntheme:\n  name: material\n  custom_dir: overrides\n"
                       "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_generator: !!python/name:pymdownx.emoji.to_svg\n"})
    (tmp_path / "overrides").mkdir()
    text = config.derived(docs_dir="docs", site_dir="site", moved={}, hidden=[])
    assert "INHERIT" not in text
    assert "site_name: !ENV " in text and "!!python/name:pymdownx.emoji.to_svg" in text
    read = yaml.load(text, Loader=MkDocsLoader)  # as Zensical reads it
    assert read["site_name"] == "From the environment"
    assert read["markdown_extensions"][0]["pymdownx.emoji"]["emoji_generator"].__name__ == "to_svg"
    out = derived(config)
    assert out["nav"] == ["index.md"]
    assert out["theme"] == {"name": "material", "custom_dir": str(tmp_path / "overrides"), "palette": {"scheme": "slate"}}
    assert config.extension_configs["pymdownx.emoji"]["emoji_generator"].__name__ == "to_svg"  # resolved for the renderer


def test_the_renderer_gets_mkdocs_own_markdown_settings() -> None:
    """Notes render as the plugin renders them: the same extensions, in the same order, with the same options."""
    mkdocs = load_config(str(REPO / "mkdocs.yml"))
    names, configs = markdown_settings(yaml.safe_load((REPO / "mkdocs.yml").read_text())["markdown_extensions"])
    assert names == [n for n in mkdocs.markdown_extensions if n != GUARD]
    assert configs == {k: v for k, v in mkdocs.mdx_configs.items() if k != GUARD}
    assert markdown_settings({"abbr": None, "toc": {"permalink": "#"}}) == (["toc", "tables", "fenced_code", "abbr"],
                                                                             {"toc": {"permalink": "#"}})


@pytest.mark.parametrize("text, message", [
    ("site_name: J\nuse_directory_urls: false\n", "mkdocs.yml: the journal's addresses need use_directory_urls: true"),
    ("site_name: J\ndocs_dir: .\n", "mkdocs.yml: interviews/ must stay outside docs_dir (.)"),
    ("site_name: J\nmarkdown_extensions: [[tables]]\n", "mkdocs.yml: markdown_extensions: '['tables']' is not an extension name"),
    ("site_name: J\nsite_url: !relative\n", "mkdocs.yml cannot be read"),
    ("site_name: J\ndocs_dir: [pages]\n", "mkdocs.yml: docs_dir must be text, not ['pages']"),
])
def test_unusable_settings_are_named(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "interviews").mkdir()
    with pytest.raises(ProjectError, match="^" + message.replace("[", r"\[").replace("(", r"\(").replace(")", r"\)")):
        site_config(tmp_path, text)
