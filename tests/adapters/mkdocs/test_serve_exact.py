"""`mkdocs serve --dirty` stays exact (spec section 9): a property test.

Random sequences of what happens to a journal between two rebuilds (edits of prose and of
facts, notes added, deleted and moved to another folder, an account renamed through
aliases, edits of tags.yml, accounts.yml, mkdocs.yml, campaigns and insights, a burst of
saves before one rebuild, a branch switch rewriting most files at once, a second save in
the same clock tick) are applied to a generated journal. After every step the site that
`serve --dirty` holds must be, file for file, what a clean `mkdocs build` of the same files
gives (the livereload script and canonical link aside; see serve_harness.py).

Bounded for CI: ``EXAMPLES`` sequences of at most ``STEPS`` steps, the same ones every run. A
longer hunt: JOURNAL_SERVE_EXAMPLES=50 JOURNAL_SERVE_RANDOM=1 (other sequences each run),
JOURNAL_SERVE_SHRINK=1 (shrink a failure to its shortest sequence: slow).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from generator.core import parsecache

from tests.adapters.mkdocs.journal_model import (CLEARANCES, CUSTOMERS, FOLDERS, RELATIONSHIPS, TAGS, Journal, Quote,
                                                 make_note, sample_journal)
from tests.adapters.mkdocs.serve_harness import Served, assert_same_as_clean, quiet_mkdocs
from tests.support import EPOCH

EXAMPLES = int(os.environ.get("JOURNAL_SERVE_EXAMPLES", "10"))
STEPS = 5
SHRINK = bool(os.environ.get("JOURNAL_SERVE_SHRINK"))
RANDOM = bool(os.environ.get("JOURNAL_SERVE_RANDOM"))  # a hunt: other sequences than CI's fixed ones
RUNS: list[int] = []  # steps of each sequence run, reported by the last test
DONE: set[str] = set()  # the kinds of edit and the rules that ran


def write_project(root: Path, old: dict[str, str], new: dict[str, str]) -> None:
    """Make the files on disk go from ``old`` to ``new``: write what changed, delete what is gone."""
    for rel in old.keys() - new.keys():
        (root / rel).unlink()
        folder = (root / rel).parent
        while folder != root and not any(folder.iterdir()):  # like git, leave no empty folder behind
            folder.rmdir()
            folder = folder.parent
    for rel, text in new.items():
        if old.get(rel) != text:
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8")


class ServeDirty(RuleBasedStateMachine):
    """The journal as data (``self.journal``), its files on disk, and `serve --dirty` of them."""

    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="serve-exact-"))
        self.project = self.tmp / "project"
        self.journal = sample_journal()
        self.written: dict[str, str] = {}
        self.branches: dict[str, Journal] = {}
        self.served: Served | None = None
        self.steps = 0

    # --- the machinery -------------------------------------------------------------------

    def save(self) -> None:
        new = self.journal.files()
        write_project(self.project, self.written, new)
        self.written = new

    @initialize()
    def first_build(self) -> None:
        self.save()
        self.served = Served(self.project, self.tmp / "served")
        self.branches["main"] = self.journal.copy()

    def edit(self, name: str, data) -> None:
        DONE.add(name)
        getattr(self, name)(data)

    def rebuild_and_compare(self) -> None:
        self.steps += 1
        assert self.served.rebuild(), "serve --dirty failed on a valid journal"
        assert_same_as_clean(self.served, self.tmp)

    def note_key(self, data) -> str:
        return data.draw(st.sampled_from(sorted(self.journal.notes)), label="note")

    def teardown(self) -> None:
        RUNS.append(self.steps)
        if self.served is not None:
            self.served.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    # --- what happens between rebuilds -----------------------------------------------------

    def edit_prose(self, data) -> None:
        note = self.journal.notes[self.note_key(data)]
        note.prose.append(data.draw(st.sampled_from(["They asked about routing.", "A **bold** remark.",
                                                     "Title\n=======", "- a list\n- of things"]), label="prose"))

    def edit_facts(self, data) -> None:
        note = self.journal.notes[self.note_key(data)]
        what = data.draw(st.sampled_from(["tags", "relationship", "clearance", "date", "summary", "confidential",
                                          "quote tags", "new quote"]), label="fact")
        if what == "tags":
            note.tags = data.draw(st.lists(st.sampled_from(TAGS + ["pager", "price", "churn"]), max_size=3, unique=True))
        elif what == "relationship":
            note.relationship = data.draw(st.sampled_from(RELATIONSHIPS))
        elif what == "clearance" and note.quotes:
            quote = note.quotes[data.draw(st.integers(0, len(note.quotes) - 1))]
            quote.clearance = data.draw(st.sampled_from(CLEARANCES))
            quote.id = quote.id or f"q{self.journal.next()}"  # a cleared quote gets an id (else a warning)
        elif what == "date":
            note.date = dt.date(2025, 1, 1) + dt.timedelta(days=data.draw(st.integers(0, 680)))
        elif what == "summary":
            note.summary = data.draw(st.sampled_from(["", "Short call.", "They are evaluating RouteCo."]))
        elif what == "confidential":
            note.confidential = not note.confidential
        elif what == "quote tags" and note.quotes:
            note.quotes[0].tags = data.draw(st.lists(st.sampled_from(TAGS + ["paging"]), max_size=2, unique=True))
        elif what == "new quote":
            n = self.journal.next()
            note.quotes.append(Quote(f"New quote {n}, the dashboard helps.", "public", f"q{n}"))

    def add_note(self, data) -> None:
        make_note(self.journal, data.draw(st.sampled_from(CUSTOMERS + ["Evergreen Transit"]), label="customer"),
                  date=dt.date(2026, 1, 1) + dt.timedelta(days=data.draw(st.integers(0, 300))),
                  folder=data.draw(st.sampled_from(FOLDERS)), quotes=data.draw(st.integers(0, 3)))

    def delete_note(self, data) -> None:
        if len(self.journal.notes) > 2:
            del self.journal.notes[self.note_key(data)]

    def move_note(self, data) -> None:
        """`git mv` to another folder; the old path in ``moved_from`` (its address then redirects), or not."""
        note = self.journal.notes[self.note_key(data)]
        old = note.path
        folders = [f for f in [*FOLDERS, "moved/here"] if f != note.folder and f"interviews/{f}/{note.name}.md" not in note.moved_from]
        if folders:
            note.folder = data.draw(st.sampled_from(folders), label="to")
            if data.draw(st.booleans(), label="moved_from"):
                note.moved_from.append(old)

    def rename_account(self, data) -> None:
        """The account's new name in accounts.yml; the notes keep the old one, now an alias."""
        accounts = self.journal.accounts
        old = data.draw(st.sampled_from(sorted({n.customer for n in self.journal.notes.values()})), label="account")
        canonical = next((name for name, a in accounts.items() if name == old or old in a.get("aliases", [])), None)
        new = f"{CUSTOMERS[self.journal.next() % len(CUSTOMERS)].split()[0]} Group {self.journal.counter}"
        attrs = accounts.pop(canonical, {}) if canonical else {}
        attrs["aliases"] = sorted({*attrs.get("aliases", []), canonical or old})
        accounts[new] = attrs

    def edit_tags_yml(self, data) -> None:
        what = data.draw(st.sampled_from(["synonym", "drop", "remove file", "restore"]), label="tags.yml")
        vocab = self.journal.vocabulary
        if what == "remove file":
            self.journal.vocabulary = None
        elif vocab is None or what == "restore":
            self.journal.vocabulary = {tag: [] for tag in TAGS}
        elif what == "synonym":
            tag = data.draw(st.sampled_from(sorted(vocab)))
            synonym = data.draw(st.sampled_from(["churn", "paging", "cost", "reports"]))
            if not any(synonym in s or synonym == t for t, s in vocab.items()):
                vocab[tag].append(synonym)
        elif len(vocab) > 1:
            del vocab[data.draw(st.sampled_from(sorted(vocab)))]

    def edit_accounts_yml(self, data) -> None:
        what = data.draw(st.sampled_from(["industry", "new entry", "remove file"]), label="accounts.yml")
        accounts = self.journal.accounts
        if what == "remove file":
            accounts.clear()
        elif what == "new entry" or not accounts:
            name = data.draw(st.sampled_from(CUSTOMERS))
            if not any(name == n or name in a.get("aliases", []) for n, a in accounts.items()):
                accounts[name] = {"industry": "Retail"}
        else:
            name = data.draw(st.sampled_from(sorted(accounts)))
            accounts[name]["industry"] = data.draw(st.sampled_from(["Logistics", "Freight", "Retail", None]))

    def edit_mkdocs_yml(self, data) -> None:
        self.journal.stale_days = data.draw(st.sampled_from([30, 90, 180, 400]), label="stale_days")

    def edit_campaign(self, data) -> None:
        what = data.draw(st.sampled_from(["cite", "uncite", "add", "delete", "rename"]), label="campaign")
        campaigns, cleared = self.journal.campaigns, sorted(self.journal.quotes_by_id(cleared=True))
        if what == "add" or not campaigns:
            n = self.journal.next()
            campaigns[f"campaign-{n}"] = {"name": f"Campaign {n}", "wants": cleared[:2]}
            return
        slug = data.draw(st.sampled_from(sorted(campaigns)))
        if what == "delete":
            del campaigns[slug]
        elif what == "cite" and cleared:
            campaigns[slug]["wants"].append(data.draw(st.sampled_from(cleared)))
            campaigns[slug]["wants"] = list(dict.fromkeys(campaigns[slug]["wants"]))
        elif what == "uncite" and campaigns[slug]["wants"]:
            campaigns[slug]["wants"].pop()
        elif what == "rename":
            campaigns[slug]["name"] += " (renamed)"

    def edit_insight(self, data) -> None:
        what = data.draw(st.sampled_from(["evidence", "status", "claim", "add", "delete"]), label="insight")
        insights, ids = self.journal.insights, sorted(self.journal.quotes_by_id())
        if what == "add" or not insights:
            n = self.journal.next()
            insights[f"insight-{n}"] = {"title": f"Insight {n}", "status": "hypothesis", "wants": ids[-2:], "claim": "A claim."}
            return
        slug = data.draw(st.sampled_from(sorted(insights)))
        if what == "delete":
            del insights[slug]
        elif what == "evidence" and ids:
            insights[slug]["wants"] = list(dict.fromkeys([*insights[slug]["wants"], data.draw(st.sampled_from(ids))]))
        elif what == "status":
            insights[slug]["status"] = data.draw(st.sampled_from(["hypothesis", "supported", "disputed", "retired"]))
        else:
            insights[slug]["claim"] += " More so."

    EDITS = ("edit_prose", "edit_facts", "add_note", "delete_note", "move_note", "rename_account", "edit_tags_yml",
             "edit_accounts_yml", "edit_mkdocs_yml", "edit_campaign", "edit_insight")

    # --- the rules: one or more edits, then a rebuild compared with a clean build ------------------

    @rule(data=st.data(), edit=st.sampled_from(EDITS))
    def one_edit(self, data, edit: str) -> None:
        self.edit(edit, data)
        self.save()
        self.rebuild_and_compare()

    @rule(data=st.data(), edits=st.lists(st.sampled_from(EDITS), min_size=2, max_size=5))
    def burst_of_saves(self, data, edits: list[str]) -> None:
        """Several saves (each written to disk) before one rebuild."""
        DONE.add("burst_of_saves")
        for edit in edits:
            self.edit(edit, data)
            self.save()
        self.rebuild_and_compare()

    @rule(data=st.data())
    def branch_switch(self, data) -> None:
        """`git checkout`: most files change at once. A branch is the journal as it was, or changed a lot."""
        DONE.add("branch_switch")
        name = data.draw(st.sampled_from(sorted(self.branches) + ["new"]), label="branch")
        self.branches[f"at-{self.steps}"] = self.journal.copy()
        if name == "new":
            for key in list(self.journal.notes)[::2]:
                note = self.journal.notes[key]
                note.prose.append("Rewritten on the other branch.")
                note.folder = "2026" if note.folder != "2026" else "2025"
            self.journal.stale_days += 1
            self.journal.vocabulary = None if self.journal.vocabulary else {tag: [] for tag in TAGS}
        else:
            self.journal = self.branches[name].copy()
            self.journal.counter = max(b.counter for b in self.branches.values()) + 1
        self.save()
        self.rebuild_and_compare()

    @rule(data=st.data())
    def second_save_in_the_same_tick(self, data) -> None:
        """A save, a rebuild, then another save of the same size whose time stamp is the same: file
        systems keep times in ticks (a few milliseconds, or two seconds), and editors save often."""
        DONE.add("second_save_in_the_same_tick")
        key = self.note_key(data)
        note = self.journal.notes[key]
        note.prose.append("Save one: AAAA.")
        self.save()
        path = self.project / note.path
        self.rebuild_and_compare()
        before = path.stat()
        note.prose[-1] = "Save two: BBBB."
        self.save()
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert path.stat().st_size == before.st_size
        self.rebuild_and_compare()

    @rule(data=st.data(), edit=st.sampled_from(EDITS))
    def a_merge_conflict_then_its_resolution(self, data, edit: str) -> None:
        """A rebuild of a journal with errors fails (serve keeps the last site); the next one is exact."""
        DONE.add("a_merge_conflict_then_its_resolution")
        note = self.journal.notes[self.note_key(data)]
        path = self.project / note.path
        path.write_text(note.text().replace("---\n\n", "---\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> x\n", 1),
                        encoding="utf-8")
        self.written[note.path] = ""
        assert not self.served.rebuild(), "serve --dirty built a journal with a merge conflict"
        self.edit(edit, data)
        self.save()
        self.rebuild_and_compare()

    @precondition(lambda self: self.served is not None)
    @invariant()
    def serve_is_on(self) -> None:
        assert self.served is not None


