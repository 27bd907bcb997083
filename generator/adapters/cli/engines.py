"""`journal build` and `journal serve`: the site with either engine, MkDocs (the default) or Zensical.

With MkDocs they run `mkdocs build|serve`, whose `journal` plugin does the work. Zensical
does not run MkDocs plugins: for it the pages are generated first (adapters/zensical).
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import click

from ..zensical.build import build as zensical_build
from ..zensical.serve import serve as zensical_serve
from ...core.problems import Problem
from .output import err_console, handle_errors, print_problems

ENGINES = ("mkdocs", "zensical")
engine_option = click.option("--engine", type=click.Choice(ENGINES), default="mkdocs", show_default=True,
                             help="MkDocs with the journal plugin, or Zensical (the successor of Material for MkDocs; "
                                  "see docs/engines.md).")


def mkdocs(root: Path, *args: str) -> int:
    """Run MkDocs in the project's folder; its exit code. Stopping this command stops MkDocs
    (Ctrl-C reaches both; SIGTERM is passed on, so `serve` leaves no server behind)."""
    child = subprocess.Popen([sys.executable, "-m", "mkdocs", *args], cwd=root)
    previous = signal.signal(signal.SIGTERM, lambda *_: child.terminate())
    try:
        code = child.wait()
    except KeyboardInterrupt:
        code = child.wait()
    finally:
        signal.signal(signal.SIGTERM, previous)
    return code if code >= 0 else 128 - code  # ended by a signal: the shell's convention


@click.command("build")
@engine_option
@click.option("--strict", is_flag=True, help="Fail on the engine's warnings too.")
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to build the site (default: site_dir of mkdocs.yml, else site/).")
@click.pass_obj
@handle_errors
def build_command(root: Path, engine: str, strict: bool, site_dir: Path | None) -> None:
    """Build the site into mkdocs.yml's site_dir (default site/).

    A journal with errors builds nothing: the located errors are listed, the previous
    site stays as it was, and the exit code is 1.
    """
    site_dir = site_dir.resolve() if site_dir else None  # as the user typed it, not relative to the project
    if engine == "mkdocs":
        sys.exit(mkdocs(root, "build", *(["--strict"] if strict else []), *(["--site-dir", str(site_dir)] if site_dir else [])))
    site, built = zensical_build(root, strict=strict, site_dir=site_dir)
    _warn(built.warnings)
    err_console.print(f"[green]✓[/] built the site with Zensical into {_shown(site, root)}", soft_wrap=True)


@click.command("serve")
@engine_option
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, metavar="IP:PORT",
              help="Where to serve the site.")
@click.option("--dirty/--no-dirty", default=True, show_default=True,
              help="MkDocs: rebuild only the pages an edit changed (Zensical always does).")
@click.pass_obj
@handle_errors
def serve_command(root: Path, engine: str, dev_addr: str, dirty: bool) -> None:
    """Serve the site, updating it as notes, campaigns, insights, docs/ or mkdocs.yml change.

    With Zensical, a journal with errors keeps the last good pages served and the
    errors are printed. Stop it with Ctrl-C.
    """
    if engine == "mkdocs":
        sys.exit(mkdocs(root, "serve", "--dev-addr", dev_addr, *(["--dirty"] if dirty else [])))
    sys.exit(zensical_serve(root, dev_addr, say=lambda line: click.echo(line, err=True)))


def _warn(problems: list[Problem]) -> None:
    print_problems(p for p in problems if not p.is_error)


def _shown(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() + "/" if path.is_relative_to(root) else str(path)
