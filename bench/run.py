"""Performance benchmark of the journal plugin against plain MkDocs.

    .venv/bin/python bench/run.py                 # every shape (PLAN): a quarter of an hour
    .venv/bin/python bench/run.py --quick         # standard shape, N = 200
    .venv/bin/python bench/run.py --shapes everyday --sizes 5000 --skip-serve

For each shape and N, bench/synth.py writes a synthetic journal and a baseline (the same
interview files as plain MkDocs pages) into one temporary directory, then this
script measures, in the same run and on the same files:

  1. baseline `mkdocs build` (wall seconds)
  2. journal `mkdocs build` (wall seconds)
  3. `journal check` of the whole journal (wall seconds), twice: with nothing parsed before (the
     first check of a fresh clone), then again (the target: a check before a push, where the
     parse cache of the last check, build or server has every note but the edited ones)
  4. peak RSS of each of those (the largest single process, via getrusage(RUSAGE_CHILDREN))
  5. where the journal build's time went (the plugin's timings line at `mkdocs build -v`)
  6. edit-to-update during `make serve`'s `mkdocs serve --dirty`: append a marker to an interview,
     poll its page; once right after the first build (while the server indexes the site for
     search in the background), and again once that index is done (the target); also the pages
     that rebuild wrote and skipped (the plugin's log line)
  7. size of both built sites
  8. quote cards: the journal builds with a card cache kept across runs (bench/out/cache, the
     synthetic journal being the same for the same N and seed); a build that had to draw cards
     (the plugin logs "drew N quote cards") is reported as the cold build, then built again warm

Every measurement runs in its own child process; a failure prints "n/a" with the
last line of the error and the benchmark goes on. Results are also written as JSON
to bench/out/ (git-ignored). Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import synth  # noqa: E402

# What `make bench` measures: every shape of synth.py at 5,000 interviews, the standard one at
# 1,000 too (growth), the everyday one at 20,000 (a journal after years).
PLAN = [("standard", 1000), ("standard", 5000), ("quote-heavy", 5000), ("everyday", 5000), ("everyday", 20000)]
TARGETS = {
    "ratio_5000": 1.15,  # journal build / baseline build at N=5000
    "growth": {(1000, 5000): 5.5, (5000, 20000): 4.6},  # journal build at the larger N / at the smaller, same shape
    "check": 2.0,  # seconds, at N=5000
    "rss": {5000: 500.0, 20000: 1500.0},  # MB, at N up to the key
    "edit": 2.0,  # seconds
}


def rss_target(n: int) -> float:
    return next(limit for size, limit in sorted(TARGETS["rss"].items()) if n <= size or size == max(TARGETS["rss"]))
SERVE_START_TIMEOUT = 900.0  # first build of `mkdocs serve` (seconds)
EDIT_TIMEOUT = 120.0
POLL = 0.1
KEEP = False  # set from --keep / --workdir

# Runs one command and reports its wall time and the peak RSS of the largest process it waited for.
WRAPPER = r"""
import json, resource, subprocess, sys, time
out, cmd = sys.argv[1], sys.argv[2:]
t0 = time.perf_counter()
rc = subprocess.call(cmd)
wall = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(out, "w") as f:
    json.dump({"rc": rc, "wall": wall, "maxrss_kb": ru.ru_maxrss, "cpu": ru.ru_utime + ru.ru_stime}, f)
