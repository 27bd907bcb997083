"""Build small journals from text for quote tests: one interview file per call."""

from __future__ import annotations

from pathlib import Path

from generator.core.load import load_journal
from generator.core.model import Journal
from generator.core.problems import Problems
from generator.core.project import read_config

from tests.support import TODAY


def interview(*, customer: str = "Acme Logistics", relationship: str = "customer", date: str = "2026-03-04",
              person: str = "{name: Jane Doe, role: VP Operations, department: Operations}", industry: str | None = None,
              quotes: str = "", extra: str = "") -> str:
    """The text of an interview file; ``quotes`` is the Markdown body holding the quotes."""
    lines = ["---", f"date: {date}", f"customer: {customer}", f"relationship: {relationship}", "people:", f"  - {person}"]
    if industry:
        lines.append(f"industry: {industry}")
    if extra:
        lines.append(extra.strip("\n"))
    return "\n".join(lines) + "\n---\nNotes.\n\n" + quotes.strip("\n") + "\n"


def load(root: Path, files: dict[str, str]) -> tuple[Journal, Problems]:
    """Write ``files`` (path relative to the project -> text) under ``root`` and load the journal."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "interviews").mkdir(exist_ok=True)
    return load_journal(root, read_config(root), today=TODAY)
