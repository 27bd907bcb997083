"""Helpers every test folder imports as ``from tests.support import ...``: a fixed 'today',
paths, `mkdocs build` of a project, and the built site's library data and search index read
back. (Case folders: ``tests.cases``; fixtures: conftest.py.)"""

from __future__ import annotations

import datetime as dt
import gzip
import html as html_lib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable
from unittest import mock

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"  # small projects built by several test folders
TODAY = dt.date(2026, 11, 20)
# 2026-11-20T00:00:00Z: builds read "today" from SOURCE_DATE_EPOCH, so tests are deterministic.
EPOCH = str(int(dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc).timestamp()))


def per_module(fixture_name: str, config: object) -> str:
    """The scope of a fixture the tests of a module share: the module. Except while `make mutate`
    maps which tests run which code (mutmut's MUTANT_UNDER_TEST=stats): a fixture built once would
    count as run by the module's first test only, and mutmut would never run the other tests on a
    mutant; each test then builds its own. Use: @pytest.fixture(scope=per_module)."""
    return "function" if os.environ.get("MUTANT_UNDER_TEST") == "stats" else "module"


def mkdocs_env() -> dict[str, str]:
    return {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}


def run_mkdocs(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build` of ``project`` in another process; ``env`` adds to its environment."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *args], cwd=project, env={**mkdocs_env(), **(env or {})},
                          capture_output=True, text=True, timeout=300)


def build_in_process(project: Path) -> Path:
    """`mkdocs build` of ``project`` in this process, as MkDocs runs it (plugins started and shut down),
    "today" at TODAY; its site dir. Raises MkDocs' Abort when the build fails. Mutation testing
    (`make mutate`) sees the code a build runs only in this process, not in a `run_mkdocs`."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with mock.patch.dict(os.environ, {"SOURCE_DATE_EPOCH": EPOCH}):
        config = load_config(str(project / "mkdocs.yml"))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    return project / "site"


def run_journal(project: Path, *args: str) -> subprocess.CompletedProcess:
    """The `journal` command, in ``project``, as a child process (e.g. ``build --engine zensical``)."""
    return subprocess.run([sys.executable, "-m", "generator.adapters.cli.app", *args], cwd=project, env=mkdocs_env(),
                          capture_output=True, text=True, timeout=600)


def build_with_zensical(project: Path) -> Path:
    """`journal build --engine zensical --strict` in ``project``; its site dir."""
    result = run_journal(project, "build", "--engine", "zensical", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def build_fixture(fixture: Path, tmp: Path) -> Path:
    """A copy of ``fixture`` (a project folder) under ``tmp``, built with `mkdocs build --strict`; its site dir."""
    project = tmp / fixture.name
    shutil.copytree(fixture, project)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


def copy_project(tmp: Path, sample: bool = True) -> Path:
    """A copy of the repository's journal project (mkdocs.yml, docs, interviews, ...) in tmp."""
    target = tmp / "project"
    target.mkdir()
    for name in ("mkdocs.yml", "docs", "interviews", "campaigns", "insights"):
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, target / name)
        elif src.is_file():
            shutil.copy2(src, target / name)
    return target


def build_mini(tmp_path: Path) -> Path:
    """tests/fixtures/mini built with `mkdocs build --strict` in ``tmp_path/mini``, without a traceback; its site dir."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    project = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", project)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return project / "site"


# --- the quotes library's data (generator/site/library.py), read as quotes.js reads it ---------------

LIBRARY_MANIFEST = re.compile(r'<div id="journal-quotes-data" hidden data-manifest="([^"]*)"></div>')


def library_manifest(html: str) -> dict:
    """The manifest of the library page ``html``: its data files and the names of their fields."""
    match = LIBRARY_MANIFEST.search(html)
    assert match, "the library embeds its manifest"
    return json.loads(html_lib.unescape(match.group(1)))


def decode_library_chunk(chunk: dict, schema: dict) -> list[dict]:
    """The records of one data file: an independent reading of what quotes.js decodes."""
    strings = chunk["s"]
    tables = {name: [dict(zip(fields, (strings[i] for i in row))) for row in chunk[name]]
              for name, fields in schema["tables"].items()}
    out = []
    for row in chunk["q"]:
        record = {}
        for field, value in zip(schema["quote"], row):
            if field in schema["inline"]:
                record[field] = value
            elif field in tables:
                record[field] = [tables[field][i] for i in value] if isinstance(value, list) else tables[field][value]
            else:
                record[field] = strings[value]
        record["copy"] = record["state"]["head"] + record["text"] + record["voice"]["tail"]
        out.append(record)
    return out


def library_records(html: str, read: Callable[[str], str]) -> list[dict]:
    """Every record of the library whose page is ``html``; ``read(path)``: a data file's text, by its
    path relative to the library's folder (``data/q-….json``)."""
    manifest = library_manifest(html)
    out = [r for url in manifest["chunks"] for r in decode_library_chunk(json.loads(read(url)), manifest["schema"])]
    assert len(out) == manifest["total"]
    return out


# --- the search index (generator/site/search), read back from a built site -------------------------

PAGEFIND_MAGIC = b"pagefind_dcd"


def indexed_pages(site: Path, part: str | None = None) -> dict[str, dict]:
    """Each page in the site's search index (its Pagefind fragment: url, content, meta, filters), by URL;
    from every part of the index (site/search), or from one: ``""`` the first, ``"part-2/"``…"""
    out = {}
    folder = site / "pagefind"
    parts = ["", *(f"{p.name}/" for p in sorted(folder.glob("part-*")))] if part is None else [part]
    for path in [p for name in parts for p in sorted((folder / name / "fragment").glob("*.pf_fragment"))]:
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(PAGEFIND_MAGIC), path
        fragment = json.loads(data[len(PAGEFIND_MAGIC):])
        out[fragment["url"]] = fragment
    return out


def index_files(site: Path) -> dict[str, bytes]:
    """Every file of the site's search index, by its path in the index folder."""
    folder = site / "pagefind"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
