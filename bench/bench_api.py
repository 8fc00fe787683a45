"""Benchmark of the HTTP API against `oxigraph serve` and rdflib-endpoint on a synthetic graph (about 1M triples).

    python bench/bench_api.py                       # everything, about 1M triples, 5 s per run
    python bench/bench_api.py --triples 100000 --seconds 3 --skip-rdflib

Needs `wrk` (Debian package wrk) as the load generator. Every request asks for a different entity
drawn at random from the whole graph. Each neighbourhood lookup (and the same 1-hop SELECT sent to
/sparql) is measured cold (one pass over entities never asked before), then in bounded runs, then
warm (after one pass over the run's entities). The results table goes to stdout, progress to stderr.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx
import pyoxigraph as ox

BIN = Path(sys.executable).parent
ID, ART, GRAPH = "https://w3id.org/dangjian/id/", "https://w3id.org/dangjian/article/", "https://w3id.org/dangjian/graph/"
DJ, RDF, RDFS, SKOS = ("https://w3id.org/dangjian/ontology#", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
                       "http://www.w3.org/2000/01/rdf-schema#", "http://www.w3.org/2004/02/skos/core#")
SCHEMA, DCT, XSD = ("https://schema.org/", "http://purl.org/dc/terms/",
                        "http://www.w3.org/2001/XMLSchema#")
TRIPLES_PER_COMMUNITY = 155  # what one community with its article adds, roughly
SYLLABLES = "春江桃源新华民丰和平安宁东西南北阳光明湖山水云龙凤金银玉翠兴福康泰盛昌荣德仁义礼智信文武" \
            "长乐永宝清河望亭枫桥竹园梅兰菊松柏星月晨曦霞锦绣秀丽嘉禾惠济通达"
ORG_KINDS = ("银行", "学校", "医院", "公司", "卫生服务中心", "律师事务所", "物业公司", "图书馆")
EVENT_KINDS = ("邻里节", "志愿服务", "助残活动", "便民集市", "议事会", "党课", "文艺汇演", "健康讲座")
TITLES = ("党委书记", "党委副书记", "党支部书记", "居委会主任")


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _name(rng: random.Random, length: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(length))


class _Writer:
    """N-Quads lines for one named graph at a time."""

    def __init__(self, out) -> None:
        self.out, self.count, self.graph = out, 0, ""

    def __call__(self, s: str, p: str, o: str | ox.Literal) -> None:
        obj = str(o) if isinstance(o, ox.Literal) else f"<{o}>"
        self.out.write(f"<{s}> <{p}> {obj} <{self.graph}> .\n")
        self.count += 1


def _zh(text: str) -> ox.Literal:
    return ox.Literal(text, language="zh")


def synthetic(out, triples: int, seed: int = 7) -> int:
    """Write a graph of places, organizations, people, posts, events and article graphs with annotations."""
    rng = random.Random(seed)
    q = _Writer(out)
    communities = max(triples // TRIPLES_PER_COMMUNITY, 30)
    streets = max(communities // 30, 1)
    districts = max(streets // 10, 1)
    q.graph = GRAPH + "gazetteer"
    q(ID + "place/32", RDF + "type", DJ + "Province")
    q(ID + "place/32", RDFS + "label", _zh("江苏省"))
    for d in range(districts):
        district = f"{ID}place/32{d:04d}"
        q(district, RDF + "type", DJ + "District"), q(district, RDFS + "label", _zh(f"{_name(rng)}区{d}"))
        q(district, DJ + "partOf", ID + "place/32"), q(district, DJ + "code", ox.Literal(f"32{d:04d}"))
    for s in range(streets):
        street = f"{ID}place/32{s % districts:04d}{s:06d}"
        q(street, RDF + "type", DJ + "Street"), q(street, RDFS + "label", _zh(f"{_name(rng)}街道{s}"))
        q(street, DJ + "partOf", f"{ID}place/32{s % districts:04d}")
    partners = [f"{ID}org/{_name(rng)}{rng.choice(ORG_KINDS)}{i}" for i in range(max(communities // 10, 5))]
    programs = [f"{ID}program/{_name(rng, 3)}{i}" for i in range(max(communities // 50, 3))]
    q.graph = GRAPH + "file/registry.ttl"
    for org in partners:
        q(org, RDF + "type", DJ + "Organization"), q(org, RDFS + "label", _zh(org.rsplit("/", 1)[1]))
    for program in programs:
        q(program, RDF + "type", DJ + "Program"), q(program, RDFS + "label", _zh(program.rsplit("/", 1)[1]))
    for c in range(communities):
        _community(q, rng, c, f"{ID}place/32{(c // 30) % streets % districts:04d}{(c // 30) % streets:06d}",
                   partners, programs)
    return q.count


def _community(q: _Writer, rng: random.Random, c: int, street: str, partners: list[str], programs: list[str]) -> None:
    name = f"{_name(rng)}社区{c}"
    community = f"{street}{c:06d}"
    article_hash = f"{c:016x}"
    article = ART + article_hash
    party = f"{ID}party-org/{name}党委"
    people = [f"{ID}person/{_name(rng, 3)}{c}-{i}" for i in range(2)]
    facility = f"{ID}facility/{name}/党群服务中心"
    events = [f"{ID}event/{article_hash}/{rng.choice(EVENT_KINDS)}{i}" for i in range(3)]
    partner = rng.choice(partners)
    q.graph = GRAPH + "gazetteer"
    q(community, RDF + "type", DJ + "Community"), q(community, RDFS + "label", _zh(name))
    q(community, DJ + "partOf", street), q(community, DJ + "code", ox.Literal(community.rsplit("/", 1)[1]))
    q.graph = GRAPH + "article/" + article_hash
    q(article, RDF + "type", DJ + "Article"), q(article, RDFS + "label", _zh(f"{name}党建引领基层治理"))
    q(article, SCHEMA + "datePublished", ox.Literal(f"2023-{c % 12 + 1:02d}-{c % 28 + 1:02d}",
                                                    datatype=ox.NamedNode(XSD + "date")))
    q(article, DCT + "source", ox.Literal("示例日报")), q(article, DJ + "author", people[1])
    q(article, SCHEMA + "text", ox.Literal(f"{name}党委书记带领党员开展活动。" * 3))
    q(party, RDF + "type", DJ + "PartyOrganization"), q(party, RDFS + "label", _zh(f"{name}党委"))
    q(party, DJ + "hostUnit", community), q(party, DJ + "program", rng.choice(programs))
    q(facility, RDF + "type", DJ + "Facility"), q(facility, RDFS + "label", _zh("党群服务中心"))
    q(facility, DJ + "partOf", community)
    for person in people:
        q(person, RDF + "type", DJ + "Person"), q(person, RDFS + "label", _zh(person.rsplit("/", 1)[1]))
    post = f"{ID}post/{people[0].rsplit('/', 1)[1]}/{name}党委/党委书记"
    q(post, RDF + "type", DJ + "Post"), q(post, DJ + "holder", people[0]), q(post, DJ + "organization", party)
    q(post, DJ + "title", ox.Literal(rng.choice(TITLES)))
    q(partner, DJ + "coBuildsWith", community)
    for i, event in enumerate(events):
        q(event, RDF + "type", DJ + "Event"), q(event, RDFS + "label", _zh(event.rsplit("/", 1)[1] + "活动"))
        q(event, DJ + "organizer", community), q(event, DJ + "organizer", party)
        q(event, DJ + "partner", rng.choice(partners)), q(event, DJ + "location", facility)
        q(event, DJ + "date", ox.Literal(f"2023-{(c + i) % 12 + 1:02d}-01", datatype=ox.NamedNode(XSD + "date")))
    sentence = _zh(f"{name}党委书记带领党员与共建单位开展活动。")
    for n, body in enumerate([community, party, people[0], partner, events[0]]):
        _mention(q, article, n, body, sentence)
    for n, (s, p, o) in enumerate([(community, DJ + "partOf", street), (party, DJ + "hostUnit", community),
                                   (events[0], DJ + "organizer", community)]):
        _fact(q, article, 10 + n, (s, p, o), sentence)


def _mention(q: _Writer, article: str, n: int, body: str, sentence: ox.Literal) -> None:
    node = f"{article}/sentence/{n * 10}-{n * 10 + len(sentence.value)}"
    q(node, DJ + "start", ox.Literal(n * 10)), q(node, DJ + "end", ox.Literal(n * 10 + len(sentence.value)))
    q(node, DCT + "isPartOf", article), q(node, DJ + "states", body)


def _fact(q: _Writer, article: str, n: int, spo: tuple[str, str, str], sentence: ox.Literal) -> None:
    node, body = f"{article}/sentence/{n * 10}-{n * 10 + len(sentence.value)}", f"{article}/fact/{n}"
    q(node, DJ + "start", ox.Literal(n * 10)), q(node, DJ + "end", ox.Literal(n * 10 + len(sentence.value)))
    q(node, DCT + "isPartOf", article), q(node, DJ + "states", body)
    q(body, RDF + "subject", spo[0]), q(body, RDF + "predicate", spo[1]), q(body, RDF + "object", spo[2])


WRK_SCRIPT = """
local paths = {}
init = function(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  wrk.headers["Accept"] = args[2]
end
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests": %d, "seconds": %f, "errors": %d, "non2xx": %d, "p50": %f, "p99": %f}\\n',
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
"""

# The cold pass: each path once, in order; after the last answer the thread stops and leaves a mark, and the
# caller interrupts wrk (whose main thread otherwise sleeps out the whole duration).
WRK_ONCE = WRK_SCRIPT.replace("""request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end""", """local sent, answered = 0, 0
request = function()
  sent = sent + 1
  return wrk.format("GET", paths[(sent - 1) % #paths + 1])
end
response = function()
  answered = answered + 1
  if answered == #paths then
    io.open(mark, "w"):close()
    wrk.thread:stop()
  end
end""").replace("init = function(args)", "init = function(args)\n  mark = args[3]")

HIDDEN = ("rdf:type", "dj:states", "dct:isPartOf", "rdf:subject", "rdf:object", "rdf:predicate",
          "prov:wasGeneratedBy", "schema:url")
PREFIXES = ("PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX rdfs: <http://www.w3.org/2000/01/"
            "rdf-schema#> PREFIX dct: <http://purl.org/dc/terms/> PREFIX prov: <http://www.w3.org/ns/prov#> "
            "PREFIX dj: <https://w3id.org/dangjian/ontology#> "
            "PREFIX schema: <https://schema.org/> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ")


def one_hop_sparql(entity: str) -> str:
    """The 1-hop neighbourhood with labels and types as one query, as a client of a plain endpoint would send it."""
    return (PREFIXES + f"SELECT ?s ?p ?o ?label ?type WHERE {{ {{ <{entity}> ?p ?o FILTER(isIRI(?o)) "
            f"BIND(<{entity}> AS ?s) BIND(?o AS ?n) }} UNION {{ ?s ?p <{entity}> BIND(<{entity}> AS ?o) "
            f"BIND(?s AS ?n) }} FILTER(?p NOT IN ({', '.join(HIDDEN)})) OPTIONAL {{ ?n rdfs:label ?label }} "
            f"OPTIONAL {{ ?n a ?type }} }} LIMIT 801")


def search_sparql(needle: str) -> str:
    """The entity search as one query (what /api/entities answers from its index instead)."""
    text = str(ox.Literal(needle))
    return (PREFIXES + f"SELECT ?e (MIN(?name) AS ?matched) WHERE {{ ?e rdfs:label|skos:altLabel ?name "
            f"FILTER(CONTAINS(LCASE(STR(?name)), {text})) }} GROUP BY ?e LIMIT 20")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with status {process.returncode}")
        try:
            if httpx.get(url, timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"no answer from {url} within {seconds:g} s")


@contextmanager
def running(command: list[str], probe: str, seconds: float = 120) -> Iterator[subprocess.Popen]:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(probe, process, seconds)
        yield process
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wrk(base: str, paths: list[str], clients: int, seconds: float, accept: str, work: Path,
        once: bool = False) -> dict:
    """One bounded wrk run over random paths, or with `once` one pass over them in order, each once; requests
    per second, p50 and p99 in milliseconds."""
    script, listing, mark = work / "random.lua", work / "paths.txt", work / "pass-done"
    script.write_text(WRK_ONCE if once else WRK_SCRIPT)
    listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
    mark.unlink(missing_ok=True)
    command = ["wrk", "-t1", f"-c{clients}", f"-d{seconds if not once else 3600:g}s", "--timeout", "30s",
               "-s", str(script), base, "--", str(listing), accept, str(mark)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as process:
        while once and process.poll() is None and not mark.exists():
            time.sleep(0.01)
        if once:
            process.send_signal(signal.SIGINT)
        out = process.communicate()[0]
    result = json.loads(out.strip().splitlines()[-1])
    result["rps"] = result["requests"] / result["seconds"]
    return result


TICKS = os.sysconf("SC_CLK_TCK")


def tree_cpu(root: int) -> float:
    """CPU seconds (user + sys) of a process and all its descendants, living or reaped."""
    stats = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stats[int(entry.name)] = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
    tree, total = {root}, 0.0
    for _ in range(4):  # uvicorn's supervisor, its workers, their query processes
        tree |= {pid for pid, fields in stats.items() if int(fields[1]) in tree}
    for pid in tree & stats.keys():
        fields = stats[pid]
        total += sum(int(f) for f in fields[11:15]) / TICKS  # utime, stime, and those of reaped children
    return total


def one_pass(base: str, paths: list[str], accept: str, clients: int = 16) -> None:
    """Ask every path once (the warm-up a cache gets from one pass over the entities)."""
    with httpx.Client(base_url=base, timeout=600, headers={"Accept": accept}) as client, \
            ThreadPoolExecutor(clients) as pool:
        list(pool.map(client.get, paths))


def build_data(triples: int, folder: Path) -> tuple[Path, Path, Path]:
    """The synthetic graph as N-Quads, as N-Triples (for rdflib-endpoint) and bulk loaded into a store directory."""
    nq, nt, store = folder / "data.nq", folder / "data.nt", folder / "store"
    if not store.exists():
        say(f"generating about {triples:,} triples in {folder}")
        with nq.open("w", encoding="utf-8") as out:
            count = synthetic(out, triples)
        with nq.open(encoding="utf-8") as src, nt.open("w", encoding="utf-8") as dst:
            for line in src:
                dst.write(line.rsplit(" <", 1)[0] + " .\n")
        started = time.monotonic()
        ox.Store(str(store)).bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        say(f"{count:,} quads bulk loaded in {time.monotonic() - started:.1f} s")
    return nq, nt, store


def targets(store: Path, count: int, seed: int = 3) -> tuple[list[str], list[str], list[str]]:
    """Entities drawn at random from the whole graph, search strings cut from random names, and up to `count`
    other entities, none of the first (for the cold pass: lookups no server was asked before)."""
    db = ox.Store.read_only(str(store))
    rows = db.query("SELECT DISTINCT ?e ?l WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l "
                    "FILTER(STRSTARTS(STR(?e), 'https://w3id.org/dangjian/id/')) }", use_default_graph_as_union=True)
    pairs = [(r["e"].value, r["l"].value) for r in rows]
    rng = random.Random(seed)
    rng.shuffle(pairs)
    chosen, unseen = pairs[:count], [e for e, _ in pairs[count:2 * count]]
    needles = []
    for _, label in chosen:
        start = rng.randrange(max(len(label) - 2, 1))
        needles.append(label[start:start + rng.choice((2, 3))])
    return [e for e, _ in chosen], needles, unseen


def scenarios(entities: list[str], needles: list[str]) -> dict[str, dict[str, list[str]]]:
    """For each server, the paths of each lookup."""
    def local(iri: str) -> str:
        return quote(iri.removeprefix(ID), safe="/")
    api = {"1-hop": [f"/api/entities/{local(e)}/neighbourhood?hops=1" for e in entities],
           "2-hop": [f"/api/entities/{local(e)}/neighbourhood?hops=2" for e in entities],
           "search": ["/api/entities?" + urlencode({"q": n}) for n in needles]}
    sparql_1hop = [urlencode({"query": one_hop_sparql(e)}) for e in entities]
    sparql_search = [urlencode({"query": search_sparql(n)}) for n in needles[:200]]
    api["/sparql 1-hop"] = ["/sparql?" + q for q in sparql_1hop]  # the same SELECT oxigraph serve gets
    return {"dangjian API": api,
            "oxigraph serve": {"1-hop": ["/query?" + q for q in sparql_1hop],
                               "search": ["/query?" + q for q in sparql_search]},
            "rdflib-endpoint": {"1-hop": ["/?" + q for q in sparql_1hop]}}  # it answers at /


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic graph")
    parser.add_argument("--seconds", type=float, default=5, help="length of each wrk run")
    parser.add_argument("--clients", default="8,32", help="concurrent connections, comma-separated")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn workers of the dangjian server")
    parser.add_argument("--data", type=Path, help="keep the generated data here and reuse it next time")
    parser.add_argument("--skip-rdflib", action="store_true", help="leave out rdflib-endpoint (slow to load)")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        say("bench_api: wrk is missing; install it (apt-get install wrk) and run again")
        return 1
    clients = [int(c) for c in args.clients.split(",")]
    folder = args.data or Path(tempfile.mkdtemp(prefix="dangjian-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    nq, nt, store = build_data(args.triples, folder)
    entities, needles, unseen = targets(store, 5000)
    plan, cold_plan = scenarios(entities, needles), scenarios(unseen, needles)
    results = []

    def run(server: str, lookup: str, clients: int, paths: list[str], accept: str, pid: int, once=False) -> None:
        say(f"{server}: {lookup}, {clients} clients" + ("" if once else f", {args.seconds:g} s"))
        before = tree_cpu(pid)
        result = wrk(base_of[server], paths, clients, args.seconds if not once else 600, accept, folder, once)
        result["cpu"] = tree_cpu(pid) - before
        results.append((server, lookup, clients, result))

    base_of: dict[str, str] = {}

    def measure(server: str, base: str, accept: str, pid: int) -> None:
        # Warm up every lookup first: the search index is built in the background when a server starts.
        for paths in plan[server].values():
            for path in paths[:3]:
                httpx.get(base + path, headers={"Accept": accept}, timeout=600)
        base_of[server] = base
        lookups = list(plan[server].items())
        # Cold first: a pass over entities nobody asked for yet, each once, at the most clients.
        for lookup, paths in cold_plan[server].items():
            if lookup.endswith("-hop"):
                run(server, f"{lookup} cold", max(clients), paths, accept, pid, once=True)
        for lookup, paths in lookups + [(f"{k} warm", v) for k, v in lookups if k.endswith("-hop")]:
            if lookup.endswith("warm"):
                say(f"{server}: one pass over the {len(paths):,} {lookup.split()[0]} lookups")
                one_pass(base, paths, accept)
            for n in clients:
                run(server, lookup, n, paths, accept, pid)

    port = free_port()
    with running([str(BIN / "dangjian"), "serve", "--store", str(store), "--port", str(port),
                  "--workers", str(args.workers)], f"http://127.0.0.1:{port}/-/health") as server:
        measure("dangjian API", f"http://127.0.0.1:{port}", "application/json", server.pid)
    port = free_port()
    with running([str(BIN / "oxigraph"), "serve-read-only", "--location", str(store), "--union-default-graph",
                  "--bind", f"127.0.0.1:{port}"], f"http://127.0.0.1:{port}/query?query=ASK%7B%7D") as server:
        measure("oxigraph serve", f"http://127.0.0.1:{port}", "application/sparql-results+json", server.pid)
    if not args.skip_rdflib:
        port = free_port()
        say("rdflib-endpoint: loading the N-Triples into rdflib (takes a while)")
        with running([str(BIN / "rdflib-endpoint"), "serve", str(nt), "--host", "127.0.0.1", "--port", str(port)],
                     f"http://127.0.0.1:{port}/?query=ASK%7B%7D", seconds=900) as server:
            measure("rdflib-endpoint", f"http://127.0.0.1:{port}", "application/sparql-results+json", server.pid)
    print(report(results, args))
    return 0


def report(results: list[tuple[str, str, int, dict]], args: argparse.Namespace) -> str:
    lines = [f"Synthetic graph of about {args.triples:,} triples; wrk, 1 thread, {args.seconds:g} s per run, "
             f"a random entity per request; dangjian serve with {args.workers} workers. `cold`: one pass over "
             "entities not asked before, each once (wall s: the pass). `warm`: after one pass "
             "over the lookup's entities (oxigraph too, for its block cache). CPU: seconds (user + sys) of the server and its processes during "
             "the run, beside its wall seconds.", "",
             "| server | lookup | clients | requests/s | p50 ms | p99 ms | errors | wall s | CPU s |",
             "|---|---|---|---|---|---|---|---|---|"]
    for server, lookup, n, r in results:
        lines.append(f"| {server} | {lookup} | {n} | {r['rps']:,.0f} | {r['p50']:.1f} | {r['p99']:.1f} | "
                     f"{r['errors'] + r['non2xx']} | {r['seconds']:.1f} | {r['cpu']:.1f} |")
    by = {(s, l, n): r for s, l, n, r in results}
    top = max(int(c) for c in args.clients.split(","))
    first, warm = by.get(("dangjian API", "1-hop", top)), by.get(("dangjian API", "1-hop warm", top))
    rdflib, oxigraph = by.get(("rdflib-endpoint", "1-hop", top)), by.get(("oxigraph serve", "1-hop", top))
    oxigraph_warm = by.get(("oxigraph serve", "1-hop warm", top), oxigraph)
    cold, oxigraph_cold = by.get(("dangjian API", "1-hop cold", top)), by.get(("oxigraph serve", "1-hop cold", top))
    sparql = {kind: by.get(("dangjian API", f"/sparql 1-hop{kind}", top)) for kind in (" cold", "", " warm")}
    ratios = [("1-hop", first, rdflib, "rdflib-endpoint"), ("1-hop cold", cold, oxigraph_cold, "oxigraph serve"),
              ("1-hop first run", first, oxigraph, "oxigraph serve"),
              ("/sparql 1-hop cold", sparql[" cold"], oxigraph_cold, "oxigraph serve"),
              ("/sparql 1-hop first run", sparql[""], oxigraph, "oxigraph serve"),
              ("/sparql 1-hop warm", sparql[" warm"], oxigraph_warm, "oxigraph serve"),
              ("1-hop", warm, oxigraph_warm, "oxigraph serve")]  # last: the warm figure issue 13 sets its bar on
    for name, api, base, other in ratios:
        if api and base:
            lines.append(f"\n{name} at {top} clients: dangjian API / {other} = {api['rps'] / base['rps']:.2f}x")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
