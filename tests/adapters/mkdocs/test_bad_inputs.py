"""The bad-inputs suite (tests/cases/bad-inputs/, see tests/cases/README.md) through MkDocs: every
case that `journal check` fails also fails the build, located, the MkDocs way, leaving no site.
(`journal check` on every case: tests/test_cases.py.)"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from tests import cases
from tests.support import build_in_process, run_mkdocs

MKDOCS_YML = """site_name: Bad input
theme: {name: material, font: false}
plugins: [search, journal]
"""


def as_mkdocs_project(root: Path) -> Path:
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    return root


def error_lines(case: Path) -> list[str]:
    """The error lines of the case's expected `journal check` output (warnings are not the build's business)."""
    return [line for line in cases.expected(case).stdout if ": error: " in line]


FAILING = [pytest.param(c, id=c.name) for c in cases.cases("bad-inputs") if cases.expected(c).exit == 1]


@pytest.mark.parametrize("case", FAILING)
def test_mkdocs_build_in_process_fails_located(case: Path, tmp_path: Path, caplog) -> None:
    """Every failing case through MkDocs' own build (in this process: ~30 ms a case)."""
    root = as_mkdocs_project(cases.project(case, tmp_path))
    caplog.set_level(logging.WARNING, logger="mkdocs")
    with pytest.raises(Abort):  # MkDocs' way out for a failed build: no other exception
        build_in_process(root)
    errors = error_lines(case)
    assert errors and set(errors) <= set(caplog.messages)
    assert not (root / "site").exists()
    assert not [p.name for p in root.iterdir() if p.name.startswith(".journal-build-")]


# One case of each kind of failure: unreadable file, YAML syntax, YAML trap, schema,
# quote syntax, cross-file, accounts.yml, campaign, refused link.
BUILD_CASES = ["binary-md", "colon-in-value", "billion-laughs", "confidential-capitalised",
               "unclosed-attribution-brace", "duplicate-quote-id", "accounts-yml-bad-fields",
               "campaign-invalid-yaml", "symlink-outside", "unclosed-front-matter"]


@pytest.mark.parametrize("name", BUILD_CASES)
def test_mkdocs_build_fails_located_and_leaves_no_site(name: str, tmp_path: Path) -> None:
    case = cases.case("bad-inputs", name)
    want = cases.expected(case)
    errors = error_lines(case)
    assert want.exit == 1 and errors
    root = as_mkdocs_project(cases.project(case, tmp_path))
    result = run_mkdocs(root)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for line in errors:
        assert line in result.stderr
    assert not (root / "site").exists()
    assert not [p.name for p in root.iterdir() if p.name.startswith(".journal-build-")]
