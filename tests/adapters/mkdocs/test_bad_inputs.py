"""The bad-inputs suite (tests/cases/bad-inputs/, see tests/cases/README.md) through MkDocs: every
case that `journal check` fails also fails the build, located, the MkDocs way, leaving no site.
(`journal check` on every case: tests/test_cases.py.)"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from tests import cases
from tests.support import EPOCH, run_mkdocs

MKDOCS_YML = """site_name: Bad input
theme: {name: material, font: false}
plugins: [search, journal]
"""


def as_mkdocs_project(root: Path) -> Path:
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    return root


FAILING = [pytest.param(c, id=c.name) for c in cases.cases("bad-inputs") if cases.expected(c).exit == 1]


@pytest.mark.parametrize("case", FAILING)
def test_mkdocs_build_in_process_fails_located(case: Path, tmp_path: Path, caplog, monkeypatch) -> None:
    """Every failing case through MkDocs' own build (in this process: ~30 ms a case)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    root = as_mkdocs_project(cases.project(case, tmp_path))
    config = load_config(str(root / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    caplog.set_level(logging.WARNING, logger="mkdocs")
    try:
        with pytest.raises(Abort):  # MkDocs' way out for a failed build: no other exception
            build(config)
    finally:
        config.plugins.on_shutdown()
    logged = caplog.messages
    for line in cases.expected(case).stdout:
        if ": error: " in line:
            assert line in logged
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
    assert want.exit == 1 and want.stdout
    root = as_mkdocs_project(cases.project(case, tmp_path))
    result = run_mkdocs(root)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for line in want.stdout:
        if ": error: " in line:
            assert line in result.stderr
    assert not (root / "site").exists()
    assert not [p.name for p in root.iterdir() if p.name.startswith(".journal-build-")]
