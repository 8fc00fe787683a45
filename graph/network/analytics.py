"""Network analytics over the projected graph: centrality, components, co-organization clusters, bridges."""
from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx

from dangjian.graph.network.projection import counts_by_type, simple
from dangjian.graph.network.tables import Table

# Units that organize, partner and co-build: the nodes of the co-organization network.
UNIT_CLASSES = frozenset({"Community", "Street", "District", "Zone", "PartyOrganization", "Organization"})
PARTNER_CLASSES = frozenset({"Organization", "PartyOrganization"})
LOUVAIN_SEED = 42
# Betweenness costs one breadth-first search per source node, each O(nodes + edges). Within this
# budget of sources × (nodes + edges) it is exact; beyond, estimated from as many sources as fit.
BETWEENNESS_BUDGET = 2_000_000
MIN_SOURCES = 32
PAIR_LIMIT = 1000  # pairs kept per bipartite projection, heaviest first


@dataclass(frozen=True)
class Centrality:
    """How connected one entity is: its degree and its share of shortest paths."""

    iri: str
    label: str
    type: str
    degree: int
    degree_centrality: float
    betweenness: float


@dataclass(frozen=True)
class Component:
    """A connected component, named by its most connected member."""

    index: int
    size: int
    hub: str
    hub_label: str


@dataclass(frozen=True)
class Cluster:
    """A Louvain community of the co-organization network."""

    index: int
    members: tuple[str, ...]
    labels: tuple[str, ...]


@dataclass(frozen=True)
class Pair:
    """Two entities of a bipartite projection and what they share."""

    a: str
    a_label: str
    b: str
    b_label: str
    weight: int
    shared: tuple[str, ...]


@dataclass(frozen=True)
class Bridge:
    """An entity linked to communities of more than one street."""

    iri: str
    label: str
    type: str
    streets: tuple[str, ...]
    street_labels: tuple[str, ...]
    communities: int


@dataclass
class Analytics:
    """Everything `analyze` computes, ready for tables or RDF."""

    nodes: int
    edges: int
    centrality: list[Centrality]
    components: list[Component]
    clusters: list[Cluster]
    modularity: float
    community_pairs: list[Pair]
    partner_pairs: list[Pair]
    bridges: list[Bridge]
    betweenness_sample: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    component_of: dict[str, int] = field(default_factory=dict)


def centrality(H: nx.Graph, *, sample: int | None = None, seed: int = LOUVAIN_SEED) -> list[Centrality]:
    """Degree and betweenness centrality (both normalized) of every node, most connected first."""
    degree = nx.degree_centrality(H) if len(H) > 1 else {n: 0.0 for n in H}
    between = nx.betweenness_centrality(H, k=sample, seed=seed if sample else None)
    rows = [Centrality(n, d["label"], d["type"], H.degree(n), degree[n], between[n])
            for n, d in H.nodes(data=True)]
    return sorted(rows, key=lambda c: (-c.degree, -c.betweenness, c.label, c.iri))


def components(H: nx.Graph) -> tuple[list[Component], dict[str, int]]:
    """Connected components, largest first, and the component number of every node."""
    found = []
    for members in nx.connected_components(H):
        hub = max(members, key=lambda n: (H.degree(n), H.nodes[n]["label"]))
        found.append((len(members), H.nodes[hub]["label"], hub, members))
    found.sort(key=lambda f: (-f[0], f[1]))
    number = {n: i + 1 for i, f in enumerate(found) for n in f[3]}
    return [Component(i + 1, size, hub, label) for i, (size, label, hub, _) in enumerate(found)], number


def resolve_unit(G: nx.MultiDiGraph, node: str) -> str:
    """A party organization stands for the unit it is set up in (一社区党委 → 一社区); others for themselves."""
    if G.nodes[node]["type"] == "PartyOrganization":
        for _, host, p in G.out_edges(node, keys=True):
            if p == "hostUnit" and G.nodes[host]["type"] in UNIT_CLASSES - {"PartyOrganization"}:
                return host
    return node