"""
REBUILT = re.compile(r"journal: rebuilt (\d+) pages, skipped (\d+) unchanged pages")
INDEXED = re.compile(r"journal: search index of \d+ pages updated")
DREW = re.compile(r"journal: drew (\d+) quote cards")
CARD_CACHE = HERE / "out" / "cache"  # kept across runs (bench/out is git-ignored); --cold-cards empties it
TIMINGS = re.compile(r"journal: timings: (.*); total ([\d.]+) s")  # the plugin's line at `mkdocs build -v`
# Steps of that line that are not the generator's own work in the MkDocs process before the hand-off.
OTHER_STEPS = {"MkDocs (pages and theme)", "MkDocs rendering interview pages", "MkDocs waiting for interview pages", "search index after the last page"}
STEP = re.compile(r"([^,]+?) ([\d.]+) s(?:, |$)")


class Failed(Exception):
    """A measurement that could not be taken; str() is the line to show."""


def last_line(text: str) -> str:
    lines = [l.strip() for l in text.strip().splitlines() if l.strip()]
    return lines[-1][:160] if lines else "(no output)"


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    env.update(extra)
    return env


def measure(cmd: list[str], cwd: Path, log: Path, env: dict[str, str], ok_codes=(0,)) -> dict:
    """Run ``cmd`` in a fresh wrapper process; return rc, wall, rss_mb, cpu, stdout, stderr."""
    result_file = log.with_suffix(".json")
    result_file.unlink(missing_ok=True)
    with open(log.with_suffix(".out"), "w") as out, open(log.with_suffix(".err"), "w") as err:
        subprocess.run([sys.executable, "-c", WRAPPER, str(result_file), *cmd], cwd=cwd, env=env,
                       stdout=out, stderr=err, stdin=subprocess.DEVNULL, timeout=3600)
    stdout = log.with_suffix(".out").read_text(errors="replace")
    stderr = log.with_suffix(".err").read_text(errors="replace")
    if not result_file.exists():
        raise Failed(f"wrapper failed: {last_line(stderr)}")
    res = json.loads(result_file.read_text())
    res.update(stdout=stdout, stderr=stderr, rss_mb=res["maxrss_kb"] / 1024)
    if res["rc"] not in ok_codes:
        raise Failed(f"exit {res['rc']}: {last_line(stderr or stdout)}")
    return res


def serve_args() -> list[str]:
    """`make serve`'s mkdocs arguments (SERVE_CMD in the Makefile), so the benchmark times what users run."""
    makefile = (HERE.parent / "Makefile").read_text(encoding="utf-8")
    found = re.search(r"^SERVE_CMD\s*:?=\s*(.+)$", makefile, re.M)
    return found.group(1).split() if found else ["serve"]


def mkdocs_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *args]


def check_cmd() -> list[str]:
    """The installed `journal` command, as users run it; else the module."""
    script = Path(sys.executable).with_name("journal")
    if script.exists():
        return [str(script), "check"]
    try:
        if importlib.util.find_spec("generator.adapters.cli.app") is not None:
            return [sys.executable, "-m", "generator.adapters.cli.app", "check"]
    except (ImportError, ValueError):
        pass
    raise Failed("neither the journal script nor generator.adapters.cli.app is installed")


def run_check(journal: Path, log: Path) -> dict:
    """`journal check`: exit 1 means "the journal has errors" only when it printed its summary line.
    It finds the cards and the parses the builds keep in CARD_CACHE, as a team's check finds its builds'."""
    res = measure(check_cmd(), journal, log, child_env(JOURNAL_CACHE_DIR=str(CARD_CACHE)), ok_codes=(0, 1))
    if res["rc"] == 1 and not re.search(r"\d+ interviews? checked", res["stderr"]):
        raise Failed(f"exit 1: {last_line(res['stderr'] or res['stdout'])}")
    return res


def disk_usage_mb(path: Path) -> float:
    """Like `du -s`: allocated blocks of every file under ``path``."""
    if not path.is_dir():
        raise Failed(f"{path} was not built")
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_blocks * 512
            except OSError:
                pass
    return total / 1e6


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 10.0) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (urllib.error.URLError, OSError, TimeoutError):
        return 0, ""


