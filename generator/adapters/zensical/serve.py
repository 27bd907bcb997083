"""`journal serve --engine zensical`: Zensical's server on the staging folder, which this process keeps current.

Zensical's server runs as a child process (it ends its whole process on Ctrl-C, skipping any
clean-up). This process watches the journal's folders, the team's docs/ and mkdocs.yml; after
an edit it regenerates the pages, re-parsing only the changed notes and re-rendering only the
pages whose inputs changed (the caches `mkdocs serve` uses), and writes only the staged files
whose content changed; Zensical, watching the staging folder, rebuilds those. A journal with
errors keeps the last good pages served and prints the located errors.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from ...core.project import config_files, read_config
from ...errors import BuildFailed, JournalInvalid, ProjectError
from .engine import Engine, require_zensical, zensical

SETTLE = 0.05  # seconds to wait after an event for the rest of a save (editors write in steps)
Say = Callable[[str], None]


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


class _Changes(FileSystemEventHandler):
    """Sets ``happened`` on a change below one of ``folders`` (but not below ``ignored``) or to one of ``files``."""

    def __init__(self, folders: list[Path], files: set[Path], ignored: Path):
        self.folders, self.files, self.ignored = folders, files, ignored
        self.happened = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            path = Path(str(raw)) if raw else None
            if path is None or path.is_relative_to(self.ignored):
                continue
            if path in self.files or any(path.is_relative_to(folder) for folder in self.folders):
                self.happened.set()


def watched(engine: Engine) -> tuple[list[Path], set[Path]]:
    """The folders to watch (the journal's, templates/, docs/) and the configuration files."""
    options = read_config(engine.root)
    assert engine.site_config is not None
    folders = [engine.root / name for name in (options.interviews_dir, options.campaigns_dir, options.insights_dir, "templates")]
    folders.append(engine.site_config.docs_dir)
    return [f for f in folders if f.is_dir()], set(config_files(engine.root / "mkdocs.yml"))


def refresh(engine: Engine, say: Say = _stderr, *, failing: bool = False) -> bool:
    """Stage the journal again; on errors say so and keep what is staged. Whether it was staged
    (``failing``: the last refresh was not, so say that it is fixed)."""
    started = time.perf_counter()
    try:
        engine.prepare("serve")
    except JournalInvalid as exc:
        for problem in exc.problems:
            say(problem.format())
        say(f"journal: {exc}; still serving the last good pages")
        return False
    except (ProjectError, BuildFailed) as exc:
        say(f"journal: error: {exc}; still serving the last good pages")
        return False
    if engine.changed or failing:
        say(f"journal: {'no errors left; ' if failing else ''}"
            f"{len(engine.changed)} staged files changed in {time.perf_counter() - started:.2f}s")
    return True


def serve(root: Path, dev_addr: str, say: Say = _stderr) -> int:
    """Serve the project at ``root`` until Ctrl-C (or SIGTERM); Zensical's exit code.

    A journal with errors at the start raises JournalInvalid: there is nothing to serve yet."""
    require_zensical()
    engine = Engine(root, keep=True)
    config = engine.prepare("serve")
    for problem in engine.warnings:
        say(problem.format())
    folders, files = watched(engine)
    changes = _Changes(folders, files, ignored=engine.staging.dir)
    observer = Observer()
    for folder in folders:
        observer.schedule(changes, str(folder), recursive=True)
    for parent in {file.parent for file in files}:  # mkdocs.yml and what it inherits: their folders, not below
        observer.schedule(changes, str(parent), recursive=False)
    observer.start()
    child = subprocess.Popen(zensical("serve", config, "-a", dev_addr), cwd=root)
    # SIGTERM: the finally below still runs; the exit code is the shell's for a stopping signal.
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    staged = True
    try:
        while child.poll() is None:
            if changes.happened.wait(0.5):
                time.sleep(SETTLE)
                changes.happened.clear()
                staged = refresh(engine, say, failing=not staged)
        return child.returncode
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        observer.stop()
        _stop(child)
        observer.join(timeout=5)


def _stop(child: subprocess.Popen) -> None:
    if child.poll() is None:
        child.terminate()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
