"""What every `journal` command shares: the consoles, paths as the user typed them, and
the one place where the journal's errors become messages and exit codes.

Exit codes: 0 done (warnings allowed), 1 the journal has errors or the site could not be
built, 2 the command cannot run as asked (a bad flag or answer, an unusable project),
3 a bug in this tool.
"""

from __future__ import annotations

import functools
import sys
import traceback
from pathlib import Path
from typing import Callable, Iterable, TypeVar

import click
from rich.console import Console
from rich.markup import escape as esc

from ...core.problems import Problem
from ...errors import BuildFailed, FilterError, JournalError, JournalInvalid, NoteError

err_console = Console(stderr=True, highlight=False)
out_console = Console(highlight=False, soft_wrap=True)

F = TypeVar("F", bound=Callable)


def handle_errors(func: F) -> F:
    """No tracebacks for users: each kind of error is one plain message and its exit code;
    the traceback of a bug only with --debug."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except (NoteError, FilterError) as exc:  # an answer or a flag: click shows the usage with it
            raise click.UsageError(str(exc)) from None
        except JournalInvalid as exc:
            for problem in exc.problems:
                click.echo(problem.format(), err=True)
            err_console.print(f"[red]error:[/] {esc(str(exc))}; fix them first (run `journal check`). Nothing was changed.",
                              soft_wrap=True)
            sys.exit(1)
        except BuildFailed as exc:
            err_console.print(f"[red]error:[/] {esc(str(exc))}", soft_wrap=True)
            sys.exit(1)
        except JournalError as exc:
            err_console.print(f"[red]error:[/] {esc(str(exc))}", soft_wrap=True)
            sys.exit(2)
        except (click.ClickException, click.exceptions.Exit, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            if click.get_current_context().find_root().params.get("debug"):
                traceback.print_exc()
            err_console.print(f"[red]internal error:[/] {type(exc).__name__}: {esc(str(exc))}", soft_wrap=True)
            err_console.print("This is a bug in the journal tool, not in your notes. Please report it with the output of `journal --debug …`.")
            sys.exit(3)

    return wrapper  # type: ignore[return-value]


def relative(paths: Iterable[str], root: Path) -> list[str]:
    """Paths as the project names them ("" for the project itself); others as given."""
    out = []
    for raw in paths:
        path = Path(raw).resolve()
        try:
            out.append(path.relative_to(root).as_posix() if path != root else "")
        except ValueError:
            out.append(Path(raw).as_posix())
    return out


def print_problems(problems: Iterable[Problem]) -> None:
    """One line a problem on standard output; coloured in a terminal unless NO_COLOR (editors parse it)."""
    color = out_console.is_terminal and not out_console.no_color
    for problem in problems:
        line = problem.format()
        if color:
            tag = "[bold red]error[/]" if problem.is_error else "[yellow]warning[/]"
            where, _, rest = line.partition(f": {problem.severity.value}: ")
            out_console.print(f"[bold]{where}[/]: {tag}: {rest}", markup=True, highlight=False)
        else:
            click.echo(line)
