"""`journal build --engine zensical`: the site built by Zensical, validated and atomic like `mkdocs build`."""

from __future__ import annotations

import shutil
from pathlib import Path

from ...errors import BuildFailed
from ...site.output import swap_in, temp_site_dir
from .engine import Engine, require_zensical
from .staging import SITES


def build(root: Path, *, strict: bool = False, site_dir: Path | None = None) -> tuple[Path, Engine]:
    """Build the site into ``site_dir`` (default: mkdocs.yml's); the site's path and the engine (its warnings).

    A journal with errors raises JournalInvalid before anything is written; a failed Zensical
    build raises BuildFailed. Either way the previous site is untouched."""
    require_zensical()
    engine = Engine(root)
    config = engine.prepare("build")
    built = engine.staging.clear_site(SITES["build"])
    code = engine.run("build", config, *(["--strict"] if strict else []))
    if code != 0 or not (built / "index.html").is_file():
        shutil.rmtree(built, ignore_errors=True)
        raise BuildFailed(f"Zensical's build failed (exit code {code}); the site was not changed")
    assert engine.site_config is not None
    final = (root / site_dir) if site_dir else engine.site_config.site_dir
    tmp = temp_site_dir(final)
    tmp.rmdir()
    shutil.move(built, tmp)  # a rename on one file system, else a copy
    swap_in(tmp, final)
    return final, engine
