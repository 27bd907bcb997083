"""Browser benchmark: the quotes library and search of a large journal, in headless chromium.

    .venv/bin/python bench/browse.py                           # N = 1000 and 5000
    .venv/bin/python bench/browse.py --sizes 1000 --shape quote-heavy
    .venv/bin/python bench/browse.py --sizes 5000 --workdir /tmp/j --reuse --material

For each N, bench/synth.py writes a synthetic journal (``--shape``), `mkdocs build` builds it
(``--reuse``: a site already built in the work folder is measured as it is), and the built site
is served from this process on 127.0.0.1. Each measurement opens a fresh browser context (an
empty cache) in Playwright with Debian's /usr/bin/chromium. Bytes are counted by the server,
file by file, so requests of Pagefind's web worker count too; times are wall-clock.

  library page        size of /quotes/index.html
  library open        bytes fetched from opening /quotes/ until the network is idle
  quotes shown        from navigation to the first quote card on screen
  first filter        from choosing a tag to the new count, the data chunks fetched meanwhile
  filter              one filter over every quote, the data loaded (median of --runs): a tag, a
                      combination (relationship + clearance + text), a text search
Every time is the median of --repeat fresh page loads (a busy machine makes single times jump).
  deep permalink      /quotes/#<the last quote's id>: to the quote on screen and highlighted
  search              on /about/: from the words typed to the first results shown, and the bytes of
                      the search's files fetched since the page was opened; "pricing", then "pricing"
                      among lost customers
  --material          the same search on the baseline project (plain MkDocs, Material's own search)

Figures go to stdout and to bench/out/browse-<time>.json. tests/browser/test_browse_scale.py
runs it at N = 1000 in the test suite.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable, Iterator

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]
import synth  # noqa: E402
from tests.browser.conftest import headless_chromium as browser  # noqa: E402  (Debian's chromium, as the tests drive it)

TERM = "pricing"
# Files of a search: the journal's Pagefind bundle; Material's index and its worker.
SEARCH_FILES = ("/pagefind/", "/search/", "/assets/javascripts/workers/search")
EPOCH = "1795132800"  # 2026-11-20: synth's dates end on 2026-11-01


class Served:
    """Files served from ``root`` on 127.0.0.1, with the bytes of every file sent since ``reset``."""

    def __init__(self, root: Path):
        self.root = root
        self.sent: list[tuple[str, int]] = []
        served = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
                pass

            def copyfile(self, source, outputfile) -> None:
                super().copyfile(source, outputfile)
                served.sent.append((self.path, source.tell()))  # the whole file was sent

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def reset(self) -> None:
        self.sent = []

    def bytes(self) -> int:
        return sum(size for _, size in self.sent)

    def __enter__(self) -> Served:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


@contextlib.contextmanager
def fresh_page(chromium: Any) -> Iterator[Any]:
    """A page of a new context: nothing cached."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        yield context.new_page()
    finally:
        context.close()


def seconds(since: float) -> float:
    return round(time.perf_counter() - since, 3)


FILTER = """([name, value, runs]) => {
  const form = document.getElementById('journal-quote-filters');
  const list = document.getElementById('journal-quote-list');
  const times = [];
  let shown = 0;
  for (let i = 0; i < runs; i++) {
    form.reset(); list.journalFilter();
    const t0 = performance.now();
    for (const [n, v] of Object.entries(value)) form.elements[n].value = v;
    shown = list.journalFilter();
    document.body.offsetHeight;  // style and layout of the cards drawn
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {shown, median_s: times[runs >> 1] / 1000, max_s: times[runs - 1] / 1000};
}"""


