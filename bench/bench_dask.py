"""One corpus loaded locally, on a Dask LocalCluster of two workers, and into Virtuoso; sizes and lookups after.

    python bench/corpus.py 1000 /tmp/corpus-1k
    python bench/bench_dask.py /tmp/corpus-1k --virtuoso          # starts a throw-away Virtuoso on loopback
    python bench/bench_dask.py /tmp/corpus-1k --server http://127.0.0.1:8890

Each load is `dangjian load` in a fresh process into an empty store, one after the other in one run. CPU
seconds are the load's own and its children's (the workers of local:2), and apart the server's or the
workers' of a cluster started before the load. Then: what
the corpus became (quads, N-Quads bytes, store bytes per article), and 1- and 2-hop neighbourhoods (what the
API's /entities/…/neighbourhood runs) timed on the embedded store and the server, for the figures in
docs/SCALE.md.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

from dangjian.graph.lookup.neighbourhood import neighbourhood
from dangjian.graph.store import open_store

DANGJIAN = str(Path(sys.executable).parent / "dangjian")
ROOT = Path(__file__).resolve().parents[1]
TICKS = os.sysconf("SC_CLK_TCK")


def process_cpu(pid: int) -> float:
    """CPU seconds a running process has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], others: list[int]) -> dict:
    """Wall seconds, CPU seconds of the command and its children, of the other processes (a server, workers
    started here), and its stderr."""
    cpu, other, started = children_cpu(), sum(map(process_cpu, others)), time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return {"seconds": time.perf_counter() - started, "cpu": children_cpu() - cpu,
            "server_cpu": sum(map(process_cpu, others)) - other, "stderr": done.stderr}


def load(corpus: Path, store: str, *extra: str, others: tuple[int, ...] = ()) -> dict:
    run = timed([DANGJIAN, "load", str(corpus), "--no-progress", "--store", store, *extra], list(others))
    summary = next(line for line in run["stderr"].splitlines() if "article(s) loaded" in line)
    return {**run, "articles": int(summary.split()[0])}


def extraction_only(corpus: Path) -> dict:
    """`dangjian extract` over every file: the extractor's own CPU, no store."""
    cpu, started = children_cpu(), time.perf_counter()
    for path in sorted(p for p in corpus.rglob("*") if p.is_file()):
        subprocess.run([DANGJIAN, "extract", str(path)], capture_output=True, check=True)
    return {"seconds": time.perf_counter() - started, "cpu": children_cpu() - cpu}


def on_running_cluster(corpus: Path, store: str) -> dict:
    """`--scheduler tcp://…` to a LocalCluster of two workers started here: the load's CPU is the writer's
    alone, the workers' is counted apart (the "server" column)."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address="127.0.0.1:0") as cluster, \
            Client(cluster) as client:
        workers = tuple(client.run(os.getpid).values())
        return load(corpus, store, "--scheduler", cluster.scheduler_address, others=workers)


@contextmanager
def throwaway_virtuoso(location: Path):
    """A Virtuoso on free loopback ports with its own database, as the tests start one; yields (url, pid)."""
    spec = importlib.util.spec_from_file_location("bench_conftest", ROOT / "tests" / "conftest.py")
    conftest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conftest)
    with conftest.virtuoso("virtuoso-t", location) as url:
        yield url, _pid_of(str(location / "virtuoso.ini"))


def _pid_of(argument: str) -> int | None:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if argument in (entry / "cmdline").read_bytes().decode(errors="replace"):
                    return int(entry.name)
            except OSError:
                continue
    return None


def size_of(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


ENTITIES = """PREFIX dj: <https://w3id.org/dangjian/ontology#>
SELECT ?e (COUNT(*) AS ?degree) WHERE { GRAPH ?g { { ?e ?p ?o } UNION { ?o ?p ?e } } ?e a ?class
  FILTER(?class IN (dj:Person, dj:Community, dj:Street, dj:PartyOrganization, dj:Organization, dj:City)) }
