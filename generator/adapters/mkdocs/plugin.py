"""The `journal` MkDocs plugin: a thin adapter that hands the core's pages to MkDocs.

Generated pages are virtual files (``File.generated``); interview pages stay out
of the nav so each page costs O(1). A `mkdocs build` writes into a temporary
directory that replaces the site only when the whole build succeeded. Under
`mkdocs serve --dirty` a rebuild skips the generated pages that did not change
(see incremental.py). Search is the journal's own (site/search: a Pagefind index of the
pages as they are built, written into the build folder at the end); Material's search
plugin is turned off (search.py).
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils.meta import YAML_RE
from pydantic import ValidationError

from ...core.config import JournalConfig, option_errors
from ...core.githistory import read_history
from ...core.load import build_date, load_journal
from ...core.project import layout_error
from ...core.problems import Problems
from ...core.timings import Stopwatch
from ...core.workers import can_fork, collect_later
from ...core.yamlfile import split_front_matter
from ...errors import SearchIndexError, YamlProblem
from ...site.cache import inputs_fingerprint, other_inputs
from ...site.context import Site
from ...site.page import Page, clash_message, clashing_docs, wrap_body
from ...site.output import swap_in, temp_site_dir
from ...site.pages.assets import SCRIPTS, STYLESHEETS
from ...site.registry import build_pages
from ...site.render import Renderer
from ...site.search import PartsIndex, Record, new_bundle_folder, swap_bundle, write_files
from ...site.search.records import guide_record, page_record
from . import heap
from .incremental import BuildRecord, DirtyServe, frame_digest
from .navcache import cache_outside_pages, nav_depth
from .options import JournalPluginConfig
from .parallel import OFFLOADED, InterviewPageStream
from .search import turn_off_theme_search
from .session import session


def _no_dirty_warning(record: logging.LogRecord) -> bool:
    """Every `serve --dirty` build warns of a stale nav; this plugin keeps the nav and search index whole."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


