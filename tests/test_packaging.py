"""The package as a team gets it: the sdist builds the wheel, the wheel carries every file the
plugin and the CLI need, and a fresh virtualenv outside the checkout runs `journal init`,
`journal new`, `journal check` and `mkdocs build --strict` from it.

The fresh virtualenv gets the wheel only; the wheel's dependencies (pinned, already installed
in this test run's environment) are lent to it through a .pth line, so the test needs no
network, and `pip check` confirms that the wheel's own requirements are met by them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.support import EPOCH, REPO

TEAM_NOTE = "interviews/2026/2026-11-20-borealis-freight.md"
INIT_FILES = [
    ".github/workflows/journal.yml", ".gitignore", ".gitlab-ci.yml", ".pre-commit-config.yaml", "README.md",
    "campaigns/example-webinar.yml", "docs/about.md", "insights/example-alert-fatigue.md",
    "interviews/2026/2026-11-20-acme-logistics.md", "interviews/accounts.yml", "interviews/tags.yml",
    "mkdocs.yml", "requirements.txt", "schema/interview.schema.json",
]


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{' '.join(args)}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """An sdist and the wheel built from it (python -m build), from a copy of the tracked files."""
    out = tmp_path_factory.mktemp("packaging")
    source = out / "source"
    tracked = run("git", "ls-files", "-z", cwd=REPO).stdout.split("\0")
    for name in filter(None, tracked):
        if (REPO / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, source / name)
    run(sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out / "dist"), str(source), cwd=out)
    run(sys.executable, "-m", "build", "--no-isolation", "--wheel", "--outdir", str(out / "direct"), str(source), cwd=out)
    return out


def wheel_of(folder: Path) -> Path:
    (wheel,) = folder.glob("*.whl")
    return wheel


def test_the_sdist_builds_the_same_wheel_as_the_tree(dist: Path) -> None:
    from_sdist, from_tree = zipfile.ZipFile(wheel_of(dist / "dist")), zipfile.ZipFile(wheel_of(dist / "direct"))
    assert from_sdist.namelist() == from_tree.namelist()
    assert all(from_sdist.read(name) == from_tree.read(name) for name in from_sdist.namelist())


def test_the_wheel_carries_every_template_asset_and_scaffold_file(dist: Path) -> None:
    names = set(zipfile.ZipFile(wheel_of(dist / "dist")).namelist())
    shipped = {n.removeprefix("generator/templates/") for n in names if n.startswith("generator/templates/")}
    in_repo = {p.relative_to(REPO / "templates").as_posix() for p in (REPO / "templates").rglob("*")
               if p.is_file() and "__pycache__" not in p.parts}
    assert shipped == in_repo
    modules = {p.relative_to(REPO).as_posix() for p in (REPO / "generator").rglob("*.py")}
    assert modules <= names


def test_every_package_folder_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    tracked = run("git", "ls-files", "-z", "generator", "templates", cwd=REPO).stdout.split("\0")
    folders = {".".join(Path(name).parent.parts) for name in tracked if name}
    assert listed == {f if f.startswith("generator") else f"generator.{f}" for f in folders}


@pytest.fixture(scope="module")
def fresh(dist: Path) -> dict[str, str]:
    """A virtualenv outside the checkout with the wheel installed (not editable); its environment."""
    venv = dist / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", str(venv), cwd=dist)
    site = Path(run(str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                    cwd=dist).stdout.strip())
    (site / "lent-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    pip = (sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"))
    run(*pip, "install", "--quiet", "--no-deps", "--no-index", str(wheel_of(dist / "dist")), cwd=dist)
    env = {"PATH": f"{venv / 'bin'}{os.pathsep}/usr/bin{os.pathsep}/bin", "HOME": str(dist), "LANG": "C.UTF-8",
           "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    run(*pip, "check", cwd=dist)
    return env


def test_the_installed_package_is_the_wheel_not_the_checkout(fresh: dict[str, str], dist: Path) -> None:
    where = run("python", "-c", "import generator; print(generator.__file__)", cwd=dist, env=fresh).stdout
    assert where.startswith(str(dist / "venv")) and str(REPO) not in where
    assert run("journal", "--version", cwd=dist, env=fresh).stdout.strip() == "journal, version 0.1.0"


def test_a_team_makes_its_journal_with_init_new_check_and_build(fresh: dict[str, str], dist: Path) -> None:
    team = dist / "team"
    created = run("journal", "init", str(team), cwd=dist, env=fresh)
    assert sorted(line.split()[1] for line in created.stdout.splitlines()) == INIT_FILES
    assert (team / ".git").is_dir()
    assert "customer-research-journal==0.1.0" in (team / "requirements.txt").read_text(encoding="utf-8")
    path = run("journal", "new", "--customer", "Borealis Freight", "--relationship", "prospect", "--channel", "call",
               "--person", "Ines Moreau, Head of Dispatch, Operations", "--interviewer", "Sam Lee, marketing",
               "--tag", "pricing", "--date", "2026-11-20", "--no-interactive", cwd=team, env=fresh).stdout.strip()
    assert path == TEAM_NOTE
    note = team / TEAM_NOTE
    note.write_text(note.read_text(encoding="utf-8") + "\nShe asked about pricing for 40 seasonal seats.\n",
                    encoding="utf-8")
    checked = run("journal", "check", cwd=team, env=fresh)
    assert checked.stdout == "" and "2 interviews checked: 0 errors, 0 warnings" in checked.stderr
    run("python", "-m", "mkdocs", "build", "--strict", cwd=team, env=fresh)  # the lent mkdocs has no script here
    site = team / "site"
    account = (site / "customers" / "borealis-freight" / "index.html").read_text(encoding="utf-8")
    assert "Ines Moreau" in account and "Head of Dispatch" in account
    assert "40 seasonal seats" in (site / "interviews" / "2026" / "2026-11-20-borealis-freight" / "index.html").read_text(encoding="utf-8")
    library = (site / "quotes" / "index.html").read_text(encoding="utf-8")
    assert "We cut our on-call pages in half the first month." in library
    assert "Example webinar" in (site / "campaigns" / "example-webinar" / "index.html").read_text(encoding="utf-8")
    assert (site / "assets" / "journal" / "quotes.js").is_file()
    assert "jane@acme.example" not in "".join(p.read_text(encoding="utf-8", errors="replace")
                                              for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".json", ".xml", ".csv"))