GROUP BY ?e"""


def lookups(store, sample: int = 40, seed: int = 3) -> dict:
    """1- and 2-hop neighbourhoods of `sample` random entities and of the one with most statements: ms."""
    rows = [(str(r["e"].value), int(r["degree"].value)) for r in store.query(ENTITIES)]
    rows.sort(key=lambda r: (-r[1], r[0]))
    picked = [rows[0][0], *random.Random(seed).sample([r[0] for r in rows], min(sample, len(rows)))]
    out = {"entities": len(rows), "hub_degree": rows[0][1]}
    for hops in (1, 2):
        times = []
        for iri in picked:
            started = time.perf_counter()
            found = neighbourhood(store, iri, hops=hops)
            times.append((time.perf_counter() - started) * 1000)
            if iri == picked[0]:
                out[f"rows{hops}"] = scanned(store, [n["iri"] for n in found["nodes"] if n["hop"] < hops])
        out[hops] = (statistics.median(times[1:]), times[0])
    return out


def scanned(store, frontier: list[str]) -> int:
    """How many quads touch these nodes: the rows a neighbourhood step reads before its ORDER BY … LIMIT."""
    values = " ".join(f"<{iri}>" for iri in frontier)
    query = (f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?x {{ {values} }} "
             f"{{ GRAPH ?g {{ ?x ?p ?o }} }} UNION {{ GRAPH ?g {{ ?s ?p ?x }} }} }}")
    return int(next(iter(store.query(query)))["n"].value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--virtuoso", action="store_true", help="start a throw-away Virtuoso (virtuoso-t)")
    parser.add_argument("--server", help="a running Virtuoso's URL instead (its CPU is not counted)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        tmp = Path(tmp)
        url, pid = args.server, None
        if args.virtuoso:
            (tmp / "virtuoso").mkdir()
            url, pid = stack.enter_context(throwaway_virtuoso(tmp / "virtuoso"))
        rows = [("local, 1 process", load(args.corpus, str(tmp / "local"))),
                ("local, --jobs 2", load(args.corpus, str(tmp / "jobs"), "--jobs", "2")),
                ("Dask, --scheduler local:2", load(args.corpus, str(tmp / "dask"), "--scheduler", "local:2")),
                ("Dask, 2 workers already running", on_running_cluster(args.corpus, str(tmp / "dask-tcp")))]
        empty = size_of(tmp / "virtuoso") if pid is not None else 0
        if url:
            rows.append(("Virtuoso, 1 process", load(args.corpus, url, others=(pid,) if pid else ())))
        report(rows, extraction_only(args.corpus))
        sizes(args.corpus, tmp, url, size_of(tmp / "virtuoso") - empty if pid is not None else None)


def report(rows: list[tuple[str, dict]], extract: dict) -> None:
    base = rows[0][1]["articles"] / rows[0][1]["seconds"]
    print("| load | articles | seconds | articles/s | against local | CPU s (load + workers) | server or worker CPU s |"
          " CPU ms/article |\n|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in rows:
        rate = r["articles"] / r["seconds"]
        cpu = r["cpu"] + r["server_cpu"]
        print(f"| {name} | {r['articles']:,} | {r['seconds']:.1f} | {rate:.1f} | {rate / base:.2f}× | "
              f"{r['cpu']:.1f} | {r['server_cpu']:.1f} | {1000 * cpu / r['articles']:.0f} |")
    n = rows[0][1]["articles"]
    print(f"\nextraction alone (`dangjian extract`, no store): {extract['cpu']:.1f} CPU s, "
          f"{1000 * extract['cpu'] / n:.0f} ms/article\n")


def sizes(corpus: Path, tmp: Path, url: str | None, virtuoso_growth: int | None) -> None:
    local = tmp / "local"
    subprocess.run([DANGJIAN, "export", "--format", "nquads", "-o", str(tmp / "all.nq"), "--store", str(local)],
                   check=True, capture_output=True)
    store = open_store(str(local), read_only=True)
    quads, articles = store.count(), sum(1 for _ in store.query(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?g), '/graph/article/')) }"))
    text = sum(size_of(p) for p in corpus.rglob("*") if p.is_file())
    print(f"articles {articles:,}; quads {quads:,} ({quads / articles:.0f}/article); corpus {text / articles:,.0f} "
          f"bytes/article; N-Quads {size_of(tmp / 'all.nq') / articles:,.0f} bytes/article; embedded store "
          f"{size_of(local) / articles:,.0f} bytes/article", end="")
    if virtuoso_growth is not None:
        print(f"; Virtuoso database grew {virtuoso_growth / articles:,.0f} bytes/article", end="")
    print("\n\n| store | entities | quads of the hub | 1-hop median / hub ms | 2-hop median / hub ms |"
          " quads the hub's 2-hop steps read |"
          "\n|---|---:|---:|---:|---:|---:|")
    stores = [("embedded", store)] + ([("Virtuoso", open_store(url))] if url else [])
    for name, opened in stores:
        found = lookups(opened)
        print(f"| {name} | {found['entities']:,} | {found['hub_degree']:,} | {found[1][0]:.1f} / {found[1][1]:.1f} | "
              f"{found[2][0]:.1f} / {found[2][1]:.1f} | {found['rows2']:,} |")
        opened.close()


if __name__ == "__main__":
    main()