log = logging.getLogger("mkdocs.plugins.journal")
# Below this many interviews a worker process costs more than it saves (env override for tests).
PARALLEL_MIN = int(os.environ.get("JOURNAL_PARALLEL_MIN", "200"))
BIG_PAGE = 4_000_000  # characters of HTML (a page MkDocs then copies several times over)
class JournalPlugin(BasePlugin[JournalPluginConfig]):  # type: ignore[type-arg]
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = ""
        self.pages: dict[str, Page] = {}
        self.final_site_dir: str | None = None
        self.tmp_site_dir = ""
        self.stream: InterviewPageStream | None = None
        self.built = False
        self.dirty = False  # `mkdocs serve --dirty`: skip unchanged generated pages
        self.incremental = DirtyServe()
        self.reused: set[str] = set()
        self.frame = ""
        self.writing = False
        self.page_urls: list[str] = []
        self.outputs: set[str] = set()
        self.populated = True  # `serve --dirty`: every page has been read (set in on_nav, on_env)
        self.site: Site | None = None
        self.found: dict[str, Record] = {}  # `serve`: this build's search records, by page URL
        self.stopwatch = Stopwatch()  # where this build's time went: logged at `mkdocs build -v`
        self.started = self.handed_off = 0.0  # when the build began; when the generated pages went to MkDocs
        self.index: PartsIndex | None = None  # not `serve`: the search index, its parts made as the pages come
        self.streamed: set[str] = set()  # docs paths of the pages the worker renders (parallel.py)
        self.in_nav: set[str] = set()  # docs paths of the pages in the site navigation
        self.nav_depth = 0  # how many folders its deepest link has (navcache.py)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        if command == "build":
            heap.one_arena()  # before this build starts any thread (heap.py)
        self.dirty = command == "serve" and dirty
        if self.dirty:
            build_log = logging.getLogger("mkdocs.commands.build")
            if _no_dirty_warning not in build_log.filters:
                build_log.addFilter(_no_dirty_warning)
            log.info("journal: serve --dirty: a rebuild skips the generated pages that did not change")

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self.options = JournalConfig(**dict(self.config))
        except ValidationError as exc:
            raise PluginError("journal: invalid options: " + "; ".join(option_errors(exc))) from None
        self.root = Path(config.config_file_path or ".").resolve().parent
        wrong = layout_error(self.root, self.options, Path(config.docs_dir), config.use_directory_urls)
        if wrong:
            raise PluginError(f"journal: {wrong}")
        config.extra_css.extend(css for css in STYLESHEETS if css not in config.extra_css)
        config.extra_javascript.extend(js for js in SCRIPTS if js not in config.extra_javascript)
        turn_off_theme_search(config, log)
        if self.command == "build" and not _is_serve_dir(config.site_dir):
            self.final_site_dir = config.site_dir
            config.site_dir = self.tmp_site_dir = str(temp_site_dir(Path(config.site_dir)))
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.started = time.perf_counter()
        self.stopwatch = stopwatch = Stopwatch()
        self.writing = False
        self.found, self.streamed = {}, set()
        kept = session(self.root)
        journal, problems = load_journal(self.root, self.options, today=build_date(), cache=kept.parsed,
                                         stopwatch=stopwatch)
        for problem in problems:
            (log.error if problem.is_error else log.warning)(problem.format())
        if problems.errors:
            n = len(problems.errors)
            raise PluginError(f"journal: {n} error{'s' if n != 1 else ''} in the journal (listed above); the site was not changed")
        renderer = self._renderer(config)
        with stopwatch.step("git history"):
            history = read_history(self.root, self.options.interviews_dir)
        if history.cut_off:
            log.info("journal: this is a shallow git clone: interview pages say 'last edited: unknown'. Fetch the whole "
                     "history to show it (fetch-depth: 0 in GitHub Actions, GIT_DEPTH: 0 in GitLab CI)")
        site = Site(journal, renderer, base_path=urlsplit(config.site_url or "").path or "/", site_url=config.site_url or "",
                    history=history)
        # A one-off `mkdocs build` renders interview pages on the second core while MkDocs works;
        # `serve` (threads, repeated builds) and small journals render in-process.
        self.site = site
        if self.command == "build" and can_fork() and len(journal.interviews) >= PARALLEL_MIN:
            site.card_images.make_missing()  # before the worker forks, so that it finds them too
            self.stream = InterviewPageStream(site)
            # Sorted like build_pages, so MkDocs sees (and indexes) the files in the same order either way.
            pages = build_pages(site, exclude=("interviews", *OFFLOADED), built_elsewhere=self.stream.families(),
                                stopwatch=stopwatch)
            placeholders = self.stream.placeholders()
            self.streamed = set(placeholders)
            self.pages = dict(sorted({**pages, **placeholders}.items()))
        else:
            if self.command == "serve":  # re-render only the interviews whose inputs changed
                site.cache = kept.pages
                site.fingerprint = inputs_fingerprint(
                    self.root, (self.options, config.markdown_extensions, config.mdx_configs, config.site_url),
                    journal.today, other_inputs(self.root, self.options))
            self.pages = build_pages(site, stopwatch=stopwatch)
            self.reused = site.reused
        if site.card_images.drawn:
            log.info(f"journal: drew {site.card_images.drawn} quote cards (the others came from {site.card_images.store.folder})")
        if self.command == "build":  # `serve` keeps its pages and rebuilds often: trimming would only cost time
            heap.trim()
        self.handed_off = time.perf_counter()

    def _renderer(self, config: MkDocsConfig) -> Renderer:
        """A new Renderer, or under `serve` the last one while the Markdown settings are the same."""
        def make() -> Renderer:
            return Renderer(extensions=config.markdown_extensions, extension_configs=config.mdx_configs,
                            reload_templates=self.command == "serve")
        if self.command != "serve":
            return make()
        return session(self.root).renderer(repr((config.markdown_extensions, config.mdx_configs)), make)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.writing = True
        if self.command != "serve":  # every page the index holds is known now: a part is made once its pages came
            searched = [page.url for path, page in self.pages.items() if page.search is not None or path in self.streamed]
            guides = [_page_url(f) for f in files.documentation_pages() if f.src_uri not in self.pages]
            # Written into the site folder (emptied by now) part by part, swapped in at the end.
            self.index = PartsIndex(("/" + url for url in [*searched, *guides]), new_bundle_folder(Path(config.site_dir)))
        # docs/quotes.md and a generated quotes/index.md share /quotes/
        clashes = clashing_docs(self.pages, {f.src_uri: f.url for f in files})
        if clashes:
            raise PluginError("journal: " + clash_message(self._docs(config), clashes[0]))
        linked = session(self.root).linked
        for path, page in self.pages.items():
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            if page.file is not None:  # a card image: linked from the card cache
                files.append(linked.get(config, path, page.file, inclusion))
                continue
            # A Markdown page's body comes from on_page_content: MkDocs only needs its front-matter.
            content = page.data if page.data is not None else page.front_matter if page.is_markdown else page.content
            files.append(File.generated(config, path, content=content, inclusion=inclusion))
        linked.done()
        return files

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        """Note the pages in the navigation; `serve --dirty`: tell MkDocs which pages to build: all but
        the generated pages reused unchanged."""
        self.in_nav = {page.file.src_uri for page in nav.pages}
        self.nav_depth = nav_depth(nav.items)
        if not self.dirty:
            return nav
        custom_dir = config.theme.custom_dir
        self.frame = frame_digest(Path(config.config_file_path) if config.config_file_path else None,
                                  f"{config.site_url}\0{config.site_dir}",
                                  ((page.url, page.file.content_bytes) for page in nav.pages),
                                  Path(custom_dir) if custom_dir else None)
        served = [f for f in files if InclusionLevel.is_in_serve(f.inclusion)]
        pages = {path for path in self.reused if path.endswith(".md")}
        skipped = self.incremental.plan(self.frame, pages, lambda path: os.path.isfile(files.src_uris[path].abs_dest_path))
        self.page_urls = []
        self.populated = False
        for file in served:
            if file.is_documentation_page():
                if file.src_uri in skipped and file.src_uri in self.in_nav:
                    # Every page's nav shows its title, which MkDocs takes from the page as it reads
                    # it: read it (cheap, its HTML is ready), but do not write it again.
                    file.is_modified = lambda: not self.populated  # type: ignore[method-assign]
                else:
                    # A docs page is rebuilt even when its source is older than its output (a dirty
                    # build would skip it), so the nav and search index match a clean build.
                    modified = file.src_uri not in skipped
                    file.is_modified = (lambda modified=modified: modified)  # type: ignore[method-assign]
                self.page_urls.append(_page_url(file))
        self.incremental.skipped_urls = {_page_url(files.src_uris[path]) for path in skipped}
        self.outputs = {f.abs_dest_path for f in served}
        return nav

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        """Every page is read; from now on MkDocs writes pages, and skips those `on_nav` skipped."""
        self.populated = True
        if self.command == "serve" and env.bytecode_cache is None:
            env.bytecode_cache = session(self.root).theme_bytecode  # MkDocs makes a new environment for every rebuild
        cache_outside_pages(env, lambda page: page.file.src_uri not in self.in_nav, self.nav_depth,
                            config.theme.get("features") or [])
        return env

    # Generated pages carry their HTML already: skip a second Markdown pass over it.
    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            self._check_front_matter(page, config)
        return "" if generated is not None and generated.has_html else markdown

    def _check_front_matter(self, page, config: MkDocsConfig) -> None:
        """MkDocs publishes a docs page's unreadable front-matter as page text (even with --strict): refuse it."""
        source = page.file.content_string
        if page.meta or not YAML_RE.match(source):
            return
        where = f"{self._docs(config)}/{page.file.src_uri}"
        try:
            front = split_front_matter(source.replace("\r\n", "\n"), path=where, problems=Problems())
        except YamlProblem as exc:
            raise PluginError(f"journal: {where}:{exc.line}: error: {exc.message} (MkDocs would publish the front-matter as page text)") from None
        if front.meta.value is not None:
            raise PluginError(f"journal: {where}:2: error: the front-matter must be 'key: value' lines (MkDocs would publish it as page text)")

    def _docs(self, config: MkDocsConfig) -> str:
        return Path(os.path.relpath(config.docs_dir, self.root)).as_posix()

    # MkDocs converts every page before it renders any with the theme, and would hold all their
    # HTML in between: a generated page gets its HTML only as it is rendered (on_page_context).
    def on_page_content(self, html: str, *, page, config, files) -> str:
        generated = self.pages.get(page.file.src_uri)
        return html if generated is None or (not generated.has_html and self.stream is None) else ""

    # Records for the search index are taken as each page is rendered (an interview page rendered
    # by the worker exists only now), before the plugin lets go of the page's HTML.
    @event_priority(100)
    def on_page_context(self, context, *, page, config, nav):
        generated = self.pages.get(page.file.src_uri)
        if generated is None:  # a page of the docs: a guide
            self._found(guide_record(page.url, page.title or "", page.content or ""))
            return context
        if not generated.has_html and self.stream is not None:
            generated, record = self.stream.get(page.file.src_uri)
        else:
            record = page_record(generated)
        if record is not None:
            self._found(record)
        html = generated.html
        if html is not None:
            if self.command == "build" and len(html) > BIG_PAGE:
                heap.trim()  # its copies need room: give back what earlier pages freed
            page.content = wrap_body(html)
            # MkDocs has the HTML now: drop ours.
            self.pages[page.file.src_uri] = Page(generated.path, title=generated.title)
        return context

    def _found(self, record: Record) -> None:
        if self.index is not None:
            try:
                self.index.add(record)
            except SearchIndexError as exc:
                raise PluginError(f"journal: {exc}") from None
        else:
            self.found[record.url[1:]] = record

    def on_post_page(self, output: str, *, page, config) -> str:
        """MkDocs keeps every page's HTML until the build ends; ours is written and indexed by now."""
        if page.file.src_uri in self.pages:
            page.content = None
        return output

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        for folder in (self.options.interviews_dir, self.options.campaigns_dir, self.options.insights_dir, "templates"):
            path = self.root / folder
            if path.is_dir():
                server.watch(str(path))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.stopwatch.add("MkDocs (pages and theme)", time.perf_counter() - self.handed_off)
        if self.stream is not None:
            self.stopwatch.add("MkDocs rendering interview pages", self.stream.own_seconds)
            self.stopwatch.add("MkDocs waiting for interview pages", self.stream.waited)
            self.stopwatch.add("worker: interview pages", self.stream.interview_seconds)
            self.stopwatch.add("worker: " + " + ".join(OFFLOADED), self.stream.families_seconds)  # no comma: the line's separator
        index, self.index = self.index, None
        self._end_build()
        if self.command == "build" and self.site is not None:  # a whole build: forget the cards it no longer has
            self.site.card_images.prune()
        site_dir = Path(config.site_dir)
        if index is not None:  # a build: into its temporary folder, so a failure leaves the last site
            try:
                with self.stopwatch.step("search index after the last page"):
                    assert index.folder is not None
                    write_files(index.files(), index.folder)
                    swap_bundle(index.folder, site_dir)
            except SearchIndexError as exc:
                raise PluginError(f"journal: {exc}") from None
            finally:
                index.close()
        else:  # `serve`: in the background, the reload does not wait for it
            records = self._finish_dirty_build(config) if self.dirty else self.found
            session(self.root).search(lambda line: log.info(f"journal: {line}")).update(list(records.values()), site_dir)
        self.built = True
        log.debug(f"journal: timings: {self.stopwatch.line()}; total {time.perf_counter() - self.started:.2f} s")

    def _finish_dirty_build(self, config: MkDocsConfig) -> dict[str, Record]:
        """Delete outputs of pages that are gone, log what was built; the search records of every page."""
        records = self.incremental.merge_records(self.found, self.page_urls)
        skipped = len(self.incremental.skipped)
        stale = self.incremental.finish(BuildRecord(self.frame, set(self.pages), self.outputs, records),
                                        Path(config.site_dir))
        log.info(f"journal: rebuilt {len(self.page_urls) - skipped} pages, skipped {skipped} unchanged pages"
                 + (f", removed {len(stale)} stale files" if stale else ""))
        return records

    def on_build_error(self, *, error: Exception) -> None:
        self.built = False
        self._end_build()
        if self.writing:  # the site directory may hold part of this build
            self.incremental.forget()

    def _end_build(self) -> None:
        """The end of a build, whichever way it ended: stop the page worker; in `serve`, collect garbage soon."""
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        if self.index is not None:  # a build that failed: the parts being indexed are not needed
            self.index.close()
            self.index = None
        if self.command == "serve":
            collect_later()  # what the loaded journal froze (see workers.gc_paused)

    def on_shutdown(self) -> None:
        """Swap the finished site in, or throw the partial one away (strict aborts come after post_build)."""
        if self.final_site_dir is None:
            return
        tmp, final = Path(self.tmp_site_dir), Path(self.final_site_dir)
        if not self.built:
            shutil.rmtree(tmp, ignore_errors=True)
            return
        swap_in(tmp, final)


def _page_url(file: File) -> str:
    """A page's URL as MkDocs' Page gives it: the home page's is ""."""
    return "" if file.url in (".", "./") else file.url


def _is_serve_dir(site_dir: str) -> bool:
    """`mkdocs serve` builds into its own temporary directory and serves it: leave that alone."""
    path = Path(site_dir).resolve()
    return path.parent == Path(tempfile.gettempdir()).resolve() and path.name.startswith("mkdocs_")
