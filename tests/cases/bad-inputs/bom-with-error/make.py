"""Recipe: writes this case's files at test time (see tests/cases/README.md)."""

from pathlib import Path


def make(root: Path, base: str) -> None:
    text = base.replace("relationship: customer", "relationship: custmer").replace("\n", "\r\n")
    (root / "interviews" / "a.md").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
