"""Recipe: writes this case's files at test time (see tests/cases/README.md)."""

from pathlib import Path


def make(root: Path, base: str) -> None:
    (root / "interviews" / "a.md").write_text(base.replace("tags: [alert fatigue]", "tags: " + "[" * 50_000), encoding="utf-8")