def co_organization(G: nx.MultiDiGraph) -> nx.Graph:
    """Units linked when they organize or partner in the same event, or co-build; weight counts the links."""
    C = nx.Graph()

    def link(a: str, b: str, via: str) -> None:
        if a == b:
            return
        for n in (a, b):
            C.add_node(n, **G.nodes[n])
        if C.has_edge(a, b):
            C[a][b]["weight"] += 1
            C[a][b]["via"].append(via)
        else:
            C.add_edge(a, b, weight=1, via=[via])

    for event in (n for n, t in G.nodes(data="type") if t == "Event"):
        units = sorted({resolve_unit(G, u) for _, u, p in G.out_edges(event, keys=True)
                        if p in ("organizer", "partner") and G.nodes[u]["type"] in UNIT_CLASSES})
        for a, b in combinations(units, 2):
            link(a, b, event)
    for u, v, p in G.edges(keys=True):
        if p == "coBuildsWith" and G.nodes[u]["type"] in UNIT_CLASSES and G.nodes[v]["type"] in UNIT_CLASSES:
            link(resolve_unit(G, u), resolve_unit(G, v), "coBuildsWith")
    return C


def clusters(C: nx.Graph, seed: int = LOUVAIN_SEED) -> tuple[list[Cluster], float]:
    """Louvain communities of the co-organization network (largest first) and their modularity."""
    if C.number_of_edges() == 0:
        return [], 0.0
    parts = nx.community.louvain_communities(C, weight="weight", seed=seed)
    quality = nx.community.modularity(C, parts, weight="weight")
    ordered = sorted((sorted(p, key=lambda n: (C.nodes[n]["label"], n)) for p in parts),
                     key=lambda p: (-len(p), C.nodes[p[0]]["label"]))
    found = [Cluster(i + 1, tuple(p), tuple(C.nodes[n]["label"] for n in p)) for i, p in enumerate(ordered)]
    return found, quality


def _projection(links: dict[str, set[str]], G: nx.Graph, limit: int = PAIR_LIMIT) -> list[Pair]:
    """The `limit` heaviest pairs of keys that share values, with the shared values' labels."""
    weight: Counter[tuple[str, str]] = Counter()
    for keys in links.values():
        weight.update(combinations(sorted(keys), 2))
    label = lambda n: G.nodes[n]["label"]  # noqa: E731
    best = heapq.nsmallest(limit, weight.items(), key=lambda kv: (-kv[1], label(kv[0][0]), label(kv[0][1])))
    values_of: dict[str, set[str]] = defaultdict(set)
    for value, keys in links.items():
        for key in keys:
            values_of[key].add(value)
    return [Pair(a, label(a), b, label(b), w, tuple(sorted(label(v) for v in values_of[a] & values_of[b])))
            for (a, b), w in best]


def community_partner(C: nx.Graph) -> tuple[list[Pair], list[Pair]]:
    """Both projections of the community–partner bipartite graph (heaviest pairs first): communities sharing
    partners, and partners sharing communities."""
    partners_of: dict[str, set[str]] = defaultdict(set)
    communities_of: dict[str, set[str]] = defaultdict(set)
    for a, b in C.edges():
        for community, partner in ((a, b), (b, a)):
            if C.nodes[community]["type"] == "Community" and C.nodes[partner]["type"] in PARTNER_CLASSES:
                partners_of[community].add(partner)
                communities_of[partner].add(community)
    return _projection(communities_of, C), _projection(partners_of, C)


def bridges(C: nx.Graph, G: nx.Graph) -> list[Bridge]:
    """Units of the co-organization network `C` whose community neighbours lie in more than one street of `G`."""
    found = []
    for node in C:
        near = [n for n in C[node] if C.nodes[n]["type"] == "Community"]
        streets = sorted(set().union(*(C.nodes[n].get("streets", ()) for n in near)))
        if len(streets) > 1:
            labels = tuple(G.nodes[s]["label"] if s in G else s for s in streets)
            found.append(Bridge(node, C.nodes[node]["label"], C.nodes[node]["type"],
                                tuple(streets), labels, len(near)))
    return sorted(found, key=lambda b: (-len(b.streets), -b.communities, b.label))


