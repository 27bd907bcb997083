"""generator.core.config: the `journal` plugin's options, validated for `mkdocs build` and `journal check` alike."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from generator.core.config import BIG_FOUR, CHANNELS, TEAMS, JournalConfig
from generator.core.project import read_config
from generator.errors import ProjectError

from tests.support import FIXTURES, REPO, run_mkdocs

MINI = FIXTURES / "mini"

# (options under `- journal:`, the message that names what is wrong)
INVALID = [
    ("relationships: customer", "relationships: Input should be a valid list"),
    ("relationships: []", "relationships: needs at least 1 value"),
    ("relationships: [customer, prospect, lost-customer, competitor-customer, customer]", "relationships: 'customer' is listed twice"),
    ("relationships: [customer, prospect, lost-customer, competitor-customer, 42]", "relationships[4]: Input should be a valid string"),
    ("relationships: [customer]", "big_four lists prospect, lost-customer, competitor-customer, which is not in relationships"),
    ("channels: []", "channels: needs at least 1 value"),
    ("channels: [call, ' ']", "channels: values must not be empty"),
    ("teams: [sales, sales]", "teams: 'sales' is listed twice"),
    ("teams: [sales]", "first_hand_team 'marketing' is not in teams"),
    ("account_fields: tier", "account_fields: Input should be a valid list"),
    ("account_fields: [tier, tier]", "account_fields: 'tier' is listed twice"),
    ("account_fields: [date]", "account_fields: 'date' is already a built-in field or segment; pick another name"),
    ("account_fields: [aliases]", "account_fields: 'aliases' is already a built-in field or segment"),
    ("taxonomies: [tags]", "taxonomies: 'tags' is already a built-in field or segment"),
    ("taxonomies: [product]", "taxonomies: 'product' is already a built-in field or segment"),
    ("taxonomies: [industry]", "taxonomies: 'industry' is already a built-in field or segment"),
    ("taxonomies: [tier]\n      account_fields: [tier]", "'tier' is in both account_fields and taxonomies; keep it in one"),
    ("stale_days: soon", "stale_days: Input should be a valid integer"),
    ("stale_days: 0", "stale_days: Input should be greater than or equal to 1"),
    ("coverage_windows: [30, 0]", "coverage_windows[1]: Input should be greater than or equal to 1"),
    ("strict_tags: maybe", "strict_tags: Input should be a valid boolean"),
]


def project(tmp_path: Path, options: str | None) -> Path:
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    plugins = "plugins: [search, journal]\n" if options is None else f"plugins:\n  - search\n  - journal:\n      {options}\n"
    (root / "mkdocs.yml").write_text(f"site_name: Mini\n{plugins}")
    return root


def mkdocs_config_error(root: Path) -> str:
    """What MkDocs says while loading the config and running the plugins' on_config (no build)."""
    try:
        config = load_config(config_file=str(root / "mkdocs.yml"))
        config.plugins.run_event("config", config)
    except (Abort, ConfigurationError, PluginError) as exc:
        return str(exc)
    return ""


@pytest.mark.parametrize("options, message", INVALID, ids=[o for o, _ in INVALID])
def test_invalid_options_name_the_option_in_check_and_build(tmp_path: Path, options: str, message: str, caplog) -> None:
    root = project(tmp_path, options)
    with pytest.raises(ProjectError) as check:
        read_config(root)
    assert message in str(check.value)
    assert "pydantic" not in str(check.value) and "\n" not in str(check.value)
    said = mkdocs_config_error(root) + "\n" + caplog.text  # MkDocs logs option errors, then raises
    # MkDocs writes "Plugin 'journal' option 'relationships': [4]: …" where check writes "relationships[4]: …".
    said = re.sub(r"Plugin 'journal' option '(\w+)': (?:(\[\d+\]): )?", r"\1\2: ", said)
    assert message in said, said


@pytest.mark.parametrize("options, check", [
    ("relationships: [customer, prospect, lost-customer, competitor-customer, partner]",
     lambda c: c.relationships[-1] == "partner" and c.big_four == BIG_FOUR),
    ("channels: [call, podcast]", lambda c: c.channels == ["call", "podcast"]),
    ("teams: [marketing, partnerships]", lambda c: c.teams == ["marketing", "partnerships"]),
    ("account_fields: [industry, tier]", lambda c: c.all_account_fields == ["industry", "size", "region", "tier"]),
    ("taxonomies: [use_cases]", lambda c: c.taxonomies == ["use_cases"]),
    ("stale_days: 45", lambda c: c.stale_days == 45),
])
def test_valid_options_reach_the_core(tmp_path: Path, options: str, check) -> None:
    root = project(tmp_path, options)
    assert check(read_config(root))
    assert mkdocs_config_error(root) == ""


def test_defaults_are_the_big_four_and_the_usual_channels_and_teams() -> None:
    config = JournalConfig()
    assert (config.relationships, config.big_four, config.channels, config.teams) == (BIG_FOUR, BIG_FOUR, CHANNELS, TEAMS)
    assert (config.stale_days, config.coverage_windows, config.strict_tags) == (180, [30, 90, 365], False)


def test_a_site_with_only_search_and_journal_builds(tmp_path: Path) -> None:
    """No theme, no options: MkDocs' defaults plus the plugin's give a working site."""
    root = project(tmp_path, None)
    assert read_config(root) == JournalConfig()
    result = run_mkdocs(root, "--strict")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    site = root / "site"
    for page in ("index.html", "customers/index.html", "customers/acme-logistics/index.html", "quotes/index.html",
                 "quotes/quotes.json", "segments/index.html", "interviews/2026/2026-03-04-acme/index.html", "feed.xml"):
        assert (site / page).is_file(), page
    assert "We cut our on-call pages" in (site / "interviews" / "2026" / "2026-03-04-acme" / "index.html").read_text()


def test_docs_list_every_option() -> None:
    docs = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    table = docs[docs.index("## Site options (mkdocs.yml)"):]
    assert [name for name in JournalConfig.model_fields if f"`{name}`" not in table] == []


def test_options_come_through_inherit_as_mkdocs_merges_them(tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "team.yml").write_text("plugins:\n  - journal:\n      channels: [call]\n      stale_days: 30\n")
    (tmp_path / "base.yml").write_text("INHERIT: shared/team.yml\nsite_name: Base\n")
    (tmp_path / "mkdocs.yml").write_text("INHERIT: base.yml\n")
    assert read_config(tmp_path).channels == ["call"] and read_config(tmp_path).stale_days == 30  # two levels up, each path relative to its file
    (tmp_path / "mkdocs.yml").write_text("INHERIT: base.yml\nplugins: [search, journal]\n")
    assert read_config(tmp_path).channels == list(CHANNELS)  # a list the child sets replaces the parent's


def test_a_missing_inherited_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("INHERIT: team.yml\n")
    with pytest.raises(ProjectError, match=r"^mkdocs.yml: INHERIT: 'team.yml' does not exist"):
        read_config(tmp_path)
