"""`mkdocs serve --dirty` in-process, and the clean build it must equal (spec section 9).

``Served`` runs MkDocs' build the way `mkdocs serve --dirty` does: one ``on_startup``, then
dirty builds into one site folder, the plugin instances and the journal's session caches
kept. ``clean_build`` runs `mkdocs build` in the same process with nothing kept: fresh
plugin instances (MkDocs keeps one per plugin name for the process) and a fresh session.
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import jinja2
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError

from generator.adapters.mkdocs import plugin as plugin_module
from generator.adapters.mkdocs import session as session_module
from generator.adapters.mkdocs.session import MemoryBytecodeCache

URL = "http://127.0.0.1:8000/"
# What `serve` adds to a page and a clean build does not: set aside when comparing.
_SERVE_ONLY = [re.compile(r'<link rel="canonical" href="[^"]*">'), re.compile(r"<script[^>]*livereload[^>]*>\s*</script>")]


def _config(project: Path, site: Path):
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    config.site_url = URL
    return config


class Served:
    """A journal project and the site folder of its `serve --dirty` builds."""

    def __init__(self, project: Path, site: Path):
        self.project, self.site = project, site
        first = _config(project, site)
        first.plugins.on_startup(command="serve", dirty=True)
        self.plugins = first.plugins
        build(first, serve_url=URL, dirty=True)

    def rebuild(self) -> bool:
        """One rebuild after an edit; False when the journal has errors (serve shows the error, keeps serving)."""
        try:
            build(_config(self.project, self.site), serve_url=URL, dirty=True)
        except (Abort, PluginError):
            return False
        return True

    def close(self) -> None:
        self.plugins.on_startup(command="build", dirty=False)  # the plugin instances outlive the test


# Compiled templates, shared by the clean builds: Jinja2 compiles a template again when its source changes.
_COMPILED = MemoryBytecodeCache()
_environment_init = jinja2.Environment.__init__


def _compiled_once(self, *args, **kwargs) -> None:
    _environment_init(self, *args, **kwargs)
    self.bytecode_cache = self.bytecode_cache or _COMPILED


def clean_build(project: Path, site: Path) -> bool:
    """`mkdocs build` of ``project`` into ``site`` with nothing kept from earlier builds but compiled
    templates; False on errors."""
    cache, sessions = MkDocsConfig.plugins.plugin_cache, session_module._SESSIONS
    MkDocsConfig.plugins.plugin_cache, session_module._SESSIONS = {}, {}
    parallel_min, plugin_module.PARALLEL_MIN = plugin_module.PARALLEL_MIN, 10**9  # render in this process
    jinja2.Environment.__init__ = _compiled_once
    try:
        config = _config(project, site)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        except (Abort, PluginError):
            return False
        finally:
            config.plugins.on_shutdown()
        return True
    finally:
        MkDocsConfig.plugins.plugin_cache, session_module._SESSIONS = cache, sessions
        plugin_module.PARALLEL_MIN = parallel_min
        jinja2.Environment.__init__ = _environment_init


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, with what only `serve` adds set aside (gzip files carry a timestamp)."""
    out = {}
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix != ".gz":
            data = path.read_bytes()
            if path.suffix == ".html":
                text = data.decode("utf-8")
                for pattern in _SERVE_ONLY:
                    text = pattern.sub("", text)
                data = text.encode("utf-8")
            out[path.relative_to(site).as_posix()] = data
    return out


def differences(served: Path, clean: Path) -> list[str]:
    """What differs between two built sites: missing, extra and changed files."""
    a, b = site_files(served), site_files(clean)
    out = [f"only in the served site: {p}" for p in sorted(a.keys() - b.keys())]
    out += [f"missing from the served site: {p}" for p in sorted(b.keys() - a.keys())]
    out += [f"differs: {p}" for p in sorted(a.keys() & b.keys()) if a[p] != b[p]]
    return out


def assert_same_as_clean(served: Served, scratch: Path) -> None:
    """The served site is, file for file, what a clean build of the same files gives."""
    clean = scratch / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    assert clean_build(served.project, clean), "the clean build failed where serve succeeded"
    diff = differences(served.site, clean)
    assert not diff, "\n".join(diff[:20])


def quiet_mkdocs() -> None:
    """The builds log every page; keep the test's output readable."""
    for name in ("mkdocs", "mkdocs.commands.build", "mkdocs.plugins", "mkdocs.plugins.journal"):
        logging.getLogger(name).setLevel(logging.ERROR)
