"""Soak test of `dangjian serve`: many clients for a while on the neighbourhood route and /sparql, on loopback.

    python bench/soak.py                                  # 32 clients, 60 s, a synthetic graph of 200k triples
    python bench/soak.py --clients 8 --seconds 10 --triples 50000 --data /tmp/soak   # a quick look

Each client sends one request after another, alternating a random entity's neighbourhood
(/api/entities/{id}/neighbourhood, 1 or 2 hops) and that entity's 1-hop neighbourhood as a SPARQL
query (GET /sparql). Reported: requests, errors (transport failures and non-2xx answers), p50 and
p99 latency per route, and the server's resident memory (its process and every child: uvicorn
workers, query workers) after warming up and at the end. Progress goes to stderr, the table to stdout.
The run is bounded by --seconds and stops by itself; it talks only to 127.0.0.1.
"""
from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx

from bench_api import BIN, ID, build_data, free_port, one_hop_sparql, running, say, targets


def tree_rss(pid: int) -> dict[str, int]:
    """Resident bytes of a process and of its descendants by kind (server, query workers, writer), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found: dict[str, int] = {}
    todo = [pid]
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, []))
        try:
            status = Path(f"/proc/{current}/status").read_text()
            command = Path(f"/proc/{current}/cmdline").read_bytes()
        except OSError:
            continue
        kind = "query workers" if b"query_worker" in command else "writer" if b"update_worker" in command else "server"
        if "VmRSS:" in status:
            found[kind] = found.get(kind, 0) + int(status.split("VmRSS:")[1].split()[0]) * 1024
    return found


def paths(entities: list[str], rng: random.Random) -> tuple[str, str]:
    """One neighbourhood path and one /sparql path for a random entity."""
    entity = rng.choice(entities)
    local = quote(entity.removeprefix(ID), safe="/")
    return (f"/api/entities/{local}/neighbourhood?hops={rng.choice((1, 2))}",
            "/sparql?" + urlencode({"query": one_hop_sparql(entity), "format": "json"}))


async def client(http: httpx.AsyncClient, entities: list[str], seed: int, deadline: float,
                 seen: dict[str, list[float]], errors: dict[str, list[str]]) -> None:
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        for route, path in zip(("neighbourhood", "sparql"), paths(entities, rng)):
            started = time.monotonic()
            try:
                response = await http.get(path)
                failed = None if response.is_success else f"{response.status_code} {response.text[:120]}"
            except httpx.HTTPError as error:
                failed = f"{type(error).__name__}: {error}"
            (errors[route].append(failed) if failed else seen[route].append(time.monotonic() - started))


async def soak(base: str, entities: list[str], clients: int, seconds: float) -> tuple[dict, dict]:
    seen: dict[str, list[float]] = {"neighbourhood": [], "sparql": []}
    errors: dict[str, list[str]] = {"neighbourhood": [], "sparql": []}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
        deadline = time.monotonic() + seconds
        await asyncio.gather(*(client(http, entities, n, deadline, seen, errors) for n in range(clients)))
    return seen, errors


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(share * len(ordered)), len(ordered) - 1)] * 1000 if ordered else float("nan")


def _mib(value: int) -> str:
    return f"{value / 2**20:,.0f} MiB"


def report(seen: dict, errors: dict, before: dict[str, int], after: dict[str, int], args: argparse.Namespace) -> str:
    lines = [f"{args.clients} clients for {args.seconds:g} s against `dangjian serve --workers {args.workers}` on a "
             f"synthetic graph of about {args.triples:,} triples.", "",
             "| route | requests | errors | requests/s | p50 ms | p99 ms |", "|---|---|---|---|---|---|"]
    for route in seen:
        done = len(seen[route]) + len(errors[route])
        lines.append(f"| {route} | {done:,} | {len(errors[route])} | {done / args.seconds:,.0f} | "
                     f"{percentile(seen[route], 0.5):.1f} | {percentile(seen[route], 0.99):.1f} |")
    start, end = sum(before.values()), sum(after.values())
    parts = ", ".join(f"{kind} {_mib(before.get(kind, 0))} → {_mib(after.get(kind, 0))}" for kind in sorted(after))
    lines += ["", f"server memory (resident, all its processes): {_mib(start)} after warming up, {_mib(end)} at "
                  f"the end ({(end - start) / start * 100:+.1f} %; {parts})"]
    for route, failures in errors.items():
        for failure in sorted(set(failures))[:5]:
            lines.append(f"- {route} error: {failure}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=32, help="concurrent clients (default 32)")
    parser.add_argument("--seconds", type=float, default=60, help="how long the soak lasts (default 60)")
    parser.add_argument("--triples", type=int, default=200_000, help="size of the synthetic graph (default 200,000)")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn workers of the server (default 1)")
    parser.add_argument("--warmup", type=float, default=20, help="seconds of the same load before measuring (default 20)")
    parser.add_argument("--data", type=Path, help="keep the generated data here and reuse it next time")
    args = parser.parse_args()
    folder = args.data or Path(tempfile.mkdtemp(prefix="dangjian-soak-"))
    folder.mkdir(parents=True, exist_ok=True)
    _, _, store = build_data(args.triples, folder)
    entities, _ = targets(store, 2000)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with running([str(BIN / "dangjian"), "serve", "--store", str(store), "--port", str(port),
                  "--workers", str(args.workers)], f"{base}/-/health") as server:
        say("warming up (search index, query workers, caches)")
        asyncio.run(soak(base, entities, args.clients, min(args.warmup, args.seconds)))
        time.sleep(2)
        before = tree_rss(server.pid)
        say(f"soaking: {args.clients} clients for {args.seconds:g} s")
        seen, errors = asyncio.run(soak(base, entities, args.clients, args.seconds))
        time.sleep(2)
        after = tree_rss(server.pid)
    print(report(seen, errors, before, after, args))
    return 1 if any(errors.values()) or sum(after.values()) > sum(before.values()) * 1.1 else 0


if __name__ == "__main__":
    sys.exit(main())
