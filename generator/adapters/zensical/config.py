"""The Zensical configuration derived from mkdocs.yml, and the Markdown settings the journal renders notes with.

mkdocs.yml and the files it INHERITs are merged as MkDocs merges them (a mapping key by
key, any other value the child sets replaces the parent's; Zensical's own INHERIT appends
lists instead), as YAML *nodes*: tags such as ``!ENV`` and ``!!python/name`` are written
out unchanged for Zensical to resolve. The derived file then points Zensical at the
staging folder (``docs_dir``, ``site_dir``), declares the journal's stylesheets, moves the
nav to the pages' staged paths and leaves out what only MkDocs runs (the ``journal``
plugin, the guard extension).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, Iterator, Mapping

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml_env_tag import construct_env_tag

from ...core.project import config_files, layout_error
from ...core.config import JournalConfig
from ...errors import ProjectError
from ...site.pages.assets import STYLESHEETS

GUARD = "generator.adapters.zensical.guard"  # the Markdown extension that stops a Zensical run without the journal
MKDOCS_BUILTINS = ["toc", "tables", "fenced_code"]  # MkDocs always adds these Markdown extensions first
STR = "tag:yaml.org,2002:str"


class _Loader(yaml.Loader):
    """The loader MkDocs reads mkdocs.yml with: Python tags and ``!ENV``."""


_Loader.add_constructor("!ENV", construct_env_tag)


def _entries(node: Node) -> list[tuple[Node, Node]]:
    return node.value if isinstance(node, MappingNode) else []


def _get(node: Node, key: str) -> Node | None:
    return next((v for k, v in _entries(node) if isinstance(k, ScalarNode) and k.value == key), None)


def _set(node: MappingNode, key: str, value: Node | None) -> None:
    """Replace ``key``'s value (None: remove the key), or add it at the end."""
    kept = [(k, v) for k, v in node.value if not (isinstance(k, ScalarNode) and k.value == key)]
    node.value = kept + ([(ScalarNode(STR, key), value)] if value is not None else [])


def _merge(parent: Node, child: Node) -> Node:
    """MkDocs' INHERIT merge of two nodes: mappings key by key, anything else the child's."""
    if not (isinstance(parent, MappingNode) and isinstance(child, MappingNode)):
        return child
    merged = MappingNode(child.tag, list(parent.value))
    for key, value in child.value:
        old = _get(merged, key.value) if isinstance(key, ScalarNode) else None
        if old is None:
            merged.value.append((key, value))
        else:
            _set(merged, key.value, _merge(old, value))
    return merged


