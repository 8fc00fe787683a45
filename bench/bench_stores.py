"""Loading one corpus into each kind of store: the embedded store, and each SPARQL server given.

    python bench/corpus.py 1000 /tmp/corpus-1k
    python bench/bench_stores.py /tmp/corpus-1k --server http://127.0.0.1:7878 --server http://127.0.0.1:8890

Each load is `dangjian load` in a fresh process, one after the other, into an empty store (a server's
project graphs are dropped first). Prints a Markdown table with each load's speed against the embedded one.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dangjian.graph.store.remote import RemoteStore

DANGJIAN = str(Path(sys.executable).parent / "dangjian")


def emptied(url: str) -> str:
    """The server's engine name, after dropping the project's graphs."""
    with RemoteStore.from_url(url) as store:
        graphs = store.graphs()
        for i in range(0, len(graphs), 200):
            store.update(" ; ".join(f"DROP SILENT GRAPH <{g}>" for g in graphs[i:i + 200]))
        return store.engine.name


def timed_load(corpus: Path, store: str) -> tuple[float, int]:
    """Seconds for `dangjian load`, and the number of articles it reported."""
    started = time.perf_counter()
    done = subprocess.run([DANGJIAN, "load", str(corpus), "--no-progress", "--store", store],
                          capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - started
    loaded = next(line for line in done.stderr.splitlines() if "article(s) loaded" in line)
    return seconds, int(loaded.split()[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--server", action="append", default=[], help="a SPARQL server's URL (repeatable)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = [("embedded", *timed_load(args.corpus, str(Path(tmp) / "store")))]
    for url in args.server:
        rows.append((emptied(url), *timed_load(args.corpus, url)))
    base = rows[0][2] / rows[0][1]
    print("| store | articles | seconds | articles/s | against embedded |\n|---|---:|---:|---:|---:|")
    for name, seconds, articles in rows:
        print(f"| {name} | {articles:,} | {seconds:.1f} | {articles / seconds:.0f} | {articles / seconds / base:.2f}× |")


if __name__ == "__main__":
    main()
