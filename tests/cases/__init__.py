"""The data-driven corpora: one loader for every suite of tests/cases/<suite>/<case>/ (see README.md).

A case folder holds a journal's files, laid over the suite's ``_base/`` when it has one,
an optional ``make.py`` and its expectation (``expected.txt`` or ``expected.json``).
``cases(suite)`` lists the cases and refuses a suite that is too small or holds anything
that is neither a case nor ``_base/``: runners call it at collection, so a broken corpus
fails the run instead of shrinking it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

CASES = Path(__file__).resolve().parent
BASE = "_base"
MAKE = "make.py"
VALID_INTERVIEW = CASES / "valid-interview.md"  # the ``base`` text a make.py starts from
EXIT_LINE = re.compile(r"exit [0-3]")
STDERR = "stderr: "


@dataclass(frozen=True)
class Suite:
    name: str
    expected: str  # the expectation file every case holds
    min_cases: int  # near today's count: losing cases fails the run


SUITES = {s.name: s for s in (
    Suite("bad-inputs", "expected.txt", 76),
    Suite("check", "expected.txt", 21),
    Suite("campaigns", "expected.txt", 14),
    Suite("insights", "expected.txt", 8),
    Suite("customers", "expected.json", 2),
)}
MESSAGE_SUITES = [s for s in SUITES if SUITES[s].expected == "expected.txt"]


class CorpusError(Exception):
    """A suite folder that would silently run fewer cases than it holds."""


@dataclass(frozen=True)
class Expected:
    """An expected.txt: `journal check`'s exit code, its exact standard output, parts of its standard error."""

    exit: int
    stdout: list[str]
    stderr: list[str]


def suite_of(case: Path) -> Suite:
    return SUITES[case.parent.name]


def _expected_problem(case: Path, suite: Suite) -> str | None:
    """What is wrong with ``case``'s expectation file, if anything."""
    path = case / suite.expected
    others = sorted(p.name for p in case.iterdir() if p.name.startswith("expect") and p.name != suite.expected)
    if not path.is_file():
        return f"{case.name}/ has no {suite.expected}" + (f" (found {', '.join(others)})" if others else "")
    if others:
        return f"{case.name}/ holds {', '.join(others)} beside {suite.expected}"
    if suite.expected == "expected.txt":
        first = (path.read_text(encoding="utf-8").splitlines() or [""])[0]
        if not EXIT_LINE.fullmatch(first):
            return f"{case.name}/expected.txt must start with 'exit N', not {first!r}"
    return None


def cases(suite: Suite | str, root: Path = CASES) -> list[Path]:
    """The case folders of ``suite`` under ``root``, sorted; CorpusError unless every entry is a
    case or ``_base/`` and there are at least ``min_cases`` of them."""
    suite = SUITES[suite] if isinstance(suite, str) else suite
    folder = root / suite.name
    if not folder.is_dir():
        raise CorpusError(f"{folder}: no such suite folder")
    found, wrong = [], []
    for entry in sorted(folder.iterdir()):
        if entry.name == BASE and entry.is_dir():
            continue
        if entry.name == "__pycache__":
            continue
        if not entry.is_dir() or entry.is_symlink():
            wrong.append(f"{entry.name} is neither a case folder nor {BASE}/")
        elif problem := _expected_problem(entry, suite):
            wrong.append(problem)
        else:
            found.append(entry)
    if len(found) < suite.min_cases:
        wrong.append(f"{len(found)} cases, fewer than the {suite.min_cases} this suite must have "
                     "(lower Suite.min_cases in tests/cases/__init__.py only on purpose)")
    if wrong:
        raise CorpusError(f"{folder}: " + "; ".join(wrong))
    return found


def params(suite: Suite | str) -> list[Any]:
    """``cases(suite)`` as pytest parameters with the case's name as id."""
    return [pytest.param(c, id=c.name) for c in cases(suite)]


def case(suite: str, name: str) -> Path:
    """One named case folder of a suite (for tests that use a case's journal)."""
    path = CASES / suite / name
    assert (path / SUITES[suite].expected).is_file(), f"{suite}/{name} is not a case"
    return path


def link_from_outside(root: Path, rel: str, name: str, text: str) -> None:
    """For a make.py: ``text`` written to ``name`` beside the journal at ``root`` (outside it) and
    symlinked into it at ``rel``: a file the journal must refuse to read."""
    outside = root.parent / name
    outside.write_text(text, encoding="utf-8")
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    os.symlink(outside, root / rel)


def base(suite: str) -> Path:
    """The shared folder every case of ``suite`` is laid over."""
    path = CASES / suite / BASE
    assert path.is_dir(), f"{suite} has no {BASE}/"
    return path


def project(case: Path, tmp: Path) -> Path:
    """The case's journal in ``tmp/<case name>``: the suite's ``_base/``, the case's files over it
    (not its expectation or make.py), then its make.py run as ``make(root, base)``."""
    suite = suite_of(case)
    root = tmp / case.name
    base = case.parent / BASE
    if base.is_dir():
        shutil.copytree(base, root, symlinks=True)
    shutil.copytree(case, root, symlinks=True, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns(suite.expected, MAKE, "__pycache__"))
    (root / "interviews").mkdir(exist_ok=True)
    recipe = case / MAKE
    if recipe.is_file():
        spec = importlib.util.spec_from_file_location(f"case_{suite.name}_{case.name}".replace("-", "_"), recipe)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.make(root, VALID_INTERVIEW.read_text(encoding="utf-8"))
    return root


def expected(case: Path) -> Expected:
    """A case's expected.txt: first line ``exit N``, then `journal check`'s exact standard output,
    and ``stderr: `` lines, text its standard error must contain."""
    first, *lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert EXIT_LINE.fullmatch(first), f"{case}/expected.txt must start with 'exit N'"
    return Expected(int(first.split()[1]), [l for l in lines if not l.startswith(STDERR)],
                    [l.removeprefix(STDERR) for l in lines if l.startswith(STDERR)])


def expected_json(case: Path) -> Any:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))
