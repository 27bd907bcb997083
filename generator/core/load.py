"""Read a journal from disk into the model, collecting every problem in one pass."""

from __future__ import annotations

import datetime as dt
import os
import time
from functools import partial
from pathlib import Path
from urllib.parse import unquote

from .accounts import build_accounts, read_accounts
from .anonymity import check_account_spellings, check_quote_ids
from .branding import check_brand
from .campaigns import load_campaigns
from .config import JournalConfig
from .insights import load_insights
from .interviews import Parsed, parse_interview
from .model import Interview, Journal
from .parsecache import ParseCache, Stamp, disk_file, disk_key
from .problems import Problem, Problems
from .project import read_options
from .slugs import short_hash
from .timings import Stopwatch
from .vocabulary import apply_vocabulary
from .workers import gc_paused, split_across_cores
from .yamlfile import LINK_OUT, leaves_project, read_text

PARALLEL_PARSE_MIN = int(os.environ.get("JOURNAL_PARALLEL_MIN", "200"))  # files; fewer parse faster in one process


def build_date() -> dt.date:
    """'Today' for the build: SOURCE_DATE_EPOCH when set, so builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def list_interview_files(root: Path, folder: Path, problems: Problems) -> list[tuple[Path, str, str]]:
    """(path, source, rel) of every interview file, sorted; links leaving the project are refused."""
    found: list[tuple[Path, str, str]] = []
    base = _source(root, folder)

    def walk(directory: str, prefix: str) -> None:
        with os.scandir(directory) as listing:  # file types come with the listing: no stat per file
            entries = sorted((e for e in listing if not e.name.startswith(".")), key=lambda e: e.name)
        folders = []
        for entry in entries:
            rel = prefix + entry.name
            if entry.is_symlink() and entry.is_dir():
                problems.error(f"{base}/{rel}", 0, "links to folders are not followed; move the folder into interviews/")
            elif entry.is_dir(follow_symlinks=False):
                folders.append(entry)
            elif entry.name.endswith(".md"):
                path = Path(entry.path)
                if entry.is_symlink() and leaves_project(path, root):
                    problems.error(f"{base}/{rel}", 0, LINK_OUT)
                else:
                    found.append((path, f"{base}/{rel}", rel))
        for entry in folders:
            walk(entry.path, f"{prefix}{entry.name}/")

    walk(str(folder), "")
    return found


def _source(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def read_and_parse(path: Path, source: str, rel: str, config: JournalConfig, today: dt.date) -> Parsed:
    raw = read_text(path)
    if raw.problem:
        return Parsed(None, [Problem(source, raw.problem.line, raw.problem.message)])
    parsed = parse_interview(source, rel, raw.text, config, today)
    parsed.digest = parsed.interview.digest if parsed.interview else short_hash(raw.text, 16)
    return parsed


def parse_files(files: list[tuple[Path, str, str]], config: JournalConfig, today: dt.date,
                cache: ParseCache | None = None) -> list[Parsed]:
    """Parse ``files`` (from list_interview_files), in order; only those changed since ``cache``
    saw them are read, and many of them are parsed on both cores."""
    out: list[Parsed | None] = [None] * len(files)
    todo: list[int] = []
    stamps: list[Stamp] = []
    read_at = time.time_ns()  # before any file is read
    for k, (path, source, _) in enumerate(files):
        stamp = cache.stamp(path) if cache else (0, 0)
        hit = cache.lookup(source, stamp, path) if cache else None
        if hit:
            out[k] = hit
        else:
            todo.append(k)
            stamps.append(stamp)
    fresh = split_across_cores(partial(_parse_batch, config=config, today=today), [files[k] for k in todo], PARALLEL_PARSE_MIN)
    for k, stamp, parsed in zip(todo, stamps, fresh):
        out[k] = parsed
        if cache:
            cache.store(files[k][1], stamp, parsed, read_at)
    return out  # type: ignore[return-value]


def _parse_batch(files: list[tuple[Path, str, str]], *, config: JournalConfig, today: dt.date) -> list[Parsed]:
    return [read_and_parse(path, source, rel, config, today) for path, source, rel in files]


def _parse_with_disk(root: Path, files: list[tuple[Path, str, str]], config: JournalConfig, today: dt.date,
                     cache: ParseCache) -> list[Parsed]:
    """parse_files, with the cache filled from disk when it is empty (the first load in this
    process) and written back when that load parsed anything (see core.parsecache)."""
    file = disk_file(root) if cache.empty else None
    key = disk_key(config, today) if file else ""
    if file:
        cache.read(file, key)
    parsed = parse_files(files, config, today, cache)
    if file and cache.changed:
        cache.keep_only({source for _, source, _ in files})
        cache.write(file, key)
    return parsed


def load_journal(root: Path, config: JournalConfig, *, today: dt.date | None = None,
                 cache: ParseCache | None = None, stopwatch: Stopwatch | None = None) -> tuple[Journal, Problems]:
    """Load every interview under ``root``; return the model of the valid ones and all problems.
    ``stopwatch`` gets the time of reading and parsing the files ("parse") and of the rest ("model").

    What is loaded is frozen for the garbage collector: see ``workers.gc_paused``."""
    with gc_paused():
        return _load_journal(root, config, today or build_date(), cache, stopwatch or Stopwatch())


def _load_journal(root: Path, config: JournalConfig, today: dt.date, cache: ParseCache | None,
                  stopwatch: Stopwatch) -> tuple[Journal, Problems]:
    problems = Problems()
    folder = root / config.interviews_dir
    if not folder.is_dir():
        problems.error(config.interviews_dir, 0, f"the interviews folder is missing: create {config.interviews_dir}/ with one Markdown file per conversation")
        return Journal(config, today, [], {}, root=root), problems

    with stopwatch.step("parse"):
        files = list_interview_files(root, folder, problems)
        parsed_files = _parse_with_disk(root, files, config, today, cache if cache is not None else ParseCache())
    with stopwatch.step("model"):
        return _model(root, folder, config, today, files, parsed_files, problems)


def _model(root: Path, folder: Path, config: JournalConfig, today: dt.date, files: list[tuple[Path, str, str]],
           parsed_files: list[Parsed], problems: Problems) -> tuple[Journal, Problems]:
    """The journal of the parsed files: accounts, vocabulary, campaigns and insights, checked across files."""
    parsed_all: list[Interview] = []
    held: dict[str, str] = {}
    for (_, source, _), parsed in zip(files, parsed_files):
        problems.extend(parsed.problems)
        if parsed.interview:
            parsed_all.append(parsed.interview)
        held.update(dict.fromkeys(parsed.held_quote_ids, source))

    _check_unique(parsed_all, problems)
    _check_moves(parsed_all, {source for _, source, _ in files}, config, problems)
    visible = sorted((i for i in parsed_all if not i.meta.confidential), key=lambda i: (i.date, i.rel))
    for interview in visible:
        interview.account = None
    accounts_path = folder / "accounts.yml"
    accounts_source = _source(root, accounts_path)
    decls = read_accounts(accounts_path, accounts_source, config, problems) if accounts_path.exists() else []
    accounts = build_accounts(visible, decls, accounts_source, config, problems)
    check_account_spellings(visible, problems)
    check_quote_ids(visible, problems)
    confidential = frozenset(i.source for i in parsed_all if i.meta.confidential)
    journal = Journal(config, today, visible, accounts, confidential,
                      confidential_quote_ids={q.id: i.source for i in parsed_all if i.meta.confidential for q in i.quotes},
                      held_quote_ids=held, root=root)
    # Later stages see the whole model; each validates its own files into `problems`.
    for stage in (apply_vocabulary, load_campaigns, load_insights, check_brand):
        stage(root, journal, problems)
    return journal, problems


def _check_unique(interviews: list[Interview], problems: Problems) -> None:
    """Page addresses and quote ids must be unique across the journal."""
    urls: dict[str, Interview] = {}
    ids: dict[str, tuple[str, int]] = {}
    for interview in interviews:
        other = urls.get(interview.url)
        if other:
            problems.error(interview.source, 1, f"makes the same page address /{unquote(interview.url)} as {other.source}; rename one of them", related=[other.source])
        urls.setdefault(interview.url, interview)
        for q in interview.quotes:
            if q.id in ids:
                where, line = ids[q.id]
                problems.error(interview.source, q.line, f"the quote id '{q.id}' is already used in {where}:{line}; ids must be unique across the journal", "quote", related=[where])
            else:
                ids[q.id] = (interview.source, q.line)


def _check_moves(interviews: list[Interview], sources: set[str], config: JournalConfig, problems: Problems) -> None:
    """An old path (``moved_from``) must be free: no file there, no page at its address, one file claiming it."""
    folder = config.interviews_dir.strip("/") + "/"
    pages = {i.url: i.source for i in interviews}
    claimed: dict[str, str] = {}
    for interview in interviews:
        for n, (rel, url) in enumerate(zip(interview.old_rels, interview.old_urls)):
            many = len(interview.meta.moved_from) > 1
            line = interview.line_of(*(("moved_from", n) if many else ("moved_from",)))
            where, path = f"moved_from[{n}]" if many else "moved_from", folder + rel
            if path in sources:
                problems.error(interview.source, line, f"{path} is an interview file: the old path of a moved file must be free; "
                               "remove it here, or rename one of the two", where, related=[path])
            elif url in pages:
                problems.error(interview.source, line, f"the old address /{unquote(url)} is the page of {pages[url]}; "
                               "remove it here, or rename one of the two", where, related=[pages[url]])
            elif url in claimed:
                problems.error(interview.source, line, f"{path} is also the old path of {claimed[url]}: an old address "
                               "can lead to one file only", where, related=[claimed[url]])
            else:
                claimed[url] = interview.source


def load_project(root: Path, *, today: dt.date | None = None, cache: ParseCache | None = None) -> tuple[Journal, Problems]:
    """The journal of the project at ``root``, with the options of its mkdocs.yml, and every problem
    found (a renamed option in mkdocs.yml is a warning). ProjectError when mkdocs.yml cannot be used."""
    config, renamed = read_options(root)
    journal, problems = load_journal(root, config, today=today or build_date(), cache=cache)
    for message in renamed:
        problems.warning("mkdocs.yml", 0, message)
    return journal, problems
