"""The lean graph's figures on `corpus.py`, ratios measured in one run (issue 9).

    python bench/bench_lean.py                    # 1,000 and 2,000 articles
    python bench/bench_lean.py --sizes 1000 4000

Per size, each step in a fresh process (its own peak memory): load with 1 job, the same load again
(unchanged), load with 2 jobs into another store, pyoxigraph's bulk_load of the first store's N-Quads
into an empty store, and (up to 1,000 articles) `dangjian validate`'s SHACL check of the store. Prints quads per article, store bytes per input byte, CPU and wall seconds, the
ratios the issue asks for, and the rows of the `dangjian query --help` community query with and
without DISTINCT.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _peak_mb() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return (own.ru_maxrss + kids.ru_maxrss) / 1024


def _child(step: str, corpus: Path, store: Path, jobs: int) -> dict:
    import pyoxigraph as ox

    from dangjian.graph.embedded import EmbeddedStore
    from dangjian.loaders.pipeline import LoadOptions, load_articles
    wall, cpu = time.perf_counter(), _cpu()
    out: dict = {}
    if step == "load":
        s = EmbeddedStore(str(store))
        report = load_articles(s, sorted(corpus.glob("*.jsonl")), LoadOptions(jobs=jobs, progress=False))
        out = {"articles": report.articles, "unchanged": report.unchanged, "quads": s.count()}
        s.close()
    elif step == "validate":
        from dangjian.graph.validate import validate_store
        s = EmbeddedStore(str(store), read_only=True)
        out = {"conforms": validate_store(s).conforms}
        s.close()
    elif step == "bulk":  # the reference: bulk_load of the N-Quads the load produced
        source = ox.Store.read_only(str(store))
        data = ox.serialize(source, format=ox.RdfFormat.N_QUADS)
        wall, cpu = time.perf_counter(), _cpu()
        target = ox.Store(str(store) + "-bulk")
        target.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        target.flush()
        out = {"bytes": len(data)}
    return {**out, "wall": time.perf_counter() - wall, "cpu": _cpu() - cpu, "peak_mb": _peak_mb()}


def run(step: str, corpus: Path, store: Path, jobs: int = 1) -> dict:
    done = subprocess.run([sys.executable, "-W", "ignore", __file__, "--child", step, str(corpus), str(store), str(jobs)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _community_rows(store: Path) -> tuple[int, int]:
    import pyoxigraph as ox
    s = ox.Store.read_only(str(store))
    q = "SELECT {} ?c ?name WHERE {{ ?c a <https://w3id.org/dangjian/ontology#Community> ; " \
        "<http://www.w3.org/2000/01/rdf-schema#label> ?name }}"
    return tuple(len(list(s.query(q.format(d), use_default_graph_as_union=True))) for d in ("", "DISTINCT"))


def measure(size: int, tmp: Path) -> dict:
    from corpus import write_corpus
    corpus = tmp / f"corpus-{size}"
    write_corpus(size, corpus)
    text_bytes = sum(len(json.loads(line)["text"].encode()) for f in corpus.glob("*.jsonl")
                     for line in f.open(encoding="utf-8"))
    one, two = tmp / f"store-{size}-1", tmp / f"store-{size}-2"
    first = run("load", corpus, one, 1)
    again = run("load", corpus, one, 1)
    jobs2 = run("load", corpus, two, 2)
    bulk = run("bulk", corpus, one)
    valid = run("validate", corpus, one) if size <= 1000 else None
    rows = _community_rows(one)
    return {"size": size, "text_bytes": text_bytes, "store_bytes": _size(one), "first": first, "again": again,
            "jobs2": jobs2, "bulk": bulk, "validate": valid, "community_rows": rows}


def report(results: list[dict]) -> str:
    lines = ["| articles | quads/article | store ÷ text bytes | load wall s (CPU s) | articles per CPU-s | "
             "bulk_load wall s | load ÷ bulk_load speed | reload ÷ first | jobs 2 speed-up | peak MB | "
             "community rows (DISTINCT) |", "|" + "---:|" * 11]
    for r in results:
        f = r["first"]
        lines.append(
            f"| {r['size']:,} | {f['quads'] / r['size']:.0f} | {r['store_bytes'] / r['text_bytes']:.1f} | "
            f"{f['wall']:.1f} ({f['cpu']:.1f}) | {r['size'] / f['cpu']:.0f} | {r['bulk']['wall']:.2f} | "
            f"{r['bulk']['wall'] / f['wall']:.2f} | {r['again']['wall'] / f['wall']:.3f} | "
            f"{f['wall'] / r['jobs2']['wall']:.2f} | {f['peak_mb']:.0f} | "
            f"{r['community_rows'][0]:,} ({r['community_rows'][1]:,}) |")
    for r in results:
        if r["validate"]:
            lines.append(f"\n`dangjian validate` on {r['size']:,} articles: {r['validate']['wall']:.1f} s wall "
                         f"({r['validate']['cpu']:.1f} s CPU)")
    if len(results) > 1:
        a, b = results[0], results[-1]
        lines.append(f"\n{b['size']:,} ÷ {a['size']:,} articles: wall {b['first']['wall'] / a['first']['wall']:.2f}×, "
                     f"CPU {b['first']['cpu'] / a['first']['cpu']:.2f}×, peak memory "
                     f"{b['first']['peak_mb'] / a['first']['peak_mb']:.2f}×")
    return "\n".join(lines)


def main() -> None:
    sys.path.insert(0, str(HERE))
    from bench_loaders import bench_args
    args = bench_args(__doc__, [1000, 2000])
    if args.child:
        step, corpus, store, jobs = args.child
        print(json.dumps(_child(step, Path(corpus), Path(store), int(jobs))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        results = []
        for size in args.sizes:
            results.append(measure(size, Path(tmp)))
            print(json.dumps(results[-1]), file=sys.stderr)
    print(report(results))


if __name__ == "__main__":
    main()
