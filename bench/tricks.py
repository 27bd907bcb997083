"""Do the performance tricks earn their keep? Each one switched off in turn, on the same journal.

    .venv/bin/python bench/tricks.py [-n 5000] [--shape everyday] [--repeat 2]

The tricks (each documented where it lives, listed in bench/README.md):

- fork workers: interview pages rendered by a forked worker while MkDocs works
  (adapters/mkdocs/parallel.py), and notes parsed on both cores (core/workers.split_across_cores);
- gc pause: no cyclic garbage collection while a journal loads, and what it loaded frozen
  (core/workers.gc_paused);
- malloc_trim and a single arena: glibc's allocator made to give freed memory back, and to keep
  threads' allocations in one arena (adapters/mkdocs/heap.py);
- nav cache: the theme's navigation rendered once per place for the pages outside it
  (adapters/mkdocs/navcache.py);
- parse cache: the notes parsed by the last run are read back, and only changed files parsed
  (core/parsecache.py);
- compressed page bodies: long generated pages (account, segment pages) held compressed until
  MkDocs asks for them (site/page.py, BIG_HTML).

Each variant runs `mkdocs build` and `journal check` in a child process with the trick patched out,
and prints wall time, CPU and peak RSS against the build with every trick. Builds find the notes
parsed by the warm-up build (the parse cache); `check` parses every note (the parse cache off, so
that the tricks of parsing show), and `check again` is the check with the parse cache.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import run  # noqa: E402
import synth  # noqa: E402

BUILD = "import sys; from mkdocs.__main__ import cli; sys.argv = ['mkdocs', 'build']; cli()"
CHECK = "import sys; from generator.adapters.cli.app import run; sys.argv = ['journal', 'check']; run()"
# name: (code run before the command, environment, which commands it concerns)
VARIANTS = {
    "every trick": ("", {}, ("build", "check", "check again")),
    "no fork workers": ("", {"JOURNAL_PARALLEL_MIN": str(10**9)}, ("build", "check")),
    "no gc pause": ("import contextlib, generator.core.load as m; m.gc_paused = contextlib.nullcontext", {},
                    ("build", "check")),
    "no malloc_trim": ("import generator.adapters.mkdocs.heap as m; m.trim = lambda: None", {}, ("build",)),
    "no single arena": ("import generator.adapters.mkdocs.heap as m; m.one_arena = lambda: None", {}, ("build",)),
    "no nav cache": ("import generator.adapters.mkdocs.plugin as m; m.cache_outside_pages = lambda *a: False", {},
                     ("build",)),
    "no parse cache": ("", {"JOURNAL_PARSE_CACHE": "off"}, ("build",)),
    "no compression": ("import generator.site.page as m; m.BIG_HTML = 10**12", {}, ("build",)),
}


def command(name: str, what: str) -> list[str]:
    patch, _, _ = VARIANTS[name]
    body = BUILD if what == "build" else CHECK
    return [sys.executable, "-c", f"{patch}\n{body}" if patch else body]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=5000)
    parser.add_argument("--shape", choices=sorted(synth.SHAPES), default="everyday")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each; the median is shown (default 2)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="journal-tricks-") as tmp:
        out = Path(tmp)
        synth.generate(out, args.n, shape=args.shape)
        journal, logs = out / "journal", out / "logs"
        logs.mkdir()
        cache = {"JOURNAL_CACHE_DIR": str(run.CARD_CACHE)}  # quote cards drawn once, as in run.py
        run.measure(command("every trick", "build"), journal, logs / "warm-up", run.child_env(**cache))
        print(f"{args.shape}, N = {args.n}, median of {args.repeat} (after a build that drew the quote cards)")
        print(f"{'variant':<18} {'what':<11} {'wall (s)':>9} {'CPU (s)':>9} {'peak RSS (MB)':>14}")
        for name, (_, env, concerns) in VARIANTS.items():
            for what in concerns:
                runs = []
                for k in range(args.repeat):
                    shutil.rmtree(journal / "site", ignore_errors=True)  # each build writes a new site, as the first does
                    cold = {"JOURNAL_PARSE_CACHE": "off"} if what == "check" else {}
                    runs.append(run.measure(command(name, what), journal, logs / f"{what.replace(' ', '-')}-{k}",
                                            run.child_env(**env, **cache, **cold)))
                print(f"{name:<18} {what:<11} {statistics.median(r['wall'] for r in runs):>9.2f} "
                      f"{statistics.median(r['cpu'] for r in runs):>9.2f} "
                      f"{statistics.median(r['rss_mb'] for r in runs):>14.0f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
