"""`journal serve --engine zensical`, for real: Zensical's server on 127.0.0.1, a note edited while it runs."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest

from tests.adapters.serving import fetch, free_port, processes, wait_for, wait_until_gone
from tests.support import FIXTURES, indexed_pages, mkdocs_env, run_journal

MINI = FIXTURES / "mini"
NOTE = "interviews/2026/2026-03-04-acme.md"
PAGE = "interviews/2026/2026-03-04-acme/"
JOURNAL_SERVE = "generator.adapters.cli.app serve"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    """The mini journal served by `journal serve --engine zensical`: (project, root URL, the server's log)."""
    project = tmp_path / "mini"
    shutil.copytree(MINI, project)
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", *JOURNAL_SERVE.split(), "--engine", "zensical", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, env=mkdocs_env(), stdout=out, stderr=out)
    try:
        yield project, f"http://127.0.0.1:{port}/", log
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        for pid in processes("zensical serve", project):  # a child left behind fails a test: never leave it running
            os.kill(pid, signal.SIGKILL)


def test_an_edit_updates_the_page_and_an_error_keeps_the_last_good_one(served: tuple[Path, str, Path]) -> None:
    project, url, log = served
    wait_for(url + PAGE, "We cut our on-call pages in half")
    note = project / NOTE
    good = note.read_text()
    note.write_text(good + "\nFirst marker sentence.\n")
    took = wait_for(url + PAGE, "First marker sentence.", timeout=30)
    print(f"edit to update: {took:.2f} s")
    wait_for_index(project, "/" + PAGE, "First marker sentence.")  # the search index follows
    assert '"page_count"' in fetch(url + "pagefind/pagefind-entry.json")  # and is served

    note.write_text(good.replace("relationship: customer", "relationship: custmer") + "\nSecond marker sentence.\n")
    wait_for_log(log, f"{NOTE}:4: error: relationship: 'custmer'")
    assert "still serving the last good pages" in log.read_text()
    assert "First marker sentence." in fetch(url + PAGE)  # the last good page, not an error
    assert "Second marker sentence." not in fetch(url + PAGE)

    note.write_text(good + "\nThird marker sentence.\n")
    wait_for(url + PAGE, "Third marker sentence.", timeout=30)
    assert "no errors left" in log.read_text()

    (project / "docs" / "about.md").write_text("# About\n\nA guide edited while serving.\n")
    wait_for(url + "about/", "A guide edited while serving.", timeout=30)

    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_name: Mini journal", "site_name: Renamed journal"))
    wait_for(url, "Renamed journal", timeout=30)  # the derived configuration follows mkdocs.yml
    assert not (project / "site").exists()  # a server writes only into its staging folder


def wait_for_index(project: Path, url: str, text: str, timeout: float = 30) -> None:
    """Until the search index of the served site holds ``text`` in the page at ``url``."""
    started = time.monotonic()
    served = project / ".journal" / "zensical" / "serve"
    while True:
        try:
            if text in indexed_pages(served).get(url, {}).get("content", ""):
                return
        except (OSError, EOFError):  # a bundle being swapped in
            pass
        assert time.monotonic() - started < timeout, f"{text!r} not in the search index of {url}"
        time.sleep(0.2)


def wait_for_log(log: Path, text: str, timeout: float = 30) -> None:
    started = time.monotonic()
    while text not in log.read_text():
        assert time.monotonic() - started < timeout, log.read_text()
        time.sleep(0.1)


def test_stopping_the_command_stops_zensicals_server(served: tuple[Path, str, Path]) -> None:
    project, url, _ = served
    wait_for(url, "Mini journal")
    assert len(processes("zensical serve", project)) == 1
    [journal] = processes(JOURNAL_SERVE, project)
    os.kill(journal, signal.SIGTERM)
    wait_until_gone("zensical serve", project, url)
    wait_until_gone(JOURNAL_SERVE, project, url)  # it ends too, a moment later (its cleanup after the server's)


def test_a_journal_with_errors_serves_nothing(tmp_path: Path) -> None:
    project = tmp_path / "mini"
    shutil.copytree(MINI, project)
    note = project / NOTE
    note.write_text(note.read_text().replace("relationship: customer", "relationship: custmer"))
    result = run_journal(project, "serve", "--engine", "zensical", "-a", f"127.0.0.1:{free_port()}")
    assert result.returncode == 1
    assert f"{NOTE}:4: error: relationship: 'custmer'" in result.stderr
    assert not (project / ".journal").exists() and not processes("zensical serve", project)
