"""Recipe: writes this case's files at test time (see tests/cases/README.md)."""

from pathlib import Path


def make(root: Path, base: str) -> None:
    lines = "".join(f"  - name: Person {n}\n" for n in range(5_000))
    (root / "interviews" / "a.md").write_text(base.replace("people:\n", "people:\n" + lines), encoding="utf-8")
