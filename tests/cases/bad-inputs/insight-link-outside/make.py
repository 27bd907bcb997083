"""Recipe: writes this case's files at test time (see tests/cases/README.md)."""

import os
from pathlib import Path


def make(root: Path, base: str) -> None:
    (root / "interviews" / "a.md").write_text(base, encoding="utf-8")
    outside = root.parent / "strategy.md"
    outside.write_text("---\ntitle: Acquire Acme\nstatus: hypothesis\nowner: CEO\n---\nBoard only.\n", encoding="utf-8")
    (root / "insights").mkdir()
    os.symlink(outside, root / "insights" / "strategy.md")