def library(chromium: Any, served: Served, runs: int) -> dict[str, Any]:
    """The library's figures (see the module's docstring)."""
    url = served.url + "quotes/"
    out: dict[str, Any] = {"library_page_bytes": (served.root / "quotes" / "index.html").stat().st_size}
    with fresh_page(chromium) as page:
        served.reset()
        started = time.perf_counter()
        page.goto(url, wait_until="commit")
        page.locator("#journal-quote-list > figure").first.wait_for(state="visible")
        out["quotes_shown_s"] = seconds(started)
        page.wait_for_load_state("networkidle")
        out["library_open_bytes"] = served.bytes()
        out["library_open_requests"] = len(served.sent)
        records = page.evaluate("document.getElementById('journal-quote-list').journalRecords().then(r => r.map(q => "
                                "({id: q.id, rel: q.visit.rel, cl: q.state.cl, tags: q.tags.map(t => t.value)})))")
        out["quotes"] = len(records)
        tag = max({t for r in records for t in r["tags"]}, key=lambda t: (sum(t in r["tags"] for r in records), t))
        rel = "lost-customer" if any(r["rel"] == "lost-customer" for r in records) else records[0]["rel"]
        out["filters"] = {
            "tag": page.evaluate(FILTER, ["tag", {"tag": tag}, runs]),
            "combined": page.evaluate(FILTER, ["combined", {"rel": rel, "cl": "public", "q": "price"}, runs]),
            "text": page.evaluate(FILTER, ["text", {"q": "the overtime number"}, runs]),
        }
        out["last_id"] = records[-1]["id"]
        out["_records"] = records
    with fresh_page(chromium) as page:
        page.goto(url)
        page.locator("#journal-quote-filters").wait_for(state="visible")
        served.reset()
        started = time.perf_counter()
        page.select_option("select[name=tag]", tag)
        page.wait_for_function("document.getElementById('journal-quote-count').textContent.startsWith('Showing')")
        out["first_filter_s"] = seconds(started)
        out["first_filter_bytes"] = served.bytes()
    with fresh_page(chromium) as page:
        served.reset()
        started = time.perf_counter()
        page.goto(url + "#" + out["last_id"], wait_until="commit")
        target = page.locator(f"[id='{out['last_id']}'].journal-quote--linked")
        target.wait_for(state="visible")
        page.wait_for_function("id => { const r = document.getElementById(id).getBoundingClientRect();"
                               " return r.top >= 0 && r.top < innerHeight; }", arg=out["last_id"])
        out["permalink_s"] = seconds(started)
        out["permalink_bytes"] = served.bytes()
    return out


def journal_search(page: Any, term: str, relationship: str | None = None) -> dict[str, Any]:
    """Type ``term`` into the journal's search (search.js) and wait for its results; optionally narrow them."""
    dialog = "[data-journal-search]"
    page.keyboard.press("/")
    started = time.perf_counter()
    page.locator(f"{dialog} .md-search__input").fill(term)
    page.wait_for_function(f"document.querySelector('{dialog}').dataset.term === {json.dumps(term)}", timeout=120_000)
    out = {"first_result_s": seconds(started), "results": page.locator(f"{dialog} .md-search-result__meta").inner_text()}
    if relationship:
        page.locator(f"{dialog} select[data-filter=relationship]").wait_for()
        started = time.perf_counter()
        page.locator(f"{dialog} select[data-filter=relationship]").select_option(relationship)
        page.wait_for_function(f"document.querySelector('{dialog}').dataset.term === {json.dumps(term)}")
        out.update(filtered_s=seconds(started), filtered=page.locator(f"{dialog} .md-search-result__meta").inner_text())
    return out


def material_search(page: Any, term: str) -> dict[str, Any]:
    """Material's own search box: its worker fetches search_index.json whole before the first result."""
    page.keyboard.press("/")
    started = time.perf_counter()
    page.locator(".md-search__input").press_sequentially(term)
    page.locator(".md-search-result__item").first.wait_for(timeout=180_000)
    return {"first_result_s": seconds(started), "results": page.locator(".md-search-result__meta").inner_text()}


