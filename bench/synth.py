"""Synthetic journal projects for the benchmark (deterministic for a given N and seed).

    python bench/synth.py OUT_DIR -n 1000 [--shape quote-heavy] [--seed 1] [--validate]

writes

    OUT_DIR/journal/mkdocs.yml            site with `plugins: [journal]` (the journal's own search)
    OUT_DIR/journal/docs/about.md
    OUT_DIR/journal/interviews/accounts.yml
    OUT_DIR/journal/interviews/<yyyy>/<yyyy-mm-dd>-<account-slug>-<n>.md
    OUT_DIR/baseline/mkdocs.yml           same theme and search, no journal plugin
    OUT_DIR/baseline/docs/{index,about}.md
    OUT_DIR/baseline/docs/interviews/<yyyy>/<same files, front-matter included>
    OUT_DIR/manifest.json                 counts and the list of interview files

The interview format is the one of JOURNAL-SPEC.md sections 2 and 3. Only the
standard library and PyYAML are used. ``--shape`` picks how the interviews look (``SHAPES``):
``standard`` (~3 KB of notes, 2-6 quotes), ``quote-heavy`` (short notes, 6-12 quotes, accounts
often found in another relationship) or ``everyday`` (~1.5 KB of notes, account attributes in
every note, frequent relationship changes, three tags of sixty, clearances in thirds).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from pathlib import Path

from typing import NamedTuple

import yaml

END_DATE = dt.date(2026, 11, 1)  # interviews fall in the 4 years before this date
START_DATE = dt.date(2022, 11, 1)
SEED = 20261101

class Shape(NamedTuple):
    """How the interviews of a synthetic journal look (a NamedTuple: tests load this file without importing it)."""

    quotes: tuple[int, int] = (2, 6)  # quotes per interview, at least and at most
    notes: int = 3000  # about this many bytes of notes around the quotes; 0: a line of context only
    relationship_change: float = 0.0  # chance that an interview finds its account in another relationship
    clearances: tuple[float, float] = (0.5, 0.3)  # shares of internal and anonymous quotes; the rest are public
    tags: tuple[int, int] = (1, 4)  # tags per interview, at least and at most
    vocabulary: int = 40  # tags drawn from the first this many of TAGS
    attributes_in_notes: bool = False  # industry, size and region in every interview instead of accounts.yml


SHAPES = {
    "standard": Shape(),
    # Short notes, many quotes, accounts often found in another relationship (browsing at scale).
    "quote-heavy": Shape(quotes=(6, 12), notes=0, relationship_change=0.4),
    # As teams write: ~1.5 KB of notes, attributes repeated in every note, frequent relationship
    # changes, three tags of sixty, a third of the quotes each internal, anonymous and public.
    "everyday": Shape(notes=1500, relationship_change=0.3, clearances=(1 / 3, 1 / 3), tags=(3, 3), vocabulary=60,
                      attributes_in_notes=True),
}

RELATIONSHIPS = ["customer", "prospect", "lost-customer", "competitor-customer"]
# Where an account's relationship moves (shape.relationship_change): won, lost, won back, switched.
MOVES = {"prospect": "customer", "customer": "lost-customer", "lost-customer": "customer",
         "competitor-customer": "prospect"}
RELATIONSHIP_WEIGHTS = [45, 30, 12, 13]
CHANNELS = ["call", "video-call", "on-site", "trade-show", "demo", "webinar", "email", "survey", "review-site", "other"]
CHANNEL_WEIGHTS = [22, 30, 12, 6, 8, 4, 6, 6, 3, 3]
TEAMS = ["marketing", "sales", "customer-success", "product"]
PRODUCTS = ["Dispatch", "Insights"]
COMPETITORS = ["RouteCo", "PagerStack", "OpsBell"]
TAGS = [
    "alert fatigue", "on-call", "onboarding", "pricing", "roi", "reporting", "integrations", "mobile app",
    "escalation", "scheduling", "handover", "compliance", "audit trail", "sla", "dashboards", "api", "sso",
    "permissions", "notifications", "night shift", "field teams", "routing", "dispatch speed", "customer support",
    "training", "migration", "data export", "reliability", "uptime", "usability", "documentation", "procurement",
    "security review", "contract terms", "renewal", "churn risk", "expansion", "competitor pricing",
    "internal disagreement", "budget cuts",
    # the everyday shape's vocabulary of sixty
    "billing", "invoicing", "offline mode", "gps tracking", "proof of delivery", "spare parts", "work orders",
    "customer portal", "sms", "voice calls", "analytics", "forecasting", "capacity planning", "shift swaps",
    "time tracking", "payroll export", "accessibility", "localization", "data retention", "vendor lock-in",
]
INDUSTRIES = ["Logistics", "Field Service", "Utilities", "Cold Chain Logistics", "Healthcare", "Manufacturing",
              "Retail", "Telecom", "Facilities Management", "Construction", "Public Transport", "Property Management"]
ACCOUNT_ATTRIBUTES = ("industry", "size", "region")
SIZES = ["1-50", "50-200", "200-1000", "1000-5000", "5000+"]
REGIONS = ["EMEA", "North America", "APAC", "LATAM"]
NAME_FIRST = [
    "Acme", "Northwind", "Bluegate", "Kestrel", "Ridgeway", "Meridian", "Tallow Bay", "Quarry Lane", "Harbor & Pine",
    "Silver Birch", "Copperline", "Granite Peak", "Lakeshore", "Red Maple", "Ironbridge", "Summit", "Falcon",
    "Evergreen", "Brightwater", "Oakhurst", "Westmarch", "Stonegate", "Bayview", "Highmoor", "Cedar & Stone",
    "Riverbend", "Blackwood", "Seabright", "Foxglove", "Larkspur", "Millbrook", "Ashford", "Thornbury", "Windrose",
    "Goldcrest", "Kingsway", "Pinecrest", "Harrow", "Marlow", "Vantage",
]
NAME_SECOND = [
    "Logistics", "Field Services", "Freight", "Elevator Services", "Home Repair", "Utility Services", "Cold Chain",
    "Couriers", "Haulage", "Facilities", "Medical Transport", "Energy", "Networks", "Construction", "Transit",
    "Property Group", "Maintenance", "Distribution", "Water", "Security Services",
]
FIRST_NAMES = [
    "Ingrid", "Martin", "Jane", "Tomas", "Aisha", "Kenji", "Lucia", "Owen", "Priya", "Hannah", "Mateo", "Sofia",
    "Daniel", "Amara", "Lars", "Chloe", "Rahul", "Elena", "Jonas", "Fatima", "Marcus", "Yuki", "Nadia", "Pieter",
    "Grace", "Omar", "Ines", "Felix", "Leila", "Hugo", "Maya", "Viktor", "Zara", "Emil", "Rosa", "Samuel", "Ana",
    "Kwame", "Lena", "Diego",
]
LAST_NAMES = [
    "Halvorsen", "Osei", "Doe", "Novak", "Bello", "Tanaka", "Romero", "Fletcher", "Nair", "Okafor", "Silva", "Rossi",
    "Becker", "Mensah", "Lindqvist", "Dubois", "Mehta", "Petrova", "Weber", "Haddad", "Grant", "Sato", "Karimi",
    "de Vries", "Murphy", "Farouk", "Costa", "Wagner", "Amini", "Laurent", "Kowalski", "Ivanov", "Ahmed", "Berg",
    "Moreno", "Owusu", "Pereira", "Boateng", "Schmidt", "Castillo",
]
DEPARTMENTS = {
    "Operations": ["VP Operations", "Operations Manager", "Night Shift Supervisor", "Dispatch Lead"],
    "Finance": ["Finance Director", "Controller", "CFO"],
    "IT": ["IT Manager", "Head of IT", "Systems Administrator"],
    "Engineering": ["Engineering Manager", "Site Reliability Lead", "Platform Engineer"],
    "Customer Service": ["Head of Customer Service", "Support Team Lead"],
    "Procurement": ["Procurement Manager", "Category Buyer"],
    "Field Service": ["Field Service Manager", "Regional Technician Lead"],
    "Security": ["CISO", "Security Analyst"],
    "Executive": ["COO", "CEO", "Managing Director"],
}
PERSONAS = ["economic-buyer", "champion", "end-user", "technical-evaluator", "influencer", "blocker", "executive-sponsor"]
INTERVIEWERS = [
    ("Sam Lee", "marketing"), ("Priya Nair", "sales"), ("Hannah Okafor", "product"), ("Diego Alvarez", "customer-success"),
    ("Mia Chen", "marketing"), ("Tom Baker", "sales"), ("Ruth Adeyemi", "product"), ("Jonas Berg", "customer-success"),
    ("Alice Moreau", "marketing"), ("Kofi Asante", "sales"), ("Nina Hartmann", "marketing"), ("Leo Park", "product"),
    ("Sara Lindholm", "customer-success"), ("Ben Carter", "sales"),
]

# ---- phrase bank -----------------------------------------------------------------------------

SLOTS = {
    "product": PRODUCTS,
    "competitor": COMPETITORS,
    "n": [str(x) for x in (2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 60, 90, 120)],
    "pct": ["10%", "15%", "20%", "25%", "30%", "40%", "half", "a third", "two thirds"],
    "team": ["the night shift", "the dispatch desk", "field technicians", "the on-call rota", "regional supervisors",
             "the service desk", "the finance team", "IT", "the depot managers", "the control room"],
    "period": ["the first month", "the pilot", "last quarter", "the winter peak", "the first week", "the rollout",
               "the trial", "the last renewal cycle", "the summer holidays"],
    "thing": ["the morning digest", "escalation rules", "the mobile app", "the shift calendar", "the SLA report",
              "the audit log", "single sign-on", "the routing view", "the API", "the CSV export", "alert grouping",
              "the handover note", "the permissions model", "the dashboard tiles"],
    "metric": ["time to acknowledge", "missed pages", "overtime claims", "first-time fix rate", "callback waits",
               "SLA breaches", "duplicate alerts", "truck rolls", "ticket backlog"],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
}

SENTENCES = [
    "They run {n} depots and {team} carries most of the load outside office hours.",
    "Before {product} they relied on spreadsheets and a shared phone for {team}.",
    "The main complaint was {metric}: nobody could say who had seen an alert and who had not.",
    "They compared us with {competitor} during {period} and found the setup effort similar.",
    "{team} started using {thing} without any training, which surprised the managers.",
    "Budget decisions sit with finance, and finance wants a number in currency, not minutes.",
    "The pilot covered {n} sites; the rest of the estate is waiting on the outcome.",
    "They report {metric} weekly to the board and want to stop building it by hand.",
    "Most of the pain comes from handovers between {team} and {team2}.",
    "Their current tool from {competitor} is cheaper per seat but misses {thing}.",
    "IT has a hard rule about {thing} and will not approve anything without it.",
    "Adoption was uneven: {pct} of users logged in during {period}.",
    "They asked whether {thing} could be configured per region rather than globally.",
    "Escalations still go by phone after {n} minutes, which nobody likes.",
    "They estimated that {metric} fell by {pct} after switching on {thing}.",
    "Procurement wants a three-year term, operations wants to stay flexible.",
    "Their contract with {competitor} renews in {n} months and they are reviewing options.",
    "The control room runs on {n} screens and {thing} has to fit on one of them.",
    "They had an outage on a {day} night that nobody noticed until the morning.",
    "Support tickets about {thing} dropped after the last release.",
    "They want a single view across {product} and their own ticketing tool.",
    "Security review took {n} weeks, mostly waiting on questionnaires.",
    "Field crews work offline for hours, so sync conflicts matter more than features.",
    "A new operations director joined during {period} and is re-evaluating every tool.",
    "They do not trust vendor numbers and collect their own {metric} data.",
    "{pct} of their alerts are duplicates from the same upstream system.",
    "Training is done by the supervisors themselves, usually on a {day}.",
    "They built a workaround with email rules that breaks every time someone goes on leave.",
]

BULLETS = [
    "**{metric}** is the number they watch; it moved by {pct} during {period}.",
    "{team} wants {thing} on the phone, not only on the desktop.",
    "Asked for an export of {metric} per site, per month.",
    "Compared pricing with {competitor}; we are {pct} more expensive per seat.",
    "Uses {thing} daily; would not give it up.",
    "Does not use {thing} at all and did not know it existed.",
    "Wants escalation after {n} minutes instead of the fixed default.",
    "Reported a bug in {thing} on a {day}; fixed within the week.",
    "Would expand to {n} more sites if {metric} keeps improving.",
    "Their auditors asked for {thing} during {period}.",
    "Onboarding took {n} days, longer than promised.",
    "Sees {competitor} as the default choice in their industry.",
    "Needs single sign-on before any wider rollout.",
    "Shared their own spreadsheet of {metric} with us.",
    "Finance approved the budget for {period} only.",
]

FOLLOW_UPS = [
    "{interviewer}: send the {thing} documentation.",
    "{interviewer}: follow up on pricing for {n} sites.",
    "{interviewer}: log a feature request for {thing}.",
    "{interviewer}: schedule a check-in after {period}.",
    "{interviewer}: share the {metric} benchmark.",
    "{interviewer}: introduce the solutions engineer for {thing}.",
]

HEADINGS = ["What we heard", "Pain points", "How they work today", "Product notes", "Competition",
            "Buying process", "Open questions"]

QUOTE_CORES = [
    "We cut our on-call pages in half {period}.",
    "Nobody reads an alert at three in the morning unless it is the right alert.",
    "{thing} is the first thing I open every morning.",
    "I still think it is priced for companies twice our size.",
    "The overtime number is real, I checked it myself.",
    "Our technicians stopped calling the office to ask who is on call.",
    "If {thing} breaks, the whole night shift is blind.",
    "We looked at {competitor} and it felt like a tool for engineers, not dispatchers.",
    "Setting it up took an afternoon, getting people to trust it took a quarter.",
    "{metric} went down by {pct} and I did not have to nag anyone.",
    "I need a number in euros, not in minutes, before I sign anything.",
    "Honestly the mobile app is why my supervisors agreed to try it.",
    "We left because the renewal price jumped and nobody explained why.",
    "Security asked more questions about {thing} than about anything else.",
    "The digest tells me who ignored a page, and that changed behaviour overnight.",
    "Our old process was a phone, a spreadsheet and a lot of hope.",
    "I would pay more for better reporting, not for more features.",
    "{competitor} is cheaper, but we spent the savings on workarounds.",
    "Handover between shifts used to lose half the context.",
    "When the pilot ended, people asked me when they would get it back.",
    "We are not unhappy, we are just not sure it is worth it at our size.",
    "Procurement only cares about the contract terms, operations only cares if it works.",
    "It took {n} weeks to get through security review, and that was the fast track.",
    "Our auditors finally stopped asking for screenshots.",
    "I want one screen that tells me what is burning right now.",
]
QUOTE_TAILS = [
    "", "", "", " That is the whole story.", " I did not expect that.", " Nobody here wants to go back.",
    " We will see at renewal.", " That is what I tell other managers.", " The numbers back it up.",
    " It is not perfect, but it is close.",
]


def _fill(template: str, rng: random.Random, extra: dict[str, str] | None = None) -> str:
    def pick(m: re.Match) -> str:
        key = m.group(1)
        if extra and key in extra:
            return extra[key]
        if key == "team2":
            key = "team"
        return rng.choice(SLOTS[key])

    text = re.sub(r"\{(\w+)\}", pick, template)
    return text[0].upper() + text[1:]


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("&", "and")).strip("-")


# ---- accounts and people ---------------------------------------------------------------------

def account_count(n: int) -> int:
    return min(300, max(20, n // 16))


def make_accounts(rng: random.Random, count: int) -> list[dict]:
    names = [f"{a} {b}" for a in NAME_FIRST for b in NAME_SECOND]
    rng.shuffle(names)
    used_people: set[str] = set()
    accounts = []
    for i, name in enumerate(names[:count]):
        relationship = RELATIONSHIPS[i] if i < len(RELATIONSHIPS) else rng.choices(RELATIONSHIPS, RELATIONSHIP_WEIGHTS)[0]
        domain = slugify(name) + ".example"
        people = []
        for _ in range(rng.randint(1, 4)):
            for _attempt in range(50):
                person = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
                if person not in used_people or len(used_people) > 1500:
                    break
            if any(p["name"] == person for p in people):
                continue
            used_people.add(person)
            department = rng.choice(list(DEPARTMENTS))
            first, _, last = person.partition(" ")
            people.append({
                "name": person,
                "role": rng.choice(DEPARTMENTS[department]),
                "department": department,
                "persona": rng.choice(PERSONAS),
                "contact": f"{first.lower()}.{slugify(last)}@{domain}",
            })
        accounts.append({
            "name": name, "slug": slugify(name), "relationship": relationship, "people": people,
            "industry": rng.choice(INDUSTRIES), "size": rng.choice(SIZES), "region": rng.choice(REGIONS),
            "weight": rng.paretovariate(1.2),  # a few accounts are interviewed far more often
        })
    return accounts


# ---- one interview ---------------------------------------------------------------------------

def _q(value: str) -> str:
    """A YAML double-quoted string (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _quote_text(rng: random.Random, used: set[str], forbidden: list[str]) -> str:
    for _ in range(100):
        text = _fill(rng.choice(QUOTE_CORES), rng) + rng.choice(QUOTE_TAILS)
        low = text.casefold()
        if text not in used and not any(f.casefold() in low for f in forbidden):
            used.add(text)
            return text
    raise RuntimeError("could not make a distinct quote text")


def _quote_block(rng: random.Random, number: int, k: int, speaker: str, text: str, clearance: str,
                 vocabulary: list[str]) -> str:
    attrs: list[str] = []
    if clearance in ("public", "anonymous") or rng.random() < 0.3:
        attrs.append(f"#q-{number:06d}-{k}")
    if clearance != "internal" or rng.random() < 0.3:
        attrs.append(clearance)
    if rng.random() < 0.6:
        attrs.append('tags="' + ", ".join(rng.sample(vocabulary, rng.randint(1, 2))) + '"')
    if clearance == "public" and rng.random() < 0.5:
        attrs.append(f'consent="{speaker}, email"')
    attribution = f"> — {speaker}" + (" {" + " ".join(attrs) + "}" if attrs else "")
    # Long quotes are wrapped over two lines now and then.
    words = text.split(" ")
    if len(words) > 10 and rng.random() < 0.3:
        cut = len(words) // 2
        lines = [" ".join(words[:cut]), " ".join(words[cut:])]
    else:
        lines = [text]
    return "\n".join([*("> " + line for line in lines), attribution])


def _paragraph(rng: random.Random, count: int) -> str:
    return " ".join(_fill(rng.choice(SENTENCES), rng) for _ in range(count))


def _bullets(rng: random.Random, count: int) -> str:
    return "\n".join("- " + _fill(b, rng) for b in rng.sample(BULLETS, count))


def _long_notes(rng: random.Random, pending: list[str], size: int) -> list[tuple[str, list[str]]]:
    """About ``size`` bytes of notes in sections (headings, paragraphs, lists), the quote blocks among them."""
    target = rng.randint(size * 9 // 10, size * 11 // 10)
    sections = [("Context", [_paragraph(rng, rng.randint(3, 4))])]
    headings = rng.sample(HEADINGS, len(HEADINGS))
    body_len = lambda: sum(len(b) + 2 for _, blocks in sections for b in blocks)  # noqa: E731
    while pending or body_len() < target - 350:
        heading = headings.pop(0) if headings else "More notes"
        blocks = [_bullets(rng, rng.randint(3, 5)) if rng.random() < 0.5 else _paragraph(rng, rng.randint(2, 4))]
        for _ in range(rng.randint(1, 2)):
            if pending:
                blocks.append(pending.pop(0))
            if rng.random() < 0.6:
                blocks.append(_paragraph(rng, rng.randint(2, 3)))
        sections.append((heading, blocks))
        if not headings and not pending and body_len() >= target - 350:
            break
    return sections


def make_interview(rng: random.Random, number: int, account: dict, date: dt.date, confidential: bool,
                   shape: Shape = SHAPES["standard"]) -> tuple[str, dict]:
    people = rng.sample(account["people"], rng.randint(1, min(3, len(account["people"]))))
    interviewers = rng.sample(INTERVIEWERS, rng.choice([1, 1, 1, 2]))
    relationship = account["relationship"]
    if relationship == "prospect" and rng.random() < 0.1:
        relationship = "customer"  # some prospects convert
    if shape.relationship_change and rng.random() < shape.relationship_change:
        relationship = MOVES[relationship]
    products = sorted(rng.sample(PRODUCTS, rng.choice([0, 1, 1, 1, 2])))
    competitors = [rng.choice(COMPETITORS)] if relationship == "competitor-customer" or rng.random() < 0.3 else []
    tags = rng.sample(TAGS[:shape.vocabulary], rng.randint(*shape.tags))
    channel = rng.choices(CHANNELS, CHANNEL_WEIGHTS)[0]
    summary = _fill(rng.choice(SENTENCES), rng)

    fm = ["---", f"date: {date.isoformat()}", f"customer: {_q(account['name'])}", f"relationship: {relationship}", "people:"]
    for p in people:
        fm += [f"  - name: {p['name']}", f"    role: {p['role']}", f"    department: {p['department']}",
               f"    persona: {p['persona']}", f"    contact: {_q(p['contact'])}"]
    fm.append("interviewers:")
    fm += [f"  - {{name: {name}, team: {team}}}" for name, team in interviewers]
    fm.append(f"channel: {channel}")
    if products:
        fm.append(f"products: [{', '.join(products)}]")
    if competitors:
        fm.append(f"competitors: [{', '.join(competitors)}]")
    fm.append(f"tags: [{', '.join(tags)}]")
    if shape.attributes_in_notes:
        fm += [f"{key}: {_q(account[key])}" for key in ACCOUNT_ATTRIBUTES]
    fm.append(f"summary: {_q(summary)}")
    if confidential:
        fm.append("confidential: true")
    fm.append("---")

    # Quotes first, then notes around them (up to ~3 KB, or a few lines for short notes).
    used: set[str] = set()
    forbidden = [account["name"]] + [p["name"] for p in people]
    quotes = []
    for k in range(1, rng.randint(*shape.quotes) + 1):
        r, (internal, anonymous) = rng.random(), shape.clearances
        clearance = "internal" if r < internal else "anonymous" if r < internal + anonymous else "public"
        speaker = rng.choice(people)["name"]
        text = _quote_text(rng, used, forbidden)
        quotes.append({"k": k, "clearance": clearance, "speaker": speaker, "text": text,
                       "block": _quote_block(rng, number, k, speaker, text, clearance, TAGS[:shape.vocabulary])})

    if shape.notes:
        sections = _long_notes(rng, [q["block"] for q in quotes], shape.notes)
    else:
        sections = [("Context", [_paragraph(rng, 1)]), ("What we heard", [q["block"] for q in quotes])]
    follow = "\n".join("- " + _fill(rng.choice(FOLLOW_UPS), rng, {"interviewer": interviewers[0][0].split()[0]})
                       for _ in range(rng.randint(2, 3)))
    sections.append(("Follow-ups", [follow]))
    body = "\n\n".join(f"## {h}\n\n" + "\n\n".join(blocks) for h, blocks in sections)
    text = "\n".join(fm) + "\n\n" + body + "\n"
    info = {"quotes": [{k: q[k] for k in ("k", "clearance", "speaker")} for q in quotes]}
    return text, info


# ---- project layout --------------------------------------------------------------------------

COMMON_CONFIG = """\
theme:
  name: material
  font: false
  features:
    - navigation.indexes
markdown_extensions:
  - tables
  - admonition
  - attr_list
  - sane_lists
  - toc:
      permalink: true
"""

ABOUT = """\
# About this benchmark journal

This site is generated by `bench/synth.py` from synthetic interview notes. Nothing in it
is about real companies or people.

- One Markdown file per conversation, with YAML front-matter.
- Quotes are blockquotes whose last line names the speaker.
"""


def generate(out_dir: Path, n: int, seed: int = SEED, shape: str = "standard") -> dict:
    """Write the journal and baseline projects for N interviews into ``out_dir``; return the manifest."""
    rng = random.Random(f"{seed}:{n}")
    out_dir = Path(out_dir)
    journal, baseline = out_dir / "journal", out_dir / "baseline"
    for d in (journal / "docs", journal / "interviews", baseline / "docs" / "interviews"):
        d.mkdir(parents=True, exist_ok=True)

    accounts = make_accounts(rng, account_count(n))
    weights = [a["weight"] for a in accounts]
    span = (END_DATE - START_DATE).days
    confidential = set(rng.sample(range(n), max(1, round(n * 0.01)))) if n else set()
    files = []
    counts = {"quotes": 0, "internal": 0, "anonymous": 0, "public": 0}
    for i in range(n):
        number = i + 1
        account = accounts[i] if i < len(accounts) else rng.choices(accounts, weights)[0]  # every account heard once
        date = START_DATE + dt.timedelta(days=rng.randrange(span))
        text, info = make_interview(rng, number, account, date, i in confidential, SHAPES[shape])
        rel = f"{date.year}/{date.isoformat()}-{account['slug']}-{number}.md"
        for root in (journal / "interviews", baseline / "docs" / "interviews"):
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        for q in info["quotes"]:
            counts["quotes"] += 1
            counts[q["clearance"]] += 1
        files.append({"rel": rel, "date": date.isoformat(), "customer": account["name"],
                      "confidential": i in confidential, "quotes": len(info["quotes"])})

    heard = {f["customer"] for f in files}
    account_attrs = {} if SHAPES[shape].attributes_in_notes else {
        a["name"]: {key: a[key] for key in ACCOUNT_ATTRIBUTES} for a in accounts if a["name"] in heard}
    (journal / "interviews" / "accounts.yml").write_text(
        "# Account attributes (synthetic). Keys are the display names used in interviews' `customer:`.\n"
        + yaml.safe_dump(account_attrs, sort_keys=True, allow_unicode=True), encoding="utf-8")

    (journal / "mkdocs.yml").write_text(
        f"site_name: Benchmark journal ({n} interviews)\ndocs_dir: docs\nsite_dir: site\nuse_directory_urls: true\n"
        + COMMON_CONFIG + "plugins:\n  - journal\n", encoding="utf-8")
    (journal / "docs" / "about.md").write_text(ABOUT, encoding="utf-8")

    (baseline / "mkdocs.yml").write_text(
        f"site_name: Benchmark baseline ({n} interviews)\ndocs_dir: docs\nsite_dir: site\nuse_directory_urls: true\n"
        + COMMON_CONFIG + "plugins:\n  - search\nnav:\n  - index.md\n  - about.md\nnot_in_nav: |\n  /interviews/\n",
        encoding="utf-8")
    (baseline / "docs" / "about.md").write_text(ABOUT, encoding="utf-8")
    (baseline / "docs" / "index.md").write_text(
        f"# Baseline\n\nThe same {n} interview files as the journal, rendered by plain MkDocs "
        "(front-matter as page metadata, no generated pages).\n", encoding="utf-8")

    manifest = {"n": n, "seed": seed, "shape": shape, "accounts": len(heard), "confidential": len(confidential),
                **counts, "files": files}
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


# ---- validation ------------------------------------------------------------------------------

_ATTRIBUTION = re.compile(r"^> (?:—|―|--)\s*(?P<speaker>[^{]*?)\s*(?:\{(?P<attrs>[^}]*)\})?\s*$")
FRONT_MATTER_KEYS = {"date", "customer", "relationship", "people", "interviewers", "channel", "products", "competitors",
                     "tags", "industry", "size", "region", "summary", "clearance", "consent", "expires", "confidential"}


def validate(out_dir: Path) -> list[str]:
    """Independent checks of a generated project: front-matter, speakers, ids, baseline copies."""
    out_dir = Path(out_dir)
    problems: list[str] = []
    ids: dict[str, str] = {}
    shape = SHAPES[json.loads((out_dir / "manifest.json").read_text(encoding="utf-8")).get("shape", "standard")]
    root = out_dir / "journal" / "interviews"
    accounts = yaml.safe_load((root / "accounts.yml").read_text(encoding="utf-8")) or {}
    if not isinstance(accounts, dict):
        problems.append("accounts.yml: not a mapping")
        accounts = {}
    for name, attrs in accounts.items():
        if not isinstance(name, str) or set(attrs) != {"industry", "size", "region"} or not all(isinstance(v, str) for v in attrs.values()):
            problems.append(f"accounts.yml: bad entry {name!r}: {attrs!r}")
    paths = sorted(root.rglob("*.md"))
    clearances = {"internal": 0, "anonymous": 0, "public": 0}
    seen_attributes: dict[str, dict] = {}
    for path in paths:
        rel = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        copy = out_dir / "baseline" / "docs" / "interviews" / rel
        if not copy.is_file() or copy.read_text(encoding="utf-8") != text:
            problems.append(f"{rel}: baseline copy missing or different")
        if not text.startswith("---\n"):
            problems.append(f"{rel}: no front-matter")
            continue
        head, sep, body = text[4:].partition("\n---\n")
        fm = yaml.safe_load(head)
        if not sep or not isinstance(fm, dict):
            problems.append(f"{rel}: front-matter is not a mapping")
            continue
        if set(fm) - FRONT_MATTER_KEYS:
            problems.append(f"{rel}: unknown keys {set(fm) - FRONT_MATTER_KEYS}")
        if shape.attributes_in_notes:
            attributes = {key: fm.get(key) for key in ACCOUNT_ATTRIBUTES}
            if seen_attributes.setdefault(fm.get("customer"), attributes) != attributes or None in attributes.values():
                problems.append(f"{rel}: account attributes missing or unlike the account's other notes")
        elif set(fm) & set(ACCOUNT_ATTRIBUTES):
            problems.append(f"{rel}: account attributes in front-matter")
        if not isinstance(fm.get("date"), dt.date) or not (START_DATE <= fm["date"] < END_DATE):
            problems.append(f"{rel}: bad date {fm.get('date')!r}")
        if fm.get("customer") not in accounts and not shape.attributes_in_notes:
            problems.append(f"{rel}: customer {fm.get('customer')!r} not in accounts.yml")
        if fm.get("relationship") not in RELATIONSHIPS:
            problems.append(f"{rel}: relationship {fm.get('relationship')!r}")
        if fm.get("channel") not in CHANNELS:
            problems.append(f"{rel}: channel {fm.get('channel')!r}")
        people = fm.get("people") or []
        for p in people:
            if set(p) != {"name", "role", "department", "persona", "contact"} or not all(isinstance(v, str) for v in p.values()):
                problems.append(f"{rel}: bad person {p!r}")
        for iv in fm.get("interviewers") or []:
            if not isinstance(iv, dict) or iv.get("team") not in TEAMS or not isinstance(iv.get("name"), str):
                problems.append(f"{rel}: bad interviewer {iv!r}")
        if not shape.tags[0] <= len(fm.get("tags", [])) <= shape.tags[1]:
            problems.append(f"{rel}: {len(fm.get('tags', []))} tags")
        for key, allowed in (("products", PRODUCTS), ("competitors", COMPETITORS), ("tags", TAGS[:shape.vocabulary])):
            if not all(v in allowed for v in fm.get(key, [])):
                problems.append(f"{rel}: {key} {fm.get(key)!r}")
        if not isinstance(fm.get("summary"), str):
            problems.append(f"{rel}: summary is not text")
        names = {p["name"].casefold(): p["name"] for p in people}
        lines = body.split("\n")
        found = 0
        for n, line in enumerate(lines):
            if not line.startswith("> "):
                continue
            last_of_block = n + 1 == len(lines) or not lines[n + 1].startswith(">")
            m = _ATTRIBUTION.match(line)
            if m and not last_of_block:
                problems.append(f"{rel}: attribution not on the last line of its blockquote")
            if not (m and last_of_block):
                continue
            found += 1
            speaker = m.group("speaker")
            if speaker.casefold() not in names:
                problems.append(f"{rel}: speaker {speaker!r} not in people")
            attrs = (m.group("attrs") or "").split()
            ids_here = [a[1:] for a in attrs if a.startswith("#")]
            clearance = next((a for a in attrs if a in clearances), "internal")
            clearances[clearance] += 1
            if clearance != "internal" and not ids_here:
                problems.append(f"{rel}: {clearance} quote without id")
            for qid in ids_here:
                if qid in ids:
                    problems.append(f"{rel}: duplicate id {qid} (also in {ids[qid]})")
                ids[qid] = rel
            if clearance == "anonymous":
                start = n
                while start > 0 and lines[start - 1].startswith(">"):
                    start -= 1
                quote = " ".join(l[2:] for l in lines[start:n]).casefold()
                for leak in (fm["customer"], speaker):
                    if leak.casefold() in quote:
                        problems.append(f"{rel}: anonymous quote names {leak!r}")
        if not shape.quotes[0] <= found <= shape.quotes[1]:
            problems.append(f"{rel}: {found} quotes")
        if not body.rstrip().split("\n")[-1].startswith("- "):
            problems.append(f"{rel}: notes do not end with the follow-ups list")
    total = sum(clearances.values())
    if paths:
        print(f"validated {len(paths)} files, {len(accounts)} accounts, {total} quotes "
              + ", ".join(f"{k} {v / total:.0%}" for k, v in clearances.items())
              + f", {len(ids)} explicit ids", file=sys.stderr)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("-n", type=int, default=200, help="number of interviews (default 200)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--shape", choices=sorted(SHAPES), default="standard", help="how the interviews look (default standard)")
    parser.add_argument("--validate", action="store_true", help="check the generated files afterwards")
    args = parser.parse_args(argv)
    manifest = generate(args.out_dir, args.n, args.seed, args.shape)
    summary = {k: v for k, v in manifest.items() if k != "files"}
    print(json.dumps(summary))
    if args.validate:
        problems = validate(args.out_dir)
        for p in problems[:50]:
            print("problem:", p, file=sys.stderr)
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
