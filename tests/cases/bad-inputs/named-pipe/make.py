"""Recipe: writes this case's files at test time (see tests/cases/README.md)."""

import os
from pathlib import Path


def make(root: Path, base: str) -> None:
    (root / "interviews" / "a.md").write_text(base, encoding="utf-8")
    os.mkfifo(root / "interviews" / "pipe.md")  # reading it would wait forever
