"""Extraction cost against a baseline commit in instructions, which a busy shared machine does not change.

    apt-get install valgrind
    python bench/count_extract.py                          # 300 articles of bench/corpus.py, baseline dcc18c8
    python bench/count_extract.py --articles 500 --baseline HEAD~2

Each tree runs under `valgrind --tool=callgrind` twice, once reading no article and once reading N (after the
same warm-up: dictionaries, gazetteer, one article), and the difference over N is its instructions per article.
Counts repeat to within a few in a million however loaded the machine is, where `bench_extract.py`'s CPU
seconds move by several per cent; each run takes about a minute per 100 articles.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_extract import ROOT, compared_views

CHILD = r"""
import sys
from pathlib import Path
try:
    from dangjian.loaders.load.pipeline import LoadOptions, extract_document
    from dangjian.loaders.read.read import iter_documents
except ImportError:  # a baseline from before loaders/ had subpackages
    from dangjian.loaders.pipeline import LoadOptions, extract_document
    from dangjian.loaders.read import iter_documents
docs = list(iter_documents([Path(sys.argv[1])]))
extract_document(docs[0], LoadOptions())  # dictionaries, gazetteer index and first-call caches, in both runs
for doc in docs[1:1 + int(sys.argv[2])]:
    extract_document(doc, LoadOptions())
"""


def instructions(path_entry: Path, corpus: Path, articles: int, out: Path) -> int:
    done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-c", CHILD,
                           str(corpus), str(articles)], capture_output=True, text=True,
                          env={"PYTHONPATH": str(path_entry), "PATH": "/usr/bin:/bin"})
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"callgrind run failed ({done.returncode}): {done.stderr[-2000:]}")
    return int(found[1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=300, help="articles measured (default 300)")
    ap.add_argument("--baseline", default="dcc18c8", help="the commit to compare with (default dcc18c8)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        sys.path.insert(0, str(ROOT / "bench"))
        from corpus import write_corpus
        corpus = tmp_path / "corpus"
        write_corpus(args.articles + 1, corpus)
        with compared_views(args.baseline, tmp_path) as views:
            per_article = {}
            for name, view in views.items():
                print(f"counting {name} ...", file=sys.stderr)
                idle = instructions(view, corpus, 0, tmp_path / "idle.out")
                busy = instructions(view, corpus, args.articles, tmp_path / "busy.out")
                per_article[name] = (busy - idle) / args.articles
    print("| extractor | articles | million instructions per article |")
    print("|---|---:|---:|")
    for name, count in per_article.items():
        print(f"| {name} | {args.articles} | {count / 1e6:.2f} |")
    base, cur = per_article.values()
    print(f"\ncurrent / baseline, instructions per article: {cur / base:.3f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