def edit_to_update(project: Path, rel: str, log: Path) -> tuple[float, float]:
    """Start `mkdocs serve`, append a marker to interviews/<rel>, time until its page shows it: once
    just after the first build (the server is still indexing the site for search, in the
    background), and again once that index is done (an idle server, as an editing marketer has it)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/interviews/{rel[:-3]}/"
    with open(log, "w") as out:
        proc = subprocess.Popen(mkdocs_cmd(*serve_args(), "-a", f"127.0.0.1:{port}"), cwd=project,
                                env=child_env(JOURNAL_CACHE_DIR=str(CARD_CACHE)),
                                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + SERVE_START_TIMEOUT
        while True:
            check_running(proc, log)
            status, _ = fetch(url, timeout=5)
            if status == 200:
                break
            if time.monotonic() > deadline:
                raise Failed(f"page {url} not served within {SERVE_START_TIMEOUT:.0f} s (last status {status})")
            time.sleep(0.5)
        time.sleep(1.0)  # let the watcher settle after the first build
        first = edit_and_wait(proc, project / "interviews" / rel, url, log, rebuilds=2)
        wait_for_log(proc, log, INDEXED, 2, SERVE_START_TIMEOUT)  # the first build's index and the edit's
        return first, edit_and_wait(proc, project / "interviews" / rel, url, log, rebuilds=3)
    finally:
        stop(proc)


def check_running(proc: subprocess.Popen, log: Path) -> None:
    if proc.poll() is not None:
        raise Failed(f"serve exited with {proc.returncode}: {last_line(log.read_text(errors='replace'))}")


def wait_for_log(proc: subprocess.Popen, log: Path, pattern: re.Pattern, count: int, timeout: float) -> None:
    """Until the server's log has ``count`` lines matching ``pattern``."""
    deadline = time.monotonic() + timeout
    while len(pattern.findall(log.read_text(errors="replace"))) < count:
        check_running(proc, log)
        if time.monotonic() > deadline:
            raise Failed(f"the server did not log {pattern.pattern!r} {count} times within {timeout:.0f} s")
        time.sleep(POLL)


def edit_and_wait(proc: subprocess.Popen, path: Path, url: str, log: Path, rebuilds: int) -> float:
    """Append a marker to ``path``; seconds until ``url`` shows it (then until the plugin logged the
    rebuild, the ``rebuilds``-th build of the server, so that the log says what it wrote)."""
    marker = f"Benchmark marker {uuid.uuid4().hex[:12]} reached the page."
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"\n\n{marker}\n")
    edited = time.monotonic()
    while time.monotonic() - edited < EDIT_TIMEOUT:
        status, body = fetch(url, timeout=10)
        if status == 200 and marker in body:
            elapsed = time.monotonic() - edited
            try:
                wait_for_log(proc, log, REBUILT, rebuilds, 5)
            except Failed:
                pass
            return elapsed
        check_running(proc, log)
        time.sleep(POLL)
    raise Failed(f"marker not on the page after {EDIT_TIMEOUT:.0f} s: {last_line(log.read_text(errors='replace'))}")


