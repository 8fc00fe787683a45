"""The lean graph's figures on `corpus.py`, ratios measured in one run (issue 9).

    python bench/bench_lean.py                    # 1,000 and 2,000 articles
    python bench/bench_lean.py --sizes 1000 4000 --baseline 2f85322

Per size, each step in a fresh process (its own peak memory): extraction alone (segmenting and
`extract_articles`, text to facts, no RDF), load with 1 job, the same load again (unchanged), load
with 2 jobs into another store, pyoxigraph's bulk_load of the first store's N-Quads into an empty
store, and (up to 1,000 articles) `dangjian validate`'s SHACL check of the store. With `--baseline`,
the same steps run on that commit too (checked out with `git worktree`, imported in its own child
processes), in the same run. Prints quads per article, store bytes per input byte, CPU and wall
seconds, the ratios the issue asks for, and the rows of the `dangjian query --help` community query
with and without DISTINCT. The load path's own cost is the load's CPU less extraction's: that is
what is compared with bulk_load's CPU ("write path ÷ bulk_load").
"""
from __future__ import annotations

import json
import os
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

    from dangjian.graph.store.embedded import EmbeddedStore
    from dangjian.loaders.load.pipeline import LoadOptions, load_articles
    wall, cpu = time.perf_counter(), _cpu()
    out: dict = {}
    if step == "extract":  # text to facts only: what the load path does before any RDF
        from dangjian.loaders.extract.extract import extract_articles
        from dangjian.loaders.load.pipeline import identify
        from dangjian.loaders.read.read import iter_documents
        options, n = LoadOptions(), 0
        for doc in iter_documents(sorted(corpus.glob("*.jsonl"))):
            articles, ids = identify(doc, options)
            n += len(extract_articles(articles, date=doc.date, scope_of=lambda a: ids[id(a)][0])[0])
        out = {"articles": n}
    elif step == "load":
        s = EmbeddedStore(str(store))
        report = load_articles(s, sorted(corpus.glob("*.jsonl")), LoadOptions(jobs=jobs, progress=False))
        out = {"articles": report.articles, "unchanged": report.unchanged, "quads": s.count()}
        s.close()
    elif step == "validate":
        from dangjian.graph.dataset.validate import validate_store
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


def run(step: str, corpus: Path, store: Path, jobs: int = 1, view: Path | None = None) -> dict:
    """One step in a child process; `view` makes it import another tree's `dangjian` (the baseline)."""
    env = {**os.environ, "PYTHONPATH": str(view)} if view else None
    done = subprocess.run([sys.executable, "-W", "ignore", __file__, "--child", step, str(corpus), str(store), str(jobs)],
                          capture_output=True, text=True, check=True, env=env)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _community_rows(store: Path) -> tuple[int, int]:
    import pyoxigraph as ox
    s = ox.Store.read_only(str(store))
    q = "SELECT {} ?c ?name WHERE {{ ?c a <https://w3id.org/dangjian/ontology#Community> ; " \
        "<http://www.w3.org/2000/01/rdf-schema#label> ?name }}"
    return tuple(len(list(s.query(q.format(d), use_default_graph_as_union=True))) for d in ("", "DISTINCT"))


def measure(size: int, tmp: Path, name: str = "current", view: Path | None = None) -> dict:
    from corpus import write_corpus
    corpus = tmp / f"corpus-{size}"
    if not corpus.exists():
        write_corpus(size, corpus)
    text_bytes = sum(len(json.loads(line)["text"].encode()) for f in corpus.glob("*.jsonl")
                     for line in f.open(encoding="utf-8"))
    one, two = tmp / f"store-{name}-{size}-1", tmp / f"store-{name}-{size}-2"
    extract = run("extract", corpus, one, 1, view)
    first = run("load", corpus, one, 1, view)
    again = run("load", corpus, one, 1, view)
    jobs2 = run("load", corpus, two, 2, view)
    bulk = run("bulk", corpus, one, 1, view)
    valid = run("validate", corpus, one, 1, view) if size <= 1000 else None
    rows = _community_rows(one)
    return {"name": name, "size": size, "text_bytes": text_bytes, "store_bytes": _size(one), "extract": extract,
            "first": first, "again": again, "jobs2": jobs2, "bulk": bulk, "validate": valid, "community_rows": rows}


def report(results: list[dict]) -> str:
    lines = ["| tree | articles | quads/article | store ÷ text bytes | load wall s (CPU s) | articles per CPU-s | "
             "extraction CPU s | bulk_load wall s (CPU s) | load ÷ bulk_load speed | write path ÷ bulk_load CPU | "
             "reload ÷ first | jobs 2 speed-up (CPU s) | peak MB | community rows (DISTINCT) |", "|---|" + "---:|" * 13]
    for r in results:
        f, b, x = r["first"], r["bulk"], r["extract"]
        write = f["cpu"] - x["cpu"]
        lines.append(
            f"| {r['name']} | {r['size']:,} | {f['quads'] / r['size']:.0f} | {r['store_bytes'] / r['text_bytes']:.1f} | "
            f"{f['wall']:.1f} ({f['cpu']:.1f}) | {r['size'] / f['cpu']:.0f} | {x['cpu']:.1f} | "
            f"{b['wall']:.2f} ({b['cpu']:.2f}) | {b['wall'] / f['wall']:.2f} | {b['cpu'] / write:.2f} | "
            f"{r['again']['wall'] / f['wall']:.3f} | {f['wall'] / r['jobs2']['wall']:.2f} ({r['jobs2']['cpu']:.1f}) | "
            f"{f['peak_mb']:.0f} | {r['community_rows'][0]:,} ({r['community_rows'][1]:,}) |")
    for r in results:
        if r["validate"]:
            lines.append(f"\n{r['name']}: `dangjian validate` on {r['size']:,} articles: {r['validate']['wall']:.1f} s "
                         f"wall ({r['validate']['cpu']:.1f} s CPU)")
    for name in dict.fromkeys(r["name"] for r in results):
        mine = [r for r in results if r["name"] == name]
        if len(mine) > 1:
            a, b = mine[0], mine[-1]
            lines.append(f"\n{name}: {b['size']:,} ÷ {a['size']:,} articles: wall "
                         f"{b['first']['wall'] / a['first']['wall']:.2f}×, CPU {b['first']['cpu'] / a['first']['cpu']:.2f}×, "
                         f"peak memory {b['first']['peak_mb'] / a['first']['peak_mb']:.2f}×")
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
        tmp_path, results = Path(tmp), []
        trees = {"current": None}
        if args.baseline:
            from bench_extract import package_view
            base_tree = tmp_path / "base-tree"
            subprocess.run(["git", "-C", str(HERE.parent), "worktree", "add", "--detach", str(base_tree),
                            args.baseline], check=True, capture_output=True)
            trees = {f"baseline {args.baseline}": package_view(base_tree, tmp_path / "base-view"),
                     "current": package_view(HERE.parent, tmp_path / "current-view")}
        try:
            for size in args.sizes:
                for name, view in trees.items():
                    results.append(measure(size, tmp_path, name, view))
                    print(json.dumps(results[-1]), file=sys.stderr)
        finally:
            if args.baseline:
                subprocess.run(["git", "-C", str(HERE.parent), "worktree", "remove", "--force", str(base_tree)],
                               capture_output=True)
    print(report(results))


if __name__ == "__main__":
    main()
