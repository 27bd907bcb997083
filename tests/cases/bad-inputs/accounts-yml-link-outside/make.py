"""Recipe: writes this case's files at test time (see tests/cases/README.md)."""

import os
from pathlib import Path


def make(root: Path, base: str) -> None:
    (root / "interviews" / "a.md").write_text(base, encoding="utf-8")
    outside = root.parent / "private-accounts.yml"
    outside.write_text("Acme Logistics:\n  region: EMEA\n", encoding="utf-8")
    os.symlink(outside, root / "interviews" / "accounts.yml")