def _compose(path: Path, label: str) -> MappingNode:
    try:
        node = yaml.compose(path.read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as exc:
        raise ProjectError(f"{label} cannot be read: {exc}") from None
    return node if isinstance(node, MappingNode) else MappingNode("tag:yaml.org,2002:map", [])


def _scalar(node: Node | None) -> str:
    return node.value if isinstance(node, ScalarNode) and node.tag == STR else ""


class SiteConfig:
    """A project's mkdocs.yml as Zensical is given it, and what the journal takes from it."""

    def __init__(self, root: Path, options: JournalConfig):
        self.root = root
        merged: Node = MappingNode("tag:yaml.org,2002:map", [])
        for path in reversed(config_files(root / "mkdocs.yml")):
            merged = _merge(merged, _compose(path, path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)))
        _set(merged, "INHERIT", None)  # type: ignore[arg-type]
        self.node: MappingNode = merged  # type: ignore[assignment]
        self.text = yaml.serialize(merged, Dumper=yaml.SafeDumper)  # the merged settings, to compare
        values = self._construct()
        self.site_url = _text(values, "site_url", "")
        docs_dir = _text(values, "docs_dir", "docs")
        self.docs_dir, self.site_dir = root / docs_dir, root / _text(values, "site_dir", "site")
        self.extensions, self.extension_configs = markdown_settings(values.get("markdown_extensions") or [])
        self.has_nav = bool(values.get("nav"))
        wrong = layout_error(root, options, Path(docs_dir), values.get("use_directory_urls", True) is not False)
        if wrong:
            raise ProjectError(f"mkdocs.yml: {wrong}")

    def _construct(self) -> dict[str, Any]:
        loader = _Loader("")
        try:
            values = loader.construct_document(self.node)
        except yaml.YAMLError as exc:
            raise ProjectError(f"mkdocs.yml cannot be read: {exc}") from None
        finally:
            loader.dispose()
        return values if isinstance(values, dict) else {}

    def derived(self, *, docs_dir: str, site_dir: str, moved: Mapping[str, str], hidden: list[str]) -> str:
        """The YAML text of Zensical's configuration (in the staging folder, where paths are relative to it).

        ``moved``: generated pages staged at another path (``customers.md`` as ``customers/index.md``);
        ``hidden``: staged pages to keep out of a nav Zensical makes itself (mkdocs.yml has none)."""
        node = copy.deepcopy(self.node)
        _set(node, "docs_dir", ScalarNode(STR, docs_dir))
        _set(node, "site_dir", ScalarNode(STR, site_dir))
        # Paths relative to mkdocs.yml, which Zensical would read as relative to the staging folder.
        theme = _get(node, "theme")
        custom = _get(theme, "custom_dir") if isinstance(theme, MappingNode) else None
        watch = _get(node, "watch")
        for item in [custom, *(watch.value if isinstance(watch, SequenceNode) else [])]:
            if _scalar(item):
                item.value = str((self.root / item.value).resolve())  # type: ignore[union-attr]
        css = _get(node, "extra_css")
        listed = {_scalar(item) for item in css.value} if isinstance(css, SequenceNode) else set()
        _set(node, "extra_css", SequenceNode("tag:yaml.org,2002:seq", [
            *(css.value if isinstance(css, SequenceNode) else []), *(ScalarNode(STR, s) for s in STYLESHEETS if s not in listed)]))
        _drop_entry(node, "plugins", "journal")
        _drop_entry(node, "markdown_extensions", GUARD)
        for item in _nav_paths(_get(node, "nav")):
            item.value = moved.get(item.value, item.value)
        if hidden and not self.has_nav:
            before = _scalar(_get(node, "not_in_nav"))
            _set(node, "not_in_nav", ScalarNode(STR, "\n".join([*before.splitlines(), *("/" + p for p in hidden)]) + "\n", style="|"))
        return yaml.serialize(node, Dumper=yaml.SafeDumper, allow_unicode=True)


def _text(values: dict[str, Any], key: str, default: str) -> str:
    value = values.get(key)
    if value is None or value == "":
        return default
    if not isinstance(value, str):
        raise ProjectError(f"mkdocs.yml: {key} must be text, not {value!r}")
    return value


def _drop_entry(node: MappingNode, setting: str, name: str) -> None:
    """Remove ``name`` from a list setting of names or one-key mappings (``plugins``, ``markdown_extensions``)."""
    listed = _get(node, setting)
    if isinstance(listed, SequenceNode):
        listed.value = [item for item in listed.value if _scalar(item) != name and _get(item, name) is None]
    elif isinstance(listed, MappingNode):
        _set(listed, name, None)  # type: ignore[arg-type]


def _nav_paths(node: Node | None) -> Iterator[ScalarNode]:
    """The nav's page paths (the values; titles are keys)."""
    if isinstance(node, ScalarNode):
        yield node
    elif isinstance(node, SequenceNode):
        for item in node.value:
            yield from _nav_paths(item)
    elif isinstance(node, MappingNode):
        for _, value in node.value:
            yield from _nav_paths(value)


def markdown_settings(value: Any) -> tuple[list[str], dict[str, Any]]:
    """mkdocs.yml's ``markdown_extensions`` as MkDocs hands them to Python-Markdown (its built-ins first,
    each name once), without the guard: the extensions and their options."""
    names: list[str] = []
    configs: dict[str, Any] = {}
    items = [{name: options} for name, options in value.items()] if isinstance(value, dict) else value
    for item in items if isinstance(items, list) else [None]:
        name, options = next(iter(item.items())) if isinstance(item, dict) and len(item) == 1 else (item, None)
        if not isinstance(name, str):
            raise ProjectError(f"mkdocs.yml: markdown_extensions: '{item}' is not an extension name")
        names.append(name)
        if options:
            configs[name] = options
    ordered = list(dict.fromkeys([*MKDOCS_BUILTINS, *names]))
    return [n for n in ordered if n != GUARD], {k: v for k, v in configs.items() if k != GUARD}
