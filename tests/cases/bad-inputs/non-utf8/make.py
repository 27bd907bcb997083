"""Recipe: writes this case's files at test time (see tests/cases/README.md)."""

from pathlib import Path


def make(root: Path, base: str) -> None:
    # "Opérations" saved as Latin-1 (one byte 0xE9) in an otherwise UTF-8 file.
    data = base.encode("utf-8").replace("Operations\n".encode(), b"Op\xe9rations\n", 1)
    (root / "interviews" / "a.md").write_bytes(data)