def betweenness_sources(H: nx.Graph) -> int | None:
    """How many sampled sources betweenness can afford on `H`; None when exact fits the budget."""
    work = len(H) + H.number_of_edges()
    if len(H) * work <= BETWEENNESS_BUDGET:
        return None
    return max(MIN_SOURCES, BETWEENNESS_BUDGET // work)


def analyze(G: nx.MultiDiGraph, *, betweenness_sample: int | None = None) -> Analytics:
    """Run every analysis on a projection from `dangjian.graph.network.projection.project`.

    Betweenness is exact while it fits BETWEENNESS_BUDGET, else estimated from sampled
    sources (or `betweenness_sample` of them) with a fixed seed.
    """
    H = simple(G)
    sample = betweenness_sample if betweenness_sample is not None else betweenness_sources(H)
    if sample is not None and sample >= len(H):
        sample = None
    C = co_organization(G)
    found, quality = clusters(C)
    community_pairs, partner_pairs = community_partner(C)
    comps, component_of = components(H)
    return Analytics(
        nodes=len(H), edges=H.number_of_edges(), centrality=centrality(H, sample=sample),
        components=comps, clusters=found, modularity=quality,
        community_pairs=community_pairs, partner_pairs=partner_pairs, bridges=bridges(C, G),
        betweenness_sample=sample, counts=counts_by_type(H), component_of=component_of)


def top_by_type(results: Analytics, n: int = 10) -> dict[str, list[Centrality]]:
    """The `n` most connected entities of each class."""
    by_type: dict[str, list[Centrality]] = defaultdict(list)
    for row in results.centrality:
        if len(by_type[row.type]) < n:
            by_type[row.type].append(row)
    return dict(by_type)


def _joined(values: tuple[str, ...], limit: int = 12) -> str:
    more = f" …(+{len(values) - limit})" if len(values) > limit else ""
    return "、".join(values[:limit]) + more


def analytics_tables(results: Analytics, top: int = 10) -> list[Table]:
    """The results as tables: summary, centrality per class, components, clusters, projections, bridges."""
    estimated = f" (estimated from {results.betweenness_sample} sources)" if results.betweenness_sample else ""
    summary = Table("summary", "概况 / summary", ("measure", "value"), [
        ("nodes", results.nodes), ("edges", results.edges), ("components", len(results.components)),
        ("clusters", len(results.clusters)), ("modularity", round(results.modularity, 4)),
        ("bridges", len(results.bridges))] + sorted((f"nodes:{t}", c) for t, c in results.counts.items()))
    central = Table("centrality", "中心性（按类别）/ centrality per class" + estimated,
                    ("type", "rank", "label", "degree", "degree_centrality", "betweenness", "iri"))
    for cls, rows in sorted(top_by_type(results, top).items()):
        central.rows.extend((cls, i + 1, r.label, r.degree, round(r.degree_centrality, 6),
                             round(r.betweenness, 6), r.iri) for i, r in enumerate(rows))
    comps = Table("components", "连通分量 / connected components", ("component", "size", "hub", "hub_iri"),
                  [(c.index, c.size, c.hub_label, c.hub) for c in results.components[:top]])
    clus = Table("clusters", "共同组织网络的社群（Louvain）/ co-organization clusters",
                 ("cluster", "size", "members"),
                 [(c.index, len(c.members), _joined(c.labels)) for c in results.clusters])
    pairs = lambda name, title, rows: Table(  # noqa: E731
        name, title, ("a", "b", "weight", "shared"),
        [(p.a_label, p.b_label, p.weight, _joined(p.shared)) for p in rows[:top * 3]])
    bridge = Table("bridges", "跨街道的桥梁 / bridges between streets",
                   ("label", "type", "streets", "communities", "iri"),
                   [(b.label, b.type, _joined(b.street_labels), b.communities, b.iri) for b in results.bridges])
    return [summary, central, comps, clus,
            pairs("community_pairs", "共享共建单位的社区 / communities sharing partners", results.community_pairs),
            pairs("partner_pairs", "服务相同社区的共建单位 / partners sharing communities", results.partner_pairs),
            bridge]