def search(chromium: Any, served: Served, run: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
    """``run`` a search on /about/ once its page has loaded; the bytes of every search file fetched since
    the page was opened (Material's search fetches its index when a page loads, Pagefind when searching)."""
    with fresh_page(chromium) as page:
        served.reset()
        page.goto(served.url + "about/")
        page.wait_for_load_state("networkidle")
        out = run(page)
        files = [(path, size) for path, size in served.sent if path.startswith(SEARCH_FILES)]
        out["bytes"] = sum(size for _, size in files)
        out["requests"] = len(files)
    return out


def build(project: Path, reuse: bool) -> float | None:
    """`mkdocs build` of ``project`` (wall seconds), unless ``reuse`` finds its site built."""
    if reuse and (project / "site" / "index.html").is_file():
        return None
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed in {project}:\n{result.stderr[-2000:]}")
    return seconds(started)


def median_of(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The first run's figures with every time (a key ending in ``_s``) the median of all runs,
    and the runs' times beside it (``<key>_runs``): a busy machine makes single times jump."""
    out = dict(runs[0])
    for key, value in runs[0].items():
        if isinstance(value, dict):
            out[key] = median_of([r[key] for r in runs])
        elif key.endswith("_s") and isinstance(value, float):
            out[key] = statistics.median(r[key] for r in runs)
            out[key + "_runs"] = [r[key] for r in runs]
    return out


def measure_site(site: Path, runs: int = 5, repeat: int = 3, chromium: Any = None) -> dict[str, Any]:
    """Every figure of a built journal site (the library, then the search), each time the median of
    ``repeat``; in ``chromium`` (a Playwright browser), else in one of its own."""
    if chromium is None:
        with browser() as own:
            return measure_site(site, runs, repeat, own)
    with Served(site) as served:
        figures = []
        for _ in range(repeat):
            out = library(chromium, served, runs)
            out["search"] = search(chromium, served, lambda page: journal_search(page, TERM, "lost customer"))
            figures.append(out)
    return median_of(figures)


def bench_size(n: int, shape: str, workdir: Path, reuse: bool, runs: int, repeat: int, material: bool) -> dict[str, Any]:
    out_dir = workdir / f"{shape}-{n}"
    if not (reuse and (out_dir / "manifest.json").is_file()):
        synth.generate(out_dir, n, shape=shape)
    manifest = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    result: dict[str, Any] = {"n": n, "shape": shape, "quotes_written": manifest["quotes"]}
    result["journal_build_s"] = build(out_dir / "journal", reuse)
    result.update(measure_site(out_dir / "journal" / "site", runs, repeat))
    result.pop("_records", None)
    if material:
        result["baseline_build_s"] = build(out_dir / "baseline", reuse)
        with Served(out_dir / "baseline" / "site") as served, browser() as chromium:
            result["material_search"] = median_of([search(chromium, served, lambda page: material_search(page, TERM))
                                                   for _ in range(repeat)])
    return result


def report(r: dict[str, Any]) -> str:
    mb = lambda b: f"{b / 1e6:.2f} MB"  # noqa: E731
    f = r["filters"]
    lines = [
        f"N = {r['n']} ({r['shape']}), {r['quotes']:,} quotes",
        f"  library page {mb(r['library_page_bytes'])}; open {mb(r['library_open_bytes'])} in {r['library_open_requests']} requests;"
        f" quotes shown in {r['quotes_shown_s']:.2f} s",
        f"  first filter (chunks fetched) {r['first_filter_s']:.2f} s, {mb(r['first_filter_bytes'])};"
        f" filter over every quote: tag {f['tag']['median_s']:.3f} s ({f['tag']['shown']:,}),"
        f" combined {f['combined']['median_s']:.3f} s ({f['combined']['shown']:,}), text {f['text']['median_s']:.3f} s ({f['text']['shown']:,})",
        f"  deep permalink #{r['last_id']}: {r['permalink_s']:.2f} s, {mb(r['permalink_bytes'])}",
        f"  search '{TERM}': first results in {r['search']['first_result_s']:.2f} s, {mb(r['search']['bytes'])}"
        f" in {r['search']['requests']} requests ({r['search']['results']}); among lost customers {r['search']['filtered_s']:.2f} s ({r['search']['filtered']})",
    ]
    if "material_search" in r:
        m = r["material_search"]
        lines.append(f"  Material's search (baseline project): first results in {m['first_result_s']:.2f} s, {mb(m['bytes'])} ({m['results']})")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--shape", choices=sorted(synth.SHAPES), default="standard")
    parser.add_argument("--workdir", type=Path, default=HERE / "out" / "browse")
    parser.add_argument("--reuse", action="store_true", help="measure journals and sites already in --workdir")
    parser.add_argument("--runs", type=int, default=5, help="filters timed per figure (the median)")
    parser.add_argument("--repeat", type=int, default=3, help="page loads and searches per figure (the median)")
    parser.add_argument("--material", action="store_true", help="also Material's search on the baseline project")
    args = parser.parse_args()
    results = []
    for n in (int(s) for s in args.sizes.split(",")):
        results.append(bench_size(n, args.shape, args.workdir, args.reuse, args.runs, args.repeat, args.material))
        print(report(results[-1]), flush=True)
    out = HERE / "out" / f"browse-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"load": os.getloadavg(), "results": results}, indent=1), encoding="utf-8")
    print(f"load average {os.getloadavg()[0]:.1f}; figures in {out}")


if __name__ == "__main__":
    main()
