"""Extraction speed against a baseline commit, measured in one run: articles per CPU-second and per second.

    python bench/bench_extract.py                          # 2,000 articles of bench/corpus.py, baseline 073bcf2
    python bench/bench_extract.py --articles 5000 --baseline HEAD~3 --repeat 3

The baseline is checked out with `git worktree` into a temporary folder and imported in a child process
of its own, the current tree in another; both read the same corpus (written once) with the gazetteer
index already built. CPU seconds are user + system of the child. Prints a Markdown table on stdout and
the ratio current/baseline; run it on a quiet machine and compare ratios, not absolute figures.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("ontology", "loaders", "graph", "api")

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
try:
    from dangjian.loaders.load.pipeline import LoadOptions, extract_document
    from dangjian.loaders.read.read import iter_documents
    from dangjian.loaders.places.gazetteer import get_gazetteer
    from dangjian.loaders.text.words import words
except ImportError:  # a baseline from before loaders/ had subpackages
    from dangjian.loaders.pipeline import LoadOptions, extract_document
    from dangjian.loaders.read import iter_documents
    from dangjian.loaders.gazetteer import get_gazetteer
    from dangjian.loaders.words import words
get_gazetteer().is_known("苏州市"); words("预热")   # index and dictionary loaded before the clock starts
docs = list(iter_documents([Path(sys.argv[1])]))
before = resource.getrusage(resource.RUSAGE_SELF)
started = time.perf_counter()
n = sum(len(extract_document(d, LoadOptions())) for d in docs)
wall = time.perf_counter() - started
after = resource.getrusage(resource.RUSAGE_SELF)
cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
print(json.dumps({"articles": n, "wall": wall, "cpu": cpu}))
"""


def package_view(tree: Path, into: Path) -> Path:
    """A folder where `import dangjian` finds the tree's top-level folders, as the installed package maps them."""
    pkg = into / "dangjian"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    for folder in FOLDERS:
        (pkg / folder).symlink_to(tree / folder)
    return into


@contextmanager
def compared_views(baseline: str, tmp_path: Path) -> Iterator[dict[str, Path]]:
    """Import folders for the baseline commit (checked out with `git worktree`) and the current tree, by name."""
    base_tree = tmp_path / "base-tree"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(base_tree), baseline],
                   check=True, capture_output=True)
    try:
        yield {"baseline " + baseline: package_view(base_tree, tmp_path / "base-view"),
               "current tree": package_view(ROOT, tmp_path / "current-view")}
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base_tree)], capture_output=True)


def measure(path_entry: Path, corpus: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(corpus)], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(path_entry), "PATH": "/usr/bin:/bin"})
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000, help="corpus size (default 2000)")
    ap.add_argument("--baseline", default="073bcf2", help="the commit to compare with (default 073bcf2)")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each, the best kept (default 2)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        sys.path.insert(0, str(ROOT / "bench"))
        from corpus import write_corpus
        corpus = tmp_path / "corpus"
        write_corpus(args.articles, corpus)
        with compared_views(args.baseline, tmp_path) as views:
            results = {}
            for _ in range(args.repeat):
                for name, view in views.items():
                    print(f"measuring {name} ...", file=sys.stderr)
                    got = measure(view, corpus)
                    if name not in results or got["cpu"] < results[name]["cpu"]:
                        results[name] = got
    print("| extractor | articles | wall s | CPU s | articles/s | articles/CPU-s |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        print(f"| {name} | {r['articles']} | {r['wall']:.1f} | {r['cpu']:.1f} | {r['articles'] / r['wall']:.1f} "
              f"| {r['articles'] / r['cpu']:.1f} |")
    base, cur = results.values()
    print(f"\ncurrent / baseline, articles per CPU-second: {(cur['articles'] / cur['cpu']) / (base['articles'] / base['cpu']):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
