"""`journal search-index`: the search index added to a site that another engine built."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from generator.adapters.cli.app import main
from tests.support import EPOCH, FIXTURES, indexed_pages

MINI = FIXTURES / "mini"


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), env={"SOURCE_DATE_EPOCH": EPOCH, "NO_COLOR": "1"})


def test_the_index_of_the_generated_pages_and_the_guides_goes_into_the_site(tmp_path: Path) -> None:
    project = tmp_path / "mini"
    shutil.copytree(MINI, project)
    result = invoke("--root", str(project), "search-index")
    assert result.exit_code == 0, result.output
    indexed = indexed_pages(project / "site")  # mkdocs.yml's site_dir, by default
    assert {"/interviews/2026/2026-03-04-acme/", "/customers/acme-logistics/", "/about/"} <= set(indexed)
    assert indexed["/about/"]["meta"] == {"title": "About"}
    assert not any("halyard" in url for url in indexed)
    assert "search index of" in result.stderr


def test_a_journal_with_errors_gets_no_index(tmp_path: Path) -> None:
    project = tmp_path / "mini"
    shutil.copytree(MINI, project)
    note = project / "interviews" / "2026" / "2026-03-04-acme.md"
    note.write_text(note.read_text().replace("relationship: customer", "relationship: custmer"))
    result = invoke("--root", str(project), "search-index", "--site", str(tmp_path / "out"))
    assert result.exit_code == 1 and "custmer" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
