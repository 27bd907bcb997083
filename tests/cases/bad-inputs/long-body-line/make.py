"""Recipe: writes this case's files at test time (see tests/cases/README.md)."""

from pathlib import Path


def make(root: Path, base: str) -> None:
    (root / "interviews" / "a.md").write_text(base + "word " * 200_000 + "\n", encoding="utf-8")  # one 1 MB line of notes
