"""Helpers for tests that run a real server: a free port, polling a page, finding the processes left running."""

from __future__ import annotations

import os
import socket
import time
import urllib.error
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    """The page's text; "" while nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(url: str, text: str, timeout: float = 120) -> float:
    """Seconds until ``url`` shows ``text``."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if text in fetch(url):
            return time.monotonic() - started
        time.sleep(0.1)
    raise AssertionError(f"{url} did not show {text!r} within {timeout} s")


def processes(command: str, cwd: Path) -> list[int]:
    """Ids of the running processes whose command line holds ``command`` and that run in ``cwd``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            line = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            if command in line and os.readlink(entry / "cwd") == str(cwd):
                found.append(int(entry.name))
        except (OSError, ValueError):
            continue
    return found


def wait_until_gone(command: str, cwd: Path, url: str, timeout: float = 20) -> None:
    """Until no such process runs and nothing answers at ``url``."""
    started = time.monotonic()
    while processes(command, cwd) or fetch(url):
        assert time.monotonic() - started < timeout, f"{command} outlived the journal command"
        time.sleep(0.1)
