"""Finding a journal project and its `journal` options in mkdocs.yml (no MkDocs needed)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from pydantic import ValidationError

from ..errors import ProjectError
from .config import JournalConfig, option_errors, upgrade_options
from .conflicts import find_conflicts
from .yamlfile import type_word, yaml_message


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring MkDocs' own tags such as !ENV and !!python/name."""


_LenientLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding mkdocs.yml (else ``start``)."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return start


def _read_yaml(path: Path, label: str) -> dict:
    text = path.read_text(encoding="utf-8-sig")
    conflicts = find_conflicts(text.replace("\r\n", "\n"))
    if conflicts:  # before the YAML: a conflict is not "invalid YAML"
        raise ProjectError(f"{label}:{conflicts[0].line}: {conflicts[0].message(label)}")
    try:
        data = yaml.load(text, Loader=_LenientLoader) or {}
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        index = mark.line if mark else 0
        raise ProjectError(f"{label}:{index + 1}: {yaml_message(exc, text.splitlines(), index)}") from None
    except yaml.YAMLError as exc:
        raise ProjectError(f"{label} is not valid YAML: {exc}") from None
    return data if isinstance(data, dict) else {}


def _config_chain(config_file: Path) -> list[tuple[Path, dict]]:
    """``config_file`` and the files it names with ``INHERIT:`` (each relative to the file naming
    it, as MkDocs reads them), with their settings, nearest first."""
    chain: list[tuple[Path, dict]] = []
    path: Path | None = config_file
    while path is not None and path.is_file() and all(path != seen for seen, _ in chain):
        try:
            label = path.relative_to(config_file.parent).as_posix()
        except ValueError:
            label = path.as_posix()
        data = _read_yaml(path, label)
        chain.append((path, data))
        parent = data.pop("INHERIT", None)
        path = (path.parent / parent).resolve() if isinstance(parent, str) and parent.strip() else None
        if path is not None and not path.is_file():
            raise ProjectError(f"{label}: INHERIT: '{parent}' does not exist (looked for {path})")
    return chain


def config_files(config_file: Path) -> list[Path]:
    """mkdocs.yml and the files it inherits from; just ``config_file`` when one cannot be read."""
    try:
        return [path for path, _ in _config_chain(config_file)]
    except (ProjectError, OSError, UnicodeDecodeError):
        return [config_file]


def _merged(parent: dict, child: dict) -> dict:
    """MkDocs' INHERIT merge: mappings merge key by key, anything else the child sets replaces."""
    out = dict(parent)
    for key, value in child.items():
        out[key] = _merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _read_mkdocs(root: Path) -> dict:
    """mkdocs.yml's settings, with those of the files it inherits from."""
    settings: dict = {}
    for _, data in reversed(_config_chain(root / "mkdocs.yml")):
        settings = _merged(settings, data)
    return settings


def read_base_path(root: Path) -> str:
    """Path of the site root on its host, from mkdocs.yml's site_url ('/' when unset)."""
    site_url = _read_mkdocs(root).get("site_url")
    return (urlsplit(site_url).path if isinstance(site_url, str) else "") or "/"


def read_config(root: Path) -> JournalConfig:
    """The `journal` plugin's options from mkdocs.yml; defaults when there is none."""
    return read_options(root)[0]


def read_options(root: Path) -> tuple[JournalConfig, list[str]]:
    """The `journal` plugin's options from mkdocs.yml, and a warning for each renamed option used."""
    data = _read_mkdocs(root)
    if not data:
        return JournalConfig(), []
    options: Any = {}
    for entry in data.get("plugins") or []:
        if entry == "journal":
            options = {}
        elif isinstance(entry, dict) and "journal" in entry:
            options = entry["journal"] or {}
    if isinstance(data.get("plugins"), dict):
        options = data["plugins"].get("journal") or {}
    if not isinstance(options, dict):
        raise ProjectError(f"mkdocs.yml: the journal plugin's options must be a mapping, not {type_word(options)}")
    options, warnings = upgrade_options(options)
    try:
        return JournalConfig(**options), warnings
    except ValidationError as exc:
        raise ProjectError("mkdocs.yml: the journal plugin's options are invalid: " + "; ".join(option_errors(exc))) from None


def layout_error(root: Path, config: JournalConfig, docs_dir: Path, use_directory_urls: bool) -> str:
    """What keeps a site's settings from holding the journal ('' when nothing): either engine checks them."""
    if not use_directory_urls:
        return "the journal's addresses need use_directory_urls: true"
    docs = (root / docs_dir).resolve()
    for folder in (config.interviews_dir, config.campaigns_dir, config.insights_dir):
        if (root / folder).resolve().is_relative_to(docs):
            shown = docs_dir.as_posix() if not docs_dir.is_absolute() else os.path.relpath(docs, root)
            return f"{folder}/ must stay outside docs_dir ({shown}): the site would publish raw notes"
    return ""
