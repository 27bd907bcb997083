"""Recipe: writes this case's files at test time (see tests/cases/README.md)."""

from pathlib import Path

from tests.cases import link_from_outside


def make(root: Path, base: str) -> None:
    (root / "interviews" / "a.md").write_text(base, encoding="utf-8")
    link_from_outside(root, "interviews/accounts.yml", "private-accounts.yml", "Acme Logistics:\n  region: EMEA\n")
