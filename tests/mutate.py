"""`make mutate`: mutation testing of the code whose mistakes hurt most (docs/testing.md, "Mutation testing").

mutmut (pinned in requirements-mutate.lock, configured in pyproject.toml's [tool.mutmut]) copies
generator/ into mutants/, changes the functions named in TARGETS one small change at a time (a
"mutant": `<` for `<=`, `and` for `or`, a string changed...) and runs the tests that reach the changed
function; a mutant that no test notices "survives". This prints every survivor (the equivalent ones
docs/testing.md lists apart from the others) and, as its last line, `killed K of N mutants (P%)`; it
exits 1 below TARGET_PERCENT or when a mutant could not be checked.

    .venv/bin/python tests/mutate.py [--min P] [GROUP ...]    # GROUP: a key of TARGETS, default all
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MUTANTS = REPO / "mutants"
LOG = MUTANTS / "mutmut.log"
MUTMUT = Path(sys.executable).with_name("mutmut")
TARGET_PERCENT = 90.0
EQUIVALENTS_DOC = REPO / "docs" / "testing.md"

# group -> {file: functions to mutate ("*": all of them; Class.method for a method)}
TARGETS: dict[str, dict[str, list[str]]] = {
    "clearance-attribution": {
        "generator/views/attribution.py": ["*"],
        "generator/core/model.py": ["Quote.expired", "Quote.expires_soon", "Quote.clearance_on", "Quote.cleared_on"],
    },
    "anonymity": {"generator/core/anonymity.py": ["*"]},
    "exports": {"generator/views/export.py": ["*"]},
    "citations": {
        "generator/core/campaigns.py": ["load_campaigns", "check_citations", "_nearest", "side_by_side"],
        "generator/core/insights.py": ["load_insights", "check_evidence"],
    },
    "confidential": {
        "generator/core/load.py": ["_load_journal", "_model"],
        "generator/core/interviews.py": ["_check_quotes"],
    },
    "conflicts": {"generator/core/conflicts.py": ["*"]},  # merge-conflict markers
}


def mutant_glob(path: str, function: str) -> str:
    """mutmut's names of the mutants of ``function`` in ``path``: generator.core.load.x__load_journal__mutmut_7,
    generator.core.model.xǁQuoteǁexpired__mutmut_2."""
    module = path.removesuffix(".py").replace("/", ".")
    if function == "*":
        return f"{module}.*"
    mangled = "x" + "".join(f"ǁ{part}" for part in function.split(".")) if "." in function else f"x_{function}"
    return f"{module}.{mangled}__mutmut_*"


def selected(groups: list[str]) -> dict[str, list[str]]:
    """The files and functions of ``groups`` that exist in this checkout; checks pyproject.toml lets mutmut mutate them."""
    only_mutate = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["mutmut"]["only_mutate"]
    targets: dict[str, list[str]] = {}
    for group in groups:
        for path, functions in TARGETS[group].items():
            assert path in only_mutate, f"{path} is missing from only_mutate in pyproject.toml"
            if (REPO / path).is_file():
                targets[path] = functions
            else:
                print(f"{path}: not in this checkout, left out")
    return targets


def run_mutmut(globs: list[str]) -> None:
    """`mutmut run` from scratch, its output in mutants/mutmut.log; a line of progress a minute."""
    shutil.rmtree(MUTANTS, ignore_errors=True)
    MUTANTS.mkdir()
    with LOG.open("w") as log:
        mutmut = subprocess.Popen([str(MUTMUT), "run", *globs], cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
        while True:
            try:
                mutmut.wait(timeout=60)
                break
            except subprocess.TimeoutExpired:
                try:
                    verdicts = results(globs)
                except json.JSONDecodeError:  # a file mutmut is writing right now
                    continue
                checked = sum(v != "not checked" for v in verdicts.values())
                print(f"  {checked} of {len(verdicts)} mutants checked" if checked else
                      "  mutmut is preparing: the mutants, a first run of the tests", flush=True)
    if mutmut.returncode != 0:
        print(LOG.read_text(errors="replace")[-3000:])
        sys.exit(f"mutmut failed (exit {mutmut.returncode}); its output is in {LOG.relative_to(REPO)}")


def results(globs: list[str]) -> dict[str, str]:
    """Mutant name -> mutmut's verdict ("killed", "survived", "timeout", "not checked", ...)."""
    from mutmut.stats import status_by_exit_code

    verdicts = {}
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        for name, code in json.loads(meta.read_text())["exit_code_by_key"].items():
            if any(fnmatch.fnmatchcase(name, glob) for glob in globs):
                verdicts[name] = status_by_exit_code[code]
    return verdicts


def documented_equivalents() -> set[str]:
    """The mutant names docs/testing.md lists as equivalent (they change nothing a test could see)."""
    text = EQUIVALENTS_DOC.read_text(encoding="utf-8")
    return set(re.findall(r"`(generator\.[\w.ǁ]+__mutmut_\d+)`", text))


def diff(name: str) -> str:
    shown = subprocess.run([str(MUTMUT), "show", name], cwd=REPO, capture_output=True, text=True).stdout
    return "\n".join("      " + line for line in shown.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("groups", nargs="*", metavar="GROUP", help=f"of {', '.join(TARGETS)} (default: all)")
    parser.add_argument("--min", type=float, default=TARGET_PERCENT, help="the lowest score that passes, in percent")
    args = parser.parse_args()
    unknown = [g for g in args.groups if g not in TARGETS]
    if unknown:
        parser.error(f"unknown group {', '.join(unknown)}; the groups: {', '.join(TARGETS)}")
    globs = [mutant_glob(path, function) for path, functions in selected(args.groups or list(TARGETS)).items()
             for function in functions]
    started = time.monotonic()
    run_mutmut(globs)
    verdicts = results(globs)
    unchecked = sorted(n for n, v in verdicts.items() if v == "not checked")
    caught = {"killed", "timeout", "caught by type check"}  # a mutant that hangs the tests is caught too
    survivors = sorted(n for n, v in verdicts.items() if v not in caught | {"not checked"})
    equivalent = documented_equivalents()
    timeouts = sorted(n for n, v in verdicts.items() if v == "timeout")
    for title, names in (("Timed out, counted as killed (the tests hung, or took far longer than mutmut expected)", timeouts),
                         ("Surviving mutants (write a test that kills each)", [n for n in survivors if n not in equivalent]),
                         ("Equivalent mutants (docs/testing.md says why)", [n for n in survivors if n in equivalent])):
        if names:
            print(f"{title}:")
            for name in names:
                print(f"  {name}  ({verdicts[name]})\n{diff(name)}")
    if unchecked:
        print(f"{len(unchecked)} mutants were not checked: the run was interrupted")
    minutes = (time.monotonic() - started) / 60
    checked = len(verdicts) - len(unchecked)
    killed = checked - len(survivors)
    percent = 100.0 * killed / checked if checked else 0.0
    print(f"mutmut took {minutes:.0f} min; its log: {LOG.relative_to(REPO)}")
    print(f"killed {killed} of {checked} mutants ({percent:.1f}%)")
    sys.exit(1 if unchecked or not checked or percent < args.min else 0)


if __name__ == "__main__":
    main()