def stop(proc: subprocess.Popen) -> None:
    """Terminate the server's process group (it was started in its own session)."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=15)
    except ProcessLookupError:
        pass


def attempt(results: dict, key: str, func, *args):
    """Run one measurement; on failure store the message and return None."""
    try:
        value = func(*args)
        results[key] = value
        return value
    except Failed as exc:
        results[key + "_error"] = str(exc)
    except Exception as exc:  # noqa: BLE001 - a benchmark goes on after any failure
        results[key + "_error"] = f"{type(exc).__name__}: {last_line(str(exc))}"
    return None


def best_of(repeat: int, func, *args) -> dict:
    """Median wall time over ``repeat`` runs (other fields from the median run)."""
    runs = [func(*args) for _ in range(repeat)]
    runs.sort(key=lambda r: r["wall"])
    chosen = runs[len(runs) // 2]
    chosen["walls"] = [round(r["wall"], 3) for r in runs]
    return chosen


def bench_size(shape: str, n: int, args, workdir: Path) -> dict:
    res: dict = {"n": n}
    out = workdir / f"{shape}-{n}"
    if out.exists():
        shutil.rmtree(out)
    logs = out / "logs"
    t0 = time.perf_counter()
    manifest = synth.generate(out, n, args.seed, shape)
    res["generate_s"] = time.perf_counter() - t0
    logs.mkdir(parents=True, exist_ok=True)
    res.update({k: manifest[k] for k in ("accounts", "confidential", "quotes", "internal", "anonymous", "public")})
    print(f"\n{shape}, N = {n}: generated {n} interviews, {manifest['accounts']} accounts, {manifest['quotes']} quotes "
          f"in {res['generate_s']:.1f} s ({out})", flush=True)

    baseline, journal = out / "baseline", out / "journal"

    def build(project: Path, name: str, env: dict | None = None) -> dict:
        def once() -> dict:
            return measure(mkdocs_cmd("build", "-v"), project, logs / name, env or child_env())
        return best_of(args.repeat, once)

    def journal_build(project: Path, name: str, env: dict) -> dict:
        """The journal build with its cards cached; a first build that drew cards is kept aside as the cold one."""
        first = measure(mkdocs_cmd("build", "-v"), project, logs / f"{name}-first", env)
        drew = DREW.search(first["stderr"])
        if drew:
            res.update(cards_drawn=int(drew.group(1)), cards_cold_s=first["wall"], cards_cold_cpu_s=first["cpu"])
            print(f"  (that build drew {drew.group(1)} quote cards: {first['wall']:.1f} s, {first['cpu']:.1f} s CPU; again, warm ...)",
                  flush=True)
        return build(project, name, env) if drew or args.repeat > 1 else {**first, "walls": [first["wall"]]}

    print("  baseline build ...", flush=True)
    b = attempt(res, "baseline", build, baseline, "baseline")
    for old in CARD_CACHE.glob("parsed-*.pickle"):  # an earlier run's parses of the same files
        old.unlink()
    print("  journal check, nothing parsed before ...", flush=True)
    c0 = attempt(res, "check_first", run_check, journal, logs / "check-first")
    print("  journal check, again ...", flush=True)
    c = attempt(res, "check", run_check, journal, logs / "check")
    print("  journal build ...", flush=True)
    j = attempt(res, "journal", journal_build, journal, "journal", child_env(JOURNAL_CACHE_DIR=str(CARD_CACHE)))

    summary: dict = {"shape": shape, "n": n, **{k: res[k] for k in ("accounts", "confidential", "quotes", "generate_s")},
                     **{k: res[k] for k in ("cards_drawn", "cards_cold_s", "cards_cold_cpu_s") if k in res}}
    for key in ("baseline", "journal", "check"):
        if key + "_error" in res:
            summary[key + "_error"] = res[key + "_error"]
    if b:
        summary.update(baseline_s=b["wall"], baseline_walls=b["walls"], baseline_rss_mb=b["rss_mb"], baseline_cpu_s=b["cpu"])
        attempt(summary, "baseline_site_mb", disk_usage_mb, baseline / "site")
    if j:
        summary.update(journal_s=j["wall"], journal_walls=j["walls"], journal_rss_mb=j["rss_mb"], journal_cpu_s=j["cpu"])
        m = TIMINGS.search(j["stderr"])
        if m:
            steps = {name: float(seconds) for name, seconds in STEP.findall(m.group(1))}
            summary.update(timings=m.group(1), generator_s=sum(
                v for k, v in steps.items() if k not in OTHER_STEPS and not k.startswith("worker:")))
        attempt(summary, "journal_site_mb", disk_usage_mb, journal / "site")
    if b and j:
        summary["ratio"] = j["wall"] / b["wall"]
    if c0:
        summary["check_first_s"] = c0["wall"]
    if c:
        summary.update(check_s=c["wall"], check_rss_mb=c["rss_mb"], check_rc=c["rc"],
                       check_problems=len([l for l in c["stdout"].splitlines() if re.search(r": (error|warning): ", l)]),
                       check_summary=last_line(c["stderr"]))

    if args.skip_serve:
        summary["edit_error"] = "skipped (--skip-serve)"
    elif not j:
        summary["edit_error"] = "skipped: the journal build failed"
    else:
        target = next(f for f in reversed(sorted(manifest["files"], key=lambda f: f["date"])) if not f["confidential"])
        summary["edit_page"] = f"/interviews/{target['rel'][:-3]}/"
        print(f"  mkdocs serve, edit {target['rel']} ...", flush=True)
        attempt(summary, "edit_both", edit_to_update, journal, target["rel"], logs / "serve.log")
        if "edit_both_error" in summary:
            summary["edit_error"] = summary.pop("edit_both_error")
        else:
            summary["edit_first_s"], summary["edit_s"] = summary.pop("edit_both")
        rebuilt = REBUILT.findall((logs / "serve.log").read_text(errors="replace")) if (logs / "serve.log").exists() else []
        if "edit_s" in summary and len(rebuilt) > 1:  # the first build, then the edit's
            summary.update(edit_pages_rebuilt=int(rebuilt[-1][0]), edit_pages_skipped=int(rebuilt[-1][1]))
    summary["logs"] = str(logs)
    return summary


# ---- report ----------------------------------------------------------------------------------

def fmt(value, spec: str = ".2f") -> str:
    return "n/a" if value is None else format(value, spec)


def verdict(value, limit) -> str:
    if value is None or limit is None:
        return ""
    return "ok" if value <= limit else "OVER"


def print_table(s: dict) -> None:
    n = s["n"]
    na = lambda key: f"n/a ({s[key]})" if key in s else "n/a"  # noqa: E731
    rows = [
        # label, baseline, journal, target text, value checked, limit
        ("build wall (s)", fmt(s.get("baseline_s")) if "baseline_s" in s else na("baseline_error"),
         fmt(s.get("journal_s")) if "journal_s" in s else na("journal_error"), "", None, None),
        ("build CPU user+sys (s)", fmt(s.get("baseline_cpu_s")), fmt(s.get("journal_cpu_s")), "(all processes)",
         None, None),
        ("ratio journal/baseline", "", fmt(s.get("ratio")), "<= 1.15 at N=5000",
         s.get("ratio"), TARGETS["ratio_5000"] if n == 5000 else None),
        ("journal check (s)", "", fmt(s.get("check_s")) if "check_s" in s else na("check_error"), "<= 2 s at N=5000",
         s.get("check_s"), TARGETS["check"] if n == 5000 else None),
        ("  nothing parsed before", "", fmt(s.get("check_first_s")) if "check_first_s" in s else "n/a",
         "(a fresh clone)", None, None),
        ("peak RSS (MB)", fmt(s.get("baseline_rss_mb"), ".0f"), fmt(s.get("journal_rss_mb"), ".0f"),
         f"<= {rss_target(n):.0f} MB", s.get("journal_rss_mb"), rss_target(n)),
        ("generator share (s)", "",
         f"{s['generator_s']:.2f} before the hand-off" if "generator_s" in s else "n/a",
         "", None, None),
        ("edit-to-update (s)", "", fmt(s.get("edit_s")) if "edit_s" in s else na("edit_error"), "<= 2 s, server idle",
         s.get("edit_s"), TARGETS["edit"]),
        ("  first edit after start", "", fmt(s.get("edit_first_s")) if "edit_first_s" in s else "n/a",
         "(search still indexing)", None, None),
        ("pages the edit rebuilt", "", f"{s['edit_pages_rebuilt']} (skipped {s['edit_pages_skipped']})"
         if "edit_pages_rebuilt" in s else "n/a", "", None, None),
        ("site size (MB)", fmt(s.get("baseline_site_mb"), ".1f"), fmt(s.get("journal_site_mb"), ".1f"), "", None, None),
        ("cold cards build (s)", "", f"{s['cards_cold_s']:.2f} ({s['cards_cold_cpu_s']:.1f} CPU, {s['cards_drawn']} cards drawn)"
         if "cards_drawn" in s else "none: every card was cached", "", None, None),
    ]
    print(f"\n== {s['shape']}, N = {n} ({s['accounts']} accounts, {s['quotes']} quotes, {s['confidential']} confidential files) ==")
    print(f"{'metric':<24} {'baseline':>10}  {'journal':<28} {'target':<20} status")
    for label, base, jour, target, value, limit in rows:
        print(f"{label:<24} {base:>10}  {jour:<28} {target:<20} {verdict(value, limit)}")
    if s.get("timings"):
        print(f"  journal timings: {s['timings']}")
    if s.get("check_summary"):
        print(f"  check said: {s['check_summary']}")
    if len(s.get("journal_walls", [])) > 1:
        print(f"  runs: baseline {s['baseline_walls']}, journal {s['journal_walls']} (median shown)")
    print(f"  logs: {s['logs']}" + ("" if KEEP else " (deleted at the end; --keep keeps them)"))


def growths(summaries: list[dict]) -> list[dict]:
    """Print how each shape's build time grew between the sizes TARGETS["growth"] names."""
    found = []
    by_run = {(s["shape"], s["n"]): s for s in summaries}
    for (small, large), limit in TARGETS["growth"].items():
        for shape in dict.fromkeys(s["shape"] for s in summaries):
            a, b = by_run.get((shape, small), {}), by_run.get((shape, large), {})
            if not (a and b):
                continue
            ratio = lambda key: b[key] / a[key] if a.get(key) and b.get(key) else None  # noqa: E731
            growth, base_growth = ratio("journal_s"), ratio("baseline_s")
            print(f"\n{shape}: growth journal({large})/journal({small}): {fmt(growth)}   target <= {limit}   "
                  f"{verdict(growth, limit)}   (baseline growth {fmt(base_growth)})")
            found.append({"shape": shape, "from": small, "to": large, "growth": growth, "baseline_growth": base_growth})
    return found


