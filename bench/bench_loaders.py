"""Loader throughput and memory: articles/s end to end (read → extract → store) and extraction alone.

    python bench/bench_loaders.py                 # 1k and 10k articles, 1 and 2 jobs
    python bench/bench_loaders.py --sizes 1000 10000 100000

Each measurement runs in a fresh process so that its peak memory (max RSS of the process and its
workers) is its own. Prints a Markdown table on stdout.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _measure(mode: str, corpus: Path, jobs: int, store: Path) -> dict:
    """Run in a child process: load or extract the corpus and report time, articles and peak memory."""
    sys.path.insert(0, str(HERE))
    from dangjian.loaders.load.extract_step import extract_document
    from dangjian.loaders.load.options import LoadOptions
    from dangjian.loaders.load.pipeline import load_articles
    from dangjian.loaders.read.read import iter_documents

    started = time.perf_counter()
    if mode == "extract":
        articles = sum(len(extract_document(doc, LoadOptions())) for doc in iter_documents([corpus]))
    else:
        from dangjian.graph.store.embedded import EmbeddedStore
        s = EmbeddedStore(str(store))
        report = load_articles(s, [corpus], LoadOptions(jobs=jobs, progress=False))
        articles = report.articles
        s.close()
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"mode": mode, "jobs": jobs, "articles": articles, "seconds": seconds, "peak_mb": peak / 1024}


def run_child(mode: str, corpus: Path, jobs: int, store: Path) -> dict:
    out = subprocess.run([sys.executable, "-W", "ignore", __file__, "--child", mode, str(corpus), str(jobs), str(store)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def bench_args(doc: str, sizes: list[int]) -> argparse.Namespace:
    """`--sizes N …`, and the hidden `--child A B C D` a measurement runs under in its own process."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=sizes)
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    parser.add_argument("--baseline", help="a commit to measure in the same run (bench_lean.py)")
    return parser.parse_args()


def main() -> None:
    args = bench_args(__doc__, [1000, 10000])
    if args.child:
        mode, corpus, jobs, store = args.child
        print(json.dumps(_measure(mode, Path(corpus), int(jobs), Path(store))))
        return
    from corpus import write_corpus

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            corpus = Path(tmp) / f"corpus-{size}"
            write_corpus(size, corpus)
            chars = sum(len(json.loads(line)["text"]) for f in corpus.glob("*.jsonl") for line in f.open(encoding="utf-8"))
            rows.append((size, chars / size, run_child("extract", corpus, 1, Path(tmp) / "none")))
            for jobs in (1, 2):
                store = Path(tmp) / f"store-{size}-{jobs}"
                rows.append((size, chars / size, run_child("load", corpus, jobs, store)))
                print(f"{size} articles, load with {jobs} job(s) done", file=sys.stderr)
    print("| articles | chars/article | step | jobs | seconds | articles/s | articles/s per job | peak MB |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|")
    for size, avg, r in rows:
        rate = r["articles"] / r["seconds"]
        step = "extract only" if r["mode"] == "extract" else "read → extract → store"
        print(f"| {size:,} | {avg:,.0f} | {step} | {r['jobs']} | {r['seconds']:.1f} | {rate:,.0f} | "
              f"{rate / r['jobs']:,.0f} | {r['peak_mb']:,.0f} |")


if __name__ == "__main__":
    main()
