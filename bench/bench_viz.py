"""Benchmark of the graph page and analytics on a synthetic graph (default about 1M triples).

Measures: projecting the store into networkx; the analytics; building the page for 100, 500 and
2,000 nodes; the time until the layout is stable in headless Chromium (standalone files); and a
focused 500-node neighbourhood over HTTP, from request to stable layout (the goal: under 1 s).

    .venv/bin/python bench/bench_viz.py                 # about 1M triples, needs /usr/bin/chromium
    .venv/bin/python bench/bench_viz.py --triples 200000 --no-browser

The table goes to stdout, each time with the CPU seconds (user+sys) spent meanwhile: this process's (the
server runs in it, in a thread) and, for the Chromium rows, the browser's processes too (needs psutil). To
compare with an older commit, run this same script with that commit's package installed.
Progress goes to stderr.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import networkx as nx
import pyoxigraph as ox

from dangjian.graph.network.analytics import analyze
from dangjian.graph.store.embedded import EmbeddedStore
from dangjian.graph.network.projection import project
from dangjian.graph.viz.page import build_page
from dangjian.graph.viz.select import overview
from dangjian.ontology import ARTICLE, DCT, DJ, GRAPH, ID, RDF, RDFS, XSD

TRIPLES_PER_COMMUNITY = 160  # what synthetic() writes per community, roughly
COMMUNITIES_PER_STREET = 8


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _quad(s: str, p: str, o: str | ox.Literal, g: str) -> ox.Quad:
    obj = o if isinstance(o, ox.Literal) else ox.NamedNode(o)
    return ox.Quad(ox.NamedNode(s), ox.NamedNode(p), obj, ox.NamedNode(g))


def synthetic(triples: int, seed: int = 1) -> Iterator[ox.Quad]:
    """Districts, streets, communities, party organizations, partners, people, posts, events and mentions,
    shaped like the loaders' output (one named graph per article), about `triples` triples in all."""
    rnd = random.Random(seed)
    communities = max(COMMUNITIES_PER_STREET, triples // TRIPLES_PER_COMMUNITY)
    streets = max(1, communities // COMMUNITIES_PER_STREET)
    gaz = GRAPH + "gazetteer"
    a, label = RDF + "type", RDFS + "label"
    zh = lambda text: ox.Literal(text, language="zh")  # noqa: E731
    orgs = [f"{ID}org/单位{i}" for i in range(max(4, communities // 4))]
    programs = [f"{ID}program/品牌{i}" for i in range(max(3, communities // 5))]
    for i, org in enumerate(orgs):
        yield _quad(org, a, DJ + "Organization", gaz)
        yield _quad(org, label, zh(f"单位{i}"), gaz)
    for i, program in enumerate(programs):
        yield _quad(program, a, DJ + "Program", gaz)
        yield _quad(program, label, zh(f"品牌{i}"), gaz)
    for d in range(max(1, streets // 10)):
        district = f"{ID}place/{d:06d}"
        yield _quad(district, a, DJ + "District", gaz)
        yield _quad(district, label, zh(f"{d}区"), gaz)
    for s in range(streets):
        street = f"{ID}place/{s:09d}000"
        yield _quad(street, a, DJ + "Street", gaz)
        yield _quad(street, label, zh(f"{s}街道"), gaz)
        yield _quad(street, DJ + "partOf", f"{ID}place/{s // 10:06d}", gaz)
    for c in range(communities):
        s = c // COMMUNITIES_PER_STREET
        art = f"{ARTICLE}{c:016x}"
        g = f"{GRAPH}article/{c:016x}"
        community = f"{ID}place/{s:09d}{c % COMMUNITIES_PER_STREET + 1:03d}"
        party = f"{ID}party-org/{c}社区党委"
        yield _quad(art, a, DJ + "Article", g)
        yield _quad(art, label, zh(f"第{c}篇"), g)
        yield _quad(community, a, DJ + "Community", gaz)
        yield _quad(community, label, zh(f"{c}社区"), gaz)
        yield _quad(community, DJ + "partOf", f"{ID}place/{s:09d}000", gaz)
        for t in ("PartyOrganization", "Organization"):
            yield _quad(party, a, DJ + t, g)
        yield _quad(party, label, zh(f"{c}社区党委"), g)
        yield _quad(party, DJ + "hostUnit", community, g)
        for org in rnd.sample(orgs, rnd.randint(1, 2)):
            yield _quad(party, DJ + "coBuildsWith", org, g)
        for p in range(2):
            person, post = f"{ID}person/人{c}-{p}", f"{ID}post/人{c}-{p}/{c}社区党委/委员"
            yield _quad(person, a, DJ + "Person", g)
            yield _quad(person, label, zh(f"人{c}-{p}"), g)
            yield _quad(post, a, DJ + "Post", g)
            yield _quad(post, DJ + "holder", person, g)
            yield _quad(post, DJ + "organization", party, g)
            yield _quad(post, DJ + "title", ox.Literal("委员"), g)
        facilities = [f"{ID}facility/{c}社区/阵地{f}" for f in range(2)]
        for f, facility in enumerate(facilities):
            yield _quad(facility, a, DJ + "Facility", g)
            yield _quad(facility, label, zh(f"阵地{c}-{f}"), g)
            yield _quad(facility, DJ + "partOf", community, g)
        for e in range(6):
            event = f"{ID}event/{c:016x}/活动{e}"
            day = f"{rnd.randint(2021, 2024)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
            yield _quad(event, a, DJ + "Event", g)
            yield _quad(event, label, zh(f"活动{c}-{e}"), g)
            yield _quad(event, DJ + "date", ox.Literal(day, datatype=ox.NamedNode(XSD + "date")), g)
            yield _quad(event, DJ + "organizer", rnd.choice([community, party]), g)
            yield _quad(event, DJ + "partner", rnd.choice(orgs), g)
            yield _quad(event, DJ + "program", rnd.choice(programs), g)
            yield _quad(event, DJ + "location", rnd.choice(facilities), g)
        for m, body in enumerate([community, party] * 5):
            sentence = f"{art}/sentence/{m * 20}-{m * 20 + 12}"
            yield _quad(sentence, DJ + "start", ox.Literal(m * 20), g)
            yield _quad(sentence, DJ + "end", ox.Literal(m * 20 + 12), g)
            yield _quad(sentence, DCT + "isPartOf", art, g)
            yield _quad(sentence, DJ + "states", body, g)


def cpu_seconds(driver=None) -> float:
    """User+sys CPU seconds of this process and, with `driver`, of the browser processes under chromedriver."""
    times = os.times()
    total = times.user + times.system
    if driver is not None:
        try:
            import psutil
        except ImportError:
            return float("nan")
        for proc in psutil.Process(driver.service.process.pid).children(recursive=True):
            try:
                cpu = proc.cpu_times()
                total += cpu.user + cpu.system
            except psutil.Error:
                pass
    return total


def timed(label: str, work):
    """The value of `work()`, its wall seconds and its CPU seconds."""
    say(f"… {label}")
    start, cpu = time.perf_counter(), cpu_seconds()
    value = work()
    return value, time.perf_counter() - start, cpu_seconds() - cpu


def in_browser(driver, url: str) -> tuple[float, float]:
    """Milliseconds to a stable layout, and the CPU seconds the browser and this process spent on it."""
    cpu = cpu_seconds(driver)
    ms = stable_ms(driver, url)
    return ms, cpu_seconds(driver) - cpu


def browser(profile: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,900",
                f"--user-data-dir={profile}"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def stable_ms(driver, url: str, seconds: float = 120.0) -> float:
    """Milliseconds from the request to a stable layout, as the page itself records it."""
    driver.get(url)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = driver.execute_script("return window.graphStableAt || null")
        if value:
            return float(value)
        time.sleep(0.02)
    raise RuntimeError(f"{url} did not settle within {seconds} s")


def serve(store) -> tuple[str, callable]:
    import uvicorn

    from dangjian.api.app import create_app

    config = uvicorn.Config(create_app(store), host="127.0.0.1", port=0, log_level="warning")
    server = uvicorn.Server(config)
    sock = config.bind_socket()
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)

    def stop() -> None:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
    host, port = sock.getsockname()[:2]
    return f"http://{host}:{port}", stop


def focus_centre(G: nx.MultiDiGraph, size: int, hops: int) -> tuple[str, int]:
    """A node whose neighbourhood within `hops` has at least `size` nodes (else the largest one found)."""
    U = G.to_undirected(as_view=True)
    best = ("", 0)
    for node in sorted(G, key=G.degree, reverse=True)[:50]:
        reach = len(nx.single_source_shortest_path_length(U, node, cutoff=hops))
        if reach >= size:
            return node, reach
        best = max(best, (node, reach), key=lambda b: b[1])
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic graph")
    parser.add_argument("--sizes", default="100,500,2000", help="page sizes in nodes")
    parser.add_argument("--no-browser", action="store_true", help="skip the headless Chromium timings")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="bench-viz-") as tmp:
        store = EmbeddedStore(Path(tmp) / "store")
        quads = list(synthetic(args.triples))
        _, seconds, cpu = timed(f"loading {len(quads):,} synthetic quads", lambda: store.oxigraph.bulk_extend(quads))
        rows.append((f"load {len(quads):,} quads (bulk)", f"{seconds:.2f} s", f"{cpu:.2f} s"))
        G, seconds, cpu = timed("projecting into networkx", lambda: project(store))
        rows.append((f"project → {len(G):,} nodes, {G.number_of_edges():,} edges", f"{seconds:.2f} s", f"{cpu:.2f} s"))
        results, seconds, cpu = timed("analytics", lambda: analyze(G))
        sample = f", betweenness from {results.betweenness_sample} sources" if results.betweenness_sample else ""
        rows.append((f"analytics ({len(results.clusters)} clusters{sample})", f"{seconds:.2f} s", f"{cpu:.2f} s"))
        pages = {}
        for size in sizes:
            html, seconds, cpu = timed(f"page of {size} nodes", lambda: build_page(G, cap=size, links=None))
            pages[size] = html
            rows.append((f"build page, {size} nodes (overview of the whole graph)", f"{seconds * 1000:.0f} ms",
                         f"{cpu:.2f} s"))
        _, seconds, cpu = timed("overview selection only", lambda: overview(G, cap=500))
        rows.append(("overview selection, 500 of all nodes", f"{seconds * 1000:.0f} ms", f"{cpu:.2f} s"))
        if not args.no_browser:
            driver = browser(Path(tmp) / "chromium-profile")
            base, stop = serve(store)
            try:
                for size, html in pages.items():
                    path = Path(tmp) / f"page-{size}.html"
                    path.write_text(html, encoding="utf-8")
                    say(f"… Chromium, {size} nodes")
                    ms, cpu = in_browser(driver, path.as_uri())
                    rows.append((f"Chromium: open file → stable layout, {size} nodes", f"{ms:.0f} ms", f"{cpu:.2f} s"))
                say("… warming the server's projection")
                stable_ms(driver, f"{base}/graph?limit=100")
                centre, reach = focus_centre(G, 500, 3)
                url = f"{base}/graph?focus={quote(centre, safe='')}&hops=3&limit=500"
                stable_ms(driver, url)
                runs = sorted(in_browser(driver, url) for _ in range(7))
                rows.append((f"HTTP /graph?focus=…&hops=3&limit=500 ({min(reach, 500)} nodes): request → stable, "
                             f"median (min–max) of 7", f"{runs[3][0]:.0f} ms ({runs[0][0]:.0f}–{runs[-1][0]:.0f})",
                             f"{runs[3][1]:.2f} s"))
            finally:
                driver.quit()
                stop()
        store.close()
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'wall':<20}  CPU (user+sys)")
    for name, value, cpu in rows:
        print(f"{name:<{width}}  {value:<20}  {cpu}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