def project_commit() -> str:
    """The commit of the project under test (read-only git query; "unknown" without git)."""
    try:
        out = subprocess.run(["git", "-C", str(HERE.parent), "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, timeout=10)
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the journal plugin against plain MkDocs.")
    parser.add_argument("--quick", action="store_true", help="only the standard shape at N=200 (a smoke run)")
    parser.add_argument("--up-to", type=int, metavar="N", help="only the plan's journals of at most N interviews")
    parser.add_argument("--shapes", help=f"comma-separated shapes of bench/synth.py ({', '.join(synth.SHAPES)})")
    parser.add_argument("--sizes", help="comma-separated Ns (with --shapes: each shape at each N)")
    parser.add_argument("--skip-serve", action="store_true", help="skip the mkdocs serve edit-to-update measurement")
    parser.add_argument("--repeat", type=int, default=1, help="builds per project; the median is reported (default 1)")
    parser.add_argument("--seed", type=int, default=synth.SEED)
    parser.add_argument("--workdir", type=Path, help="where to generate (default: a new temporary directory)")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects and logs")
    parser.add_argument("--cold-cards", action="store_true", help=f"empty the card cache ({CARD_CACHE}) first: time drawing every card")
    args = parser.parse_args(argv)

    if args.quick:
        plan = [("standard", 200)]
    elif args.shapes or args.sizes:
        shapes = [x.strip() for x in (args.shapes or "standard").split(",") if x.strip()]
        unknown = sorted(set(shapes) - set(synth.SHAPES))
        if unknown:
            parser.error(f"unknown shape {', '.join(unknown)}: one of {', '.join(synth.SHAPES)}")
        plan = [(shape, int(x)) for shape in shapes for x in (args.sizes or "5000").split(",") if x.strip()]
    else:
        plan = [(shape, n) for shape, n in PLAN if args.up_to is None or n <= args.up_to]
    global KEEP
    KEEP = bool(args.keep or args.workdir)
    if args.cold_cards:
        shutil.rmtree(CARD_CACHE, ignore_errors=True)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="journal-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    commit = project_commit()
    print(f"journal benchmark: {', '.join(f'{shape} {n}' for shape, n in plan)}, commit {commit}, python {sys.version.split()[0]}, {os.cpu_count()} cores, "
          f"workdir {workdir}", flush=True)

    summaries = []
    try:
        for shape, n in plan:
            s = bench_size(shape, n, args, workdir)
            summaries.append(s)
            print_table(s)
    finally:
        if not KEEP:
            shutil.rmtree(workdir, ignore_errors=True)
            for s in summaries:
                s["logs"] += " (removed)"

    summaries += growths(summaries)

    outdir = HERE / "out"
    outdir.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    report = {"when": stamp, "commit": commit, "python": sys.version.split()[0], "cores": os.cpu_count(), "plan": plan,
              "targets": {**TARGETS, "growth": [[*sizes, limit] for sizes, limit in TARGETS["growth"].items()]}, "results": summaries}
    (outdir / f"results-{stamp}.json").write_text(json.dumps(report, indent=1))
    print(f"\nresults: {outdir / f'results-{stamp}.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
