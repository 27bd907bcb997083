"""The public API: `generator.__all__` holds, each name is what its module defines, and using
the package does not load what the caller did not ask for (as httpx's test_exported_members)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import generator

from tests.support import REPO, TODAY, copy_project

EXPECTED = {
    "__version__",
    "JournalError", "ProjectError", "JournalInvalid", "YamlProblem", "NoteError", "FilterError", "PageConflict", "EditAborted", "BuildFailed",
    "JournalConfig", "read_config", "find_root",
    "load_project", "load_journal", "build_date", "Problem", "Problems", "Severity",
    "Journal", "Interview", "Quote", "Account", "Campaign", "Insight",
    "generate_pages", "build_pages", "Site", "Renderer", "Page",
}


def test_all_lists_exactly_the_public_names() -> None:
    assert set(generator.__all__) == EXPECTED
    assert generator.__all__ == sorted(generator.__all__, key=str.casefold)
    assert set(dir(generator)) == EXPECTED


@pytest.mark.parametrize("name", sorted(EXPECTED - {"__version__"}))
def test_each_name_is_defined_inside_the_package(name: str) -> None:
    value = getattr(generator, name)
    assert value.__module__.startswith("generator."), (name, value.__module__)
    assert not value.__module__.startswith("generator.adapters"), "adapters are not part of the API"


def test_unknown_names_are_attribute_errors() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        generator.nope  # noqa: B018


def test_every_error_is_a_journal_error() -> None:
    values = [getattr(generator, n) for n in EXPECTED - {"__version__"}]
    errors = [v for v in values if isinstance(v, type) and issubclass(v, BaseException)]
    assert len(errors) == 9 and all(issubclass(e, generator.JournalError) for e in errors)


def test_the_version_is_the_installed_distribution_version() -> None:
    from importlib.metadata import version

    assert generator.__version__ == version("customer-research-journal")


def test_checking_does_not_import_the_renderer() -> None:
    """`journal check` (a pre-commit hook) stays light: loading a journal imports no Jinja2 or Markdown."""
    code = ("import sys, generator; from pathlib import Path; generator.load_project(Path(sys.argv[1])); "
            "print(sorted(m for m in ('jinja2', 'markdown', 'nh3', 'mkdocs', 'click') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(REPO)], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_api_loads_and_builds_a_journal(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795132800")  # 2026-11-20, as TODAY
    project = copy_project(tmp_path)
    journal, problems = generator.load_project(project)
    assert journal.today == TODAY and not problems.errors and len(journal.interviews) == 23
    pages = generator.generate_pages(project)
    assert "customers/northwind-field-services/index.md" in pages and "quotes/quotes.json" in pages
    (project / "interviews" / "2026" / "broken.md").write_text("---\ndate: 2026-13-01\n---\n", encoding="utf-8")
    with pytest.raises(generator.JournalInvalid) as caught:
        generator.generate_pages(project)
    assert any(p.path == "interviews/2026/broken.md" and p.is_error for p in caught.value.problems)
