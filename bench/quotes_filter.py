"""Benchmark of the quotes library with 20,000 quotes: build time, page size, filter latency.

Writes a synthetic journal (5,000 interviews x 4 quotes) to bench/out/quotes-20k/, builds the
library page with the real generator and templates, and times the client-side filters in
headless Debian chromium via Playwright.

    .venv/bin/python bench/quotes_filter.py [--interviews 5000] [--quotes-per-interview 4]
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import random
import shutil
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.core.config import JournalConfig  # noqa: E402
from generator.core.load import load_journal  # noqa: E402
from generator.site.pages import quotes as quotes_pages  # noqa: E402
from generator.resources import TEMPLATES_DIR  # noqa: E402
from generator.site.render import Renderer  # noqa: E402
from generator.site.context import Site  # noqa: E402

OUT = REPO / "bench" / "out" / "quotes-20k"
WORDS = ("alert dispatch onboarding pricing renewal carriers routing invoices outage support training mobile "
         "integration reporting latency dashboard migration contract security audit").split()
TAGS = ["alert fatigue", "onboarding", "pricing", "renewal", "integrations", "reporting", "security", "mobile"]
INDUSTRIES = ["Logistics", "Health Care", "Insurance", "Retail", "SaaS", "Manufacturing", "Public Sector", "Energy"]
ROLES = ["VP Operations", "Head of IT", "CFO", "Dispatcher", "Fleet Manager", "CTO", "Support Lead", None]
DEPARTMENTS = ["Operations", "IT", "Finance", "Support", "Engineering"]
PERSONAS = ["economic-buyer", "technical-evaluator", "end-user", "champion"]
RELATIONSHIPS = ["customer", "prospect", "lost-customer", "competitor-customer"]
CLEARANCES = ["internal", "internal", "anonymous", "public"]


def write_journal(root: Path, interviews: int, per: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    folder = root / "interviews"
    if root.exists():
        shutil.rmtree(root)
    folder.mkdir(parents=True)
    accounts = [f"Account {n:04d}" for n in range(interviews // 5 or 1)]
    lines = []
    for name in accounts:
        lines += [f"{name}:", f"  industry: {rng.choice(INDUSTRIES)}"]
    (folder / "accounts.yml").write_text("\n".join(lines) + "\n")
    start = dt.date(2022, 1, 1)
    for n in range(interviews):
        role = rng.choice(ROLES)
        person = f"{{name: Person {n}, department: {rng.choice(DEPARTMENTS)}, persona: {rng.choice(PERSONAS)}" + (f", role: {role}}}" if role else "}")
        body = []
        for k in range(per):
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30))).capitalize() + "."
            attrs = f"#q{n}-{k} {rng.choice(CLEARANCES)} tags=\"{rng.choice(TAGS)}\""
            if rng.random() < 0.05:
                attrs += " expires=2026-01-01"
            body.append(f"> {text}\n> — Person {n} {{{attrs}}}\n")
        (folder / f"i{n:05d}.md").write_text(
            f"---\ndate: {start + dt.timedelta(days=n % 1500)}\ncustomer: {rng.choice(accounts)}\n"
            f"relationship: {rng.choice(RELATIONSHIPS)}\npeople:\n  - {person}\nchannel: call\n"
            f"tags: [{rng.choice(TAGS)}]\n---\nNotes.\n\n" + "\n".join(body))


def build_page(root: Path) -> tuple[Path, dict[str, float]]:
    t0 = time.perf_counter()
    journal, problems = load_journal(root, JournalConfig(), today=dt.date(2026, 11, 20))
    assert not problems.errors, [p.format() for p in problems.errors[:5]]
    t1 = time.perf_counter()
    pages = {p.path: p for p in quotes_pages.build(Site(journal, Renderer()))}
    t2 = time.perf_counter()
    site = root / "site"
    (site / "quotes").mkdir(parents=True, exist_ok=True)
    (site / "assets" / "journal").mkdir(parents=True, exist_ok=True)
    for name in ("journal.css", "quotes.css", "quotes.js"):
        shutil.copy(TEMPLATES_DIR / "assets" / name, site / "assets" / "journal" / name)
    html = pages["quotes/index.md"].html
    (site / "quotes" / "index.html").write_text(
        "<!doctype html><meta charset=utf-8><title>Quotes</title>"
        '<link rel=stylesheet href="../assets/journal/journal.css"><link rel=stylesheet href="../assets/journal/quotes.css">'
        f'<body><article class="md-typeset">{html}</article></body>', encoding="utf-8")
    return site, {"quotes": len(journal.quotes), "load_s": t1 - t0, "library_build_s": t2 - t1,
                  "html_mb": len(html.encode()) / 1e6}


MEASURE = """async ([steps, runs]) => {
  const form = document.getElementById('journal-quote-filters');
  const list = document.getElementById('journal-quote-list');
  const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const out = {};
  for (const [label, name, value] of steps) {
    const times = [], painted = [];
    for (let i = 0; i < runs; i++) {
      form.reset(); list.journalFilter(); await frame();
      const el = form.elements[name];
      const t0 = performance.now();
      if (el.type === 'checkbox') el.checked = true; else el.value = value;
      const shown = list.journalFilter();
      document.body.offsetHeight;  // force style and layout
      const t1 = performance.now();
      await frame();
      times.push(t1 - t0); painted.push(performance.now() - t0);
      out[label] = {shown};
    }
    times.sort((a, b) => a - b); painted.sort((a, b) => a - b);
    Object.assign(out[label], {median_ms: times[runs >> 1], max_ms: times[runs - 1], painted_median_ms: painted[runs >> 1]});
  }
  return out;
}"""


def measure(site: Path, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"])
            try:
                page = browser.new_page(viewport={"width": 1280, "height": 1000})
                t0 = time.perf_counter()
                page.goto(f"http://127.0.0.1:{server.server_address[1]}/quotes/", wait_until="load", timeout=120_000)
                page.wait_for_function("document.getElementById('journal-quote-filters').hidden === false")
                loaded = time.perf_counter() - t0
                steps = [["text search (first)", "q", "dashboard"],
                         ["text search, two words", "q", "renewal outage"],
                         ["tag", "tag", "pricing"], ["clearance", "cl", "public"],
                         ["cleared for external use only", "cleared", ""], ["date from", "from", "2025-06-01"]]
                page.wait_for_timeout(1000)  # the search index is built when the page is idle
                first = page.evaluate(MEASURE, [steps[:1], 1])
                rest = page.evaluate(MEASURE, [steps[1:], runs])
                return {"page_load_s": loaded, **first, **rest}
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=5000)
    parser.add_argument("--quotes-per-interview", type=int, default=4)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    write_journal(OUT, args.interviews, args.quotes_per_interview)
    site, stats = build_page(OUT)
    print(f"{stats['quotes']} quotes: load {stats['load_s']:.2f}s, library page built in {stats['library_build_s']:.2f}s, "
          f"{stats['html_mb']:.1f} MB of HTML")
    result = measure(site, args.runs)
    print(f"page load in chromium: {result.pop('page_load_s'):.2f}s")
    for label, r in result.items():
        print(f"  {label:40s} {r['shown']:6d} shown  filter+layout median {r['median_ms']:6.1f} ms "
              f"(max {r['max_ms']:6.1f})  to next paint {r['painted_median_ms']:6.1f} ms")


if __name__ == "__main__":
    main()
