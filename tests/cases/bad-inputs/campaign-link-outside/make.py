"""Recipe: writes this case's files at test time (see tests/cases/README.md)."""

import os
from pathlib import Path


def make(root: Path, base: str) -> None:
    (root / "interviews" / "a.md").write_text(base, encoding="utf-8")
    outside = root.parent / "board-deck.yml"
    outside.write_text("name: Board deck\nowner: CEO\ncites: []\n", encoding="utf-8")
    (root / "campaigns").mkdir()
    os.symlink(outside, root / "campaigns" / "board.yml")
