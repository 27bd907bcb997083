"""Every message case of tests/cases/ (bad-inputs, check, campaigns, insights; see its README)
through `journal check`: the exact standard output and exit code, the expected standard error,
never a traceback. And the loader's guards: a corpus that lost or hid cases fails the run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.adapters.cli.app import main

from tests import cases
from tests.support import EPOCH

MESSAGE_CASES = [pytest.param(c, id=f"{suite}/{c.name}") for suite in cases.MESSAGE_SUITES for c in cases.cases(suite)]


def check(root: Path):
    return CliRunner().invoke(main, ["--root", str(root), "check"], env={"SOURCE_DATE_EPOCH": EPOCH})


@pytest.mark.parametrize("case", MESSAGE_CASES)
def test_journal_check(case: Path, tmp_path: Path) -> None:
    want = cases.expected(case)
    result = check(cases.project(case, tmp_path))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.stdout.splitlines() == want.stdout
    assert result.exit_code == want.exit
    stderr = " ".join(result.stderr.split())  # the console wraps long lines
    for part in want.stderr:
        assert part in stderr


# --- the corpus itself ----------------------------------------------------------------

def test_every_folder_of_tests_cases_is_a_known_suite() -> None:
    entries = {p.name for p in cases.CASES.iterdir() if p.name != "__pycache__"}
    assert entries == {*cases.SUITES, "README.md", "__init__.py", cases.VALID_INTERVIEW.name}


@pytest.mark.parametrize("suite", list(cases.SUITES))
def test_suite_has_its_cases_and_nothing_else(suite: str) -> None:
    assert len(cases.cases(suite)) >= cases.SUITES[suite].min_cases


DEMO = cases.Suite("demo", "expected.txt", min_cases=2)


def demo_suite(root: Path) -> Path:
    """A well-formed suite under ``root``: a shared _base/, a case with make.py, a plain case."""
    suite = root / "demo"
    (suite / "_base" / "interviews").mkdir(parents=True)
    (suite / "_base" / "interviews" / "a.md").write_text("base a\n")
    (suite / "_base" / "interviews" / "b.md").write_text("base b\n")
    (suite / "made" / "interviews").mkdir(parents=True)
    (suite / "made" / "interviews" / "a.md").write_text("case a\n")
    (suite / "made" / "expected.txt").write_text("exit 0\n")
    (suite / "made" / "make.py").write_text(
        "def make(root, base):\n    (root / 'interviews' / 'made.md').write_text(base)\n")
    (suite / "plain").mkdir()
    (suite / "plain" / "expected.txt").write_text("exit 1\nx.md:1: error: y\nstderr: z\n")
    return suite


def test_the_loader_lays_a_case_over_base_and_runs_its_recipe(tmp_path: Path, monkeypatch) -> None:
    demo_suite(tmp_path / "corpus")
    monkeypatch.setitem(cases.SUITES, "demo", DEMO)
    made, plain = cases.cases(DEMO, root=tmp_path / "corpus")
    root = cases.project(made, tmp_path / "out")
    assert sorted(p.name for p in root.iterdir()) == ["interviews"]  # no expected.txt, no make.py
    assert (root / "interviews" / "a.md").read_text() == "case a\n"
    assert (root / "interviews" / "b.md").read_text() == "base b\n"
    assert (root / "interviews" / "made.md").read_text() == cases.VALID_INTERVIEW.read_text(encoding="utf-8")
    assert cases.expected(plain) == cases.Expected(1, ["x.md:1: error: y"], ["z"])


@pytest.mark.parametrize("breakage, message", [
    (lambda s: (s / "notes").mkdir(), "notes/ has no expected.txt"),
    (lambda s: (s / "plain" / "expected.txt").rename(s / "plain" / "expectd.txt"),
     "plain/ has no expected.txt (found expectd.txt)"),
    (lambda s: (s / "plain" / "expected.json").write_text("{}"), "plain/ holds expected.json beside expected.txt"),
    (lambda s: (s / "README.md").write_text("stray"), "README.md is neither a case folder nor _base/"),
    (lambda s: (s / "plain" / "expected.txt").write_text("x.md:1: error: y\n"), "must start with 'exit N'"),
    (lambda s: shutil.rmtree(s / "made"), "1 cases, fewer than the 2 this suite must have"),
], ids=["folder-without-expectation", "misspelt-expectation", "two-expectations", "stray-file", "no-exit-line",
        "too-few-cases"])
def test_the_loader_refuses_a_suite_that_would_run_fewer_cases_than_it_holds(tmp_path: Path, breakage, message: str) -> None:
    suite = demo_suite(tmp_path)
    breakage(suite)
    with pytest.raises(cases.CorpusError) as raised:
        cases.cases(DEMO, root=tmp_path)
    assert message in str(raised.value)


def test_a_missing_suite_folder_fails(tmp_path: Path) -> None:
    with pytest.raises(cases.CorpusError, match="no such suite folder"):
        cases.cases(DEMO, root=tmp_path)