ServeDirty.TestCase.settings = settings(max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None,
                                        suppress_health_check=list(HealthCheck), derandomize=not RANDOM, database=None,
                                        # shrinking a failure rebuilds hundreds of times: the steps are printed as found
                                        phases=[Phase.explicit, Phase.generate] + ([Phase.shrink] if SHRINK else []))


@pytest.fixture(autouse=True)
def _today(monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    # second_save_in_the_same_tick sets a time stamp back to the first save's, however long ago that
    # was (on a busy machine, seconds): so file systems' ticks are taken to be ten minutes long here.
    monkeypatch.setattr(parsecache, "RACY_NS", 600 * 10**9)
    quiet_mkdocs()


def test_serve_dirty_gives_what_a_clean_build_gives() -> None:
    ServeDirty.TestCase().runTest()
    print(f"serve property test: {len(RUNS)} sequences, {sum(RUNS)} rebuilds compared")
    rules = {"burst_of_saves", "branch_switch", "second_save_in_the_same_tick", "a_merge_conflict_then_its_resolution"}
    # The same sequences every run (not so when hunting with JOURNAL_SERVE_RANDOM): each kind of edit and each rule is among them.
    assert RANDOM or DONE >= {*ServeDirty.EDITS, *rules}, f"never ran: {sorted({*ServeDirty.EDITS, *rules} - DONE)}"


def git(repo: Path, *args: str, date: str = "2026-06-01T10:00:00+00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Sam Lee", "GIT_AUTHOR_EMAIL": "sam@corp.example", "GIT_COMMITTER_NAME": "Sam Lee",
           "GIT_COMMITTER_EMAIL": "sam@corp.example", "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def test_a_checkout_of_another_branch_changing_200_files_at_once(tmp_path: Path) -> None:
    """A real `git checkout` between two branches that differ in 200+ files (edited, moved, added,
    deleted; accounts.yml, tags.yml, a campaign, an insight, mkdocs.yml), and back; the pages' git
    history ("last edited") differs between the branches too."""
    project = tmp_path / "project"
    journal = sample_journal(204)
    write_project(project, {}, main := journal.files())
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "main")
    git(project, "checkout", "-q", "-b", "other")
    for n, note in enumerate(journal.notes.values()):
        if n % 4 == 0:  # moved, and every other one says where from (its old address redirects)
            note.moved_from += [note.path] if n % 8 == 0 else []
            note.folder = "moved"
        note.prose.append("Edited on the other branch.")
        note.relationship = RELATIONSHIPS[n % 4]
    for key in list(journal.notes)[:3]:
        del journal.notes[key]
    make_note(journal, "Evergreen Transit", date=dt.date(2026, 10, 1))
    journal.accounts["Acme Group"] = {"aliases": ["Acme Logistics", "Acme"], "industry": "Logistics"}
    del journal.accounts["Acme Logistics"]
    journal.vocabulary = {tag: [] for tag in TAGS}
    journal.campaigns["spring-webinar"]["name"] = "Spring webinar, again"
    journal.insights["routing-matters"]["status"] = "disputed"
    journal.stale_days = 90
    other = journal.files()
    write_project(project, main, other)
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "other", date="2026-09-15T10:00:00+00:00")
    assert sum(main.get(rel) != text for rel, text in other.items()) + len(main.keys() - other.keys()) > 200
    git(project, "checkout", "-q", "main")

    served = Served(project, tmp_path / "served")
    try:
        for branch in ("other", "main", "other"):
            git(project, "checkout", "-q", branch)
            assert served.rebuild()
            assert_same_as_clean(served, tmp_path)
        page = (served.site / "interviews" / "moved").iterdir().__next__() / "index.html"
        assert "15 Sep 2026" in page.read_text(encoding="utf-8")  # last edited on the other branch
    finally:
        served.close()
