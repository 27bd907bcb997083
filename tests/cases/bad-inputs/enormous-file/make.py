"""Recipe: writes this case's files at test time (see tests/cases/README.md)."""

from pathlib import Path


def make(root: Path, base: str) -> None:
    notes = ("Notes of a very long call. " * 40 + "\n") * 10_000
    (root / "interviews" / "a.md").write_text(base + notes, encoding="utf-8")  # about 10 MB
