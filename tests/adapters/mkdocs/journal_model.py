"""A journal as data, written out as files: what the serve property test edits at random.

Every state of the model writes a valid journal (the build succeeds): campaigns cite only
quotes that exist and are cleared, insights only quotes that exist, quote ids and page
addresses are unique. ``files()`` gives every file of the project as text; the test
writes the differences to disk the way an editor or `git checkout` would.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field

CUSTOMERS = ["Acme Logistics", "Brightline Freight", "Copperline Couriers", "Dunmore Haulage"]
RELATIONSHIPS = ["customer", "prospect", "lost-customer", "competitor-customer"]
CLEARANCES = ["internal", "anonymous", "public"]
TAGS = ["alert fatigue", "onboarding", "pricing", "on-call", "reporting"]
PEOPLE = ["Jane Doe", "Omar Haddad", "Lucia Romero", "Kenji Tanaka"]
FOLDERS = ["2026", "2025", "archive/2024", "calls"]

MKDOCS_YML = """site_name: Serve property journal
theme: {{name: material, font: false}}
plugins:
  - search
  - journal:
      stale_days: {stale_days}
nav:
  - About: about.md
"""


@dataclass
class Quote:
    text: str
    clearance: str = "internal"
    id: str | None = None  # explicit id, or an automatic one from the file and the text
    tags: list[str] = field(default_factory=list)


@dataclass
class Note:
    folder: str
    name: str
    date: dt.date
    customer: str
    relationship: str
    person: str
    tags: list[str]
    prose: list[str]
    quotes: list[Quote]
    summary: str = ""
    confidential: bool = False
    moved_from: list[str] = field(default_factory=list)  # paths the file had, oldest first

    @property
    def path(self) -> str:
        return f"interviews/{self.folder}/{self.name}.md"

    def text(self) -> str:
        lines = ["---", f"date: {self.date.isoformat()}", f"customer: {self.customer}",
                 f"relationship: {self.relationship}", "people:", f"  - {{name: {self.person}, role: Head of Operations}}",
                 "interviewers:", "  - {name: Sam Lee, team: marketing}", "channel: call",
                 f"tags: [{', '.join(self.tags)}]"]
        if self.summary:
            lines.append(f"summary: {self.summary}")
        if self.confidential:
            lines.append("confidential: true")
        if self.moved_from:
            lines.append(f"moved_from: [{', '.join(self.moved_from)}]")
        lines += ["---", ""]
        for paragraph in self.prose:
            lines += [paragraph, ""]
        for q in self.quotes:
            attrs = " ".join(filter(None, [f"#{q.id}" if q.id else "", q.clearance,
                                           f'tags="{", ".join(q.tags)}"' if q.tags else ""]))
            lines += [f"> {q.text}", f"> — {self.person} {{{attrs}}}", ""]
        return "\n".join(lines)


@dataclass
class Journal:
    """The whole project: notes, accounts.yml, tags.yml, campaigns, insights and mkdocs.yml."""

    notes: dict[str, Note] = field(default_factory=dict)  # by a stable key (survives moves)
    accounts: dict[str, dict] = field(default_factory=dict)  # canonical name -> {aliases, industry}
    vocabulary: dict[str, list[str]] | None = None  # tags.yml, or none
    campaigns: dict[str, dict] = field(default_factory=dict)  # slug -> {name, wants: [quote ids]}
    insights: dict[str, dict] = field(default_factory=dict)  # slug -> {title, status, wants, claim}
    stale_days: int = 180
    counter: int = 0

    def next(self) -> int:
        self.counter += 1
        return self.counter

    def copy(self) -> Journal:
        return copy.deepcopy(self)

    # --- what the files say -----------------------------------------------------------

    def quotes_by_id(self, cleared: bool = False) -> dict[str, Quote]:
        return {q.id: q for n in self.notes.values() if not n.confidential for q in n.quotes
                if q.id and (not cleared or q.clearance != "internal")}

    def files(self) -> dict[str, str]:
        out = {"mkdocs.yml": MKDOCS_YML.format(stale_days=self.stale_days),
               "docs/about.md": "# About\n\nThe journal of the serve property test.\n"}
        for note in self.notes.values():
            out[note.path] = note.text()
        if self.accounts:
            lines = []
            for name, attrs in self.accounts.items():
                lines.append(f"{name}:")
                if attrs.get("aliases"):
                    lines.append(f"  aliases: [{', '.join(attrs['aliases'])}]")
                if attrs.get("industry"):
                    lines.append(f"  industry: {attrs['industry']}")
            out["interviews/accounts.yml"] = "\n".join(lines) + "\n"
        if self.vocabulary is not None:
            out["interviews/tags.yml"] = "".join(f"{tag}: [{', '.join(syn)}]\n" for tag, syn in self.vocabulary.items())
        cleared, existing = self.quotes_by_id(cleared=True), self.quotes_by_id()
        for slug, campaign in self.campaigns.items():
            cites = [i for i in campaign["wants"] if i in cleared]
            if not cites:
                continue  # a campaign must cite something: the file is gone until a quote is cleared again
            lines = [f"name: {campaign['name']}", "owner: Priya (sales)", "cites:"]
            for quote_id in cites:
                lines += [f"  - id: {quote_id}", f"    text: {cleared[quote_id].text}"]
            out[f"campaigns/{slug}.yml"] = "\n".join(lines) + "\n"
        for slug, insight in self.insights.items():
            evidence = [i for i in insight["wants"] if i in existing]
            lines = ["---", f"title: {insight['title']}", f"status: {insight['status']}", "owner: Sam Lee"]
            if evidence:
                lines.append("evidence:")
                lines += [f"  - {{id: {i}, stance: {'contradicts' if n % 3 == 2 else 'supports'}}}" for n, i in enumerate(evidence)]
            lines += ["---", insight["claim"], ""]
            out[f"insights/{slug}.md"] = "\n".join(lines)
        return out


def make_note(journal: Journal, customer: str, *, date: dt.date, folder: str = "2026", quotes: int = 2,
              relationship: str = "customer") -> Note:
    n = journal.next()
    person = PEOPLE[n % len(PEOPLE)]
    note = Note(folder, f"{date.isoformat()}-note-{n}", date, customer, relationship, person,
                [TAGS[n % len(TAGS)]], [f"Notes of call {n}, they run {n + 3} depots."], [], summary=f"Call {n}.")
    for k in range(quotes):
        clearance = CLEARANCES[(n + k) % 3]
        note.quotes.append(Quote(f"Quote {k} of call {n}, routing got simpler.", clearance,
                                 f"q{n}-{k}" if clearance != "internal" or k == 0 else None))
    journal.notes[f"n{n}"] = note
    return note


def sample_journal(size: int = 10) -> Journal:
    """A small journal: ``size`` notes over four accounts, accounts.yml with an alias, tags.yml,
    a campaign and two insights."""
    journal = Journal()
    for k in range(size):
        make_note(journal, CUSTOMERS[k % len(CUSTOMERS)], date=dt.date(2026, 1, 5) + dt.timedelta(days=23 * k),
                  folder=FOLDERS[k % 2], relationship=RELATIONSHIPS[k % 3])
    journal.accounts = {"Acme Logistics": {"aliases": ["Acme"], "industry": "Logistics"},
                        "Brightline Freight": {"industry": "Freight"}}
    journal.vocabulary = {"alert fatigue": ["alert-fatigue"], "onboarding": [], "pricing": ["price"], "on-call": ["pager"],
                          "reporting": []}
    ids = list(journal.quotes_by_id(cleared=True))
    journal.campaigns = {"spring-webinar": {"name": "Spring webinar", "wants": ids[:3]}}
    journal.insights = {
        "routing-matters": {"title": "Routing matters", "status": "hypothesis", "wants": ids[:2], "claim": "Routing is the pain."},
        "pricing-hurts": {"title": "Pricing hurts", "status": "supported", "wants": ids[2:5], "claim": "Price is the blocker."},
    }
    return journal
