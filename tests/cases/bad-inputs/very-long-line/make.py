"""Recipe: writes this case's files at test time (see tests/cases/README.md)."""

from pathlib import Path


def make(root: Path, base: str) -> None:
    summary = "word " * 20_000  # one 100 KB line in the front-matter
    (root / "interviews" / "a.md").write_text(base.replace("channel: on-site\n", f"channel: on-site\nsummary: {summary}\n"), encoding="utf-8")
