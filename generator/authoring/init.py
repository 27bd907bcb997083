"""`journal init`: a new journal repository, ready to check, build and publish.

Its files come from the scaffold that ships with the package (templates/scaffold/journal/):
mkdocs.yml with Material and the plugin, an example note with accounts.yml and tags.yml, an
example campaign and insight, the team's README, .gitignore, a pre-commit hook, CI workflows
for GitHub Actions and GitLab, requirements.txt pinning this version, and the JSON Schema
for editors. A ``.j2`` file is rendered with ``today`` and ``version``; the rest is copied.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..core.config import JournalConfig
from ..errors import ProjectError
from ..resources import SCAFFOLD_DIR
from .schema import SCHEMA_PATH, schema_text

SCAFFOLD = SCAFFOLD_DIR / "journal"
# Scaffold files that go elsewhere than their own path (minus .j2) in the new repository.
PLACES = {
    "gitignore": ".gitignore",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "github-workflow.yml": ".github/workflows/journal.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
    "interviews/example.md.j2": "interviews/{year}/{today}-acme-logistics.md",
}


@dataclass
class InitReport:
    """What `journal init` did: files created and (with --force) existing files left alone."""

    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    git: str = ""  # what happened about git, in a sentence


def scaffold(today: dt.date, version: str) -> dict[str, str]:
    """The new repository's files: path (POSIX, from the repository root) -> text, sorted."""
    env = Environment(loader=FileSystemLoader(str(SCAFFOLD)), undefined=StrictUndefined, keep_trailing_newline=True,
                      autoescape=False)
    files: dict[str, str] = {}
    for path in sorted(p for p in SCAFFOLD.rglob("*") if p.is_file()):
        name = path.relative_to(SCAFFOLD).as_posix()
        target = PLACES.get(name, name.removesuffix(".j2")).format(year=today.year, today=today.isoformat())
        files[target] = (env.get_template(name).render(today=today.isoformat(), version=version)
                         if name.endswith(".j2") else path.read_text(encoding="utf-8"))
    files[SCHEMA_PATH] = schema_text(JournalConfig())
    return dict(sorted(files.items()))


def init_journal(target: Path, *, today: dt.date, version: str, force: bool = False) -> InitReport:
    """Write the scaffold into ``target``; never overwrite a file. A folder that is not empty is
    refused unless ``force``, which adds only the files that are missing."""
    if target.exists() and not target.is_dir():
        raise ProjectError(f"{target} is a file: give `journal init` a new or empty folder")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise ProjectError(f"{target} is not empty: `journal init` makes a new journal in a new or empty folder; "
                           "add --force to add only the files that are missing (no existing file is changed)")
    report = InitReport()
    for name, text in scaffold(today, version).items():
        path = target / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8") as out:  # "x": never overwrite, even in a race
                out.write(text)
        except FileExistsError:
            report.kept.append(name)
        except OSError as exc:
            done = f" (written so far: {', '.join(report.created)})" if report.created else ""
            raise ProjectError(f"cannot write {path}: {exc.strerror}{done}") from None
        else:
            report.created.append(name)
    report.git = _git_init(target)
    return report


def _git_init(target: Path) -> str:
    git = shutil.which("git")
    if git is None:
        return "git was not found: run `git init` in it when git is installed"
    inside = subprocess.run([git, "rev-parse", "--is-inside-work-tree"], cwd=target, capture_output=True, text=True)
    if inside.returncode == 0 and inside.stdout.strip() == "true":
        return "it is inside a git repository already"
    done = subprocess.run([git, "init", "-q"], cwd=target, capture_output=True, text=True)
    return "made it a git repository" if done.returncode == 0 else f"`git init` failed: {done.stderr.strip()}"
