"""Project the RDF graph in a store into networkx: typed, labelled entity nodes and predicate-labelled edges."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import networkx as nx
import pyoxigraph as ox

from dangjian.graph.store import Store
from dangjian.ontology import DJ, sparql_prefixes

# Entity classes a node can have, most specific first: a node typed both
# dj:PartyOrganization and dj:Organization is a party organization.
NODE_CLASSES = (
    "Province", "City", "District", "Zone", "Street", "Community", "ResidentialCompound",
    "PartyOrganization", "Organization", "Person", "Event", "Program", "Facility",
)
PLACE_CLASSES = frozenset(
    {"Province", "City", "District", "Zone", "Street", "Community", "ResidentialCompound"})
# Where a party organization, event or facility sits, by the predicates that anchor it.
ANCHOR_PREDICATES = frozenset({"partOf", "withinArea", "hostUnit", "organizer", "location"})
# Links `dangjian analyze --write` derives (graph/network/analytics_rdf.py): results, not facts to project.
DERIVED_PREDICATES = frozenset({"cluster", "linksStreet"})

# Chinese and English names of the predicates the projection puts on edges.
PREDICATE_LABELS: dict[str, tuple[str, str]] = {
    "partOf": ("隶属", "part of"),
    "withinArea": ("行政隶属", "within area"),
    "hostUnit": ("设立于", "set up in"),
    "subOrganizationOf": ("上级组织", "sub-organization of"),
    "coBuildsWith": ("共建", "co-builds with"),
    "organizer": ("主办", "organizer"),
    "partner": ("协办", "partner"),
    "location": ("地点", "location"),
    "program": ("品牌/机制", "program"),
    "post": ("任职", "post"),
    "mentions": ("提及", "mentions"),
}


def local_name(iri: str) -> str:
    """The part of an IRI after the ontology namespace (or after its last '#' or '/')."""
    if iri.startswith(DJ):
        return iri[len(DJ):]
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def predicate_label(predicate: str, lang: str = "zh") -> str:
    """A predicate's display name in Chinese or English; its local name when unknown."""
    names = PREDICATE_LABELS.get(predicate)
    if names is None:
        return predicate
    return names[1] if lang == "en" else names[0]


def date_start(value: str) -> str:
    """The first day of an xsd:date, gYearMonth or gYear value, as YYYY-MM-DD ("2023-08" → "2023-08-01")."""
    parts = value[:10].split("-")
    month = parts[1] if len(parts) > 1 and parts[1] else "01"
    day = parts[2] if len(parts) > 2 and parts[2] else "01"
    return f"{parts[0]}-{month}-{day}"


def _rows(store: Store, body: str) -> Iterable[ox.QuerySolution]:
    """The rows in one order on every store, so the projection (and its layout) is the same everywhere."""
    rows = store.query(sparql_prefixes() + body)
    return sorted(rows, key=lambda row: tuple("" if term is None else str(term) for term in row))  # type: ignore


def _class_values() -> str:
    return " ".join(f"dj:{c}" for c in NODE_CLASSES)


def _add_nodes(store: Store, G: nx.MultiDiGraph) -> None:
    rank = {DJ + c: i for i, c in enumerate(NODE_CLASSES)}
    best: dict[str, int] = {}
    labels: dict[str, tuple[bool, str]] = {}
    query = f"""SELECT ?s ?t ?l WHERE {{ VALUES ?t {{ {_class_values()} }} ?s a ?t .
        FILTER(isIRI(?s)) OPTIONAL {{ ?s rdfs:label ?l }} }}"""
    for row in _rows(store, query):
        s, t, label = row["s"].value, row["t"].value, row["l"]
        if rank[t] < best.get(s, len(NODE_CLASSES)):
            best[s] = rank[t]
        if isinstance(label, ox.Literal):
            # A Chinese label wins over any other; among equals the first seen stays.
            zh = (label.language or "").startswith("zh")
            if s not in labels or (zh and not labels[s][0]):
                labels[s] = (zh, label.value)
    for s, r in best.items():
        G.add_node(s, type=NODE_CLASSES[r], label=labels.get(s, (False, local_name(s)))[1])


# What a sentence states and where it stands: evidence, not links between entities.
_PROVENANCE = frozenset({DJ + "states", DJ + "start", DJ + "end"})


def _add_edges(store: Store, G: nx.MultiDiGraph, lang: str) -> None:
    # Naming the dj: predicates in use lets the store read them from its predicate index.
    used = [row["p"].value for row in _rows(store, "SELECT DISTINCT ?p WHERE { ?s ?p ?o }")]
    predicates = " ".join(f"<{p}>" for p in used if p.startswith(DJ) and p not in _PROVENANCE)
    if not predicates:
        return
    query = f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {predicates} }} ?s ?p ?o . FILTER(isIRI(?o)) }}"
    for row in _rows(store, query):
        s, o = row["s"].value, row["o"].value
        p = local_name(row["p"].value)
        if s in G and o in G and s != o and p not in DERIVED_PREDICATES:
            G.add_edge(s, o, key=p, predicate=p, label=predicate_label(p, lang))


def _add_posts(store: Store, G: nx.MultiDiGraph, lang: str) -> None:
    """A post becomes one person → organization edge carrying the title."""
    query = """SELECT ?person ?org ?title WHERE { ?post a dj:Post ; dj:holder ?person ;
        dj:organization ?org . OPTIONAL { ?post dj:title ?title } }"""
    for row in _rows(store, query):
        person, org = row["person"].value, row["org"].value
        if person in G and org in G:
            title = row["title"].value if row["title"] is not None else ""
            key = f"post:{title}"
            G.add_edge(person, org, key=key, predicate="post", title=title,
                       label=title or predicate_label("post", lang))


def _add_event_dates(store: Store, G: nx.MultiDiGraph) -> None:
    """Each event gets its earliest `dj:date` as an ISO string (year, year-month or date)."""
    for row in _rows(store, "SELECT ?e ?d WHERE { ?e a dj:Event ; dj:date ?d . FILTER(isLiteral(?d)) }"):
        e, d = row["e"].value, row["d"].value
        if e in G and ("date" not in G.nodes[e] or d < G.nodes[e]["date"]):
            G.nodes[e]["date"] = d


def _add_articles(store: Store, G: nx.MultiDiGraph, lang: str) -> None:
    """Article nodes, each linked to the entities its sentences name (as bodies, or through the statements, posts
    and events that are bodies)."""
    query = f"""SELECT ?a ?l ?e WHERE {{ ?a a dj:Article . OPTIONAL {{ ?a rdfs:label ?l }}
        OPTIONAL {{ ?sentence dct:isPartOf ?a .
          {{ ?sentence dj:states ?e }} UNION {{ ?sentence dj:states/(rdf:subject|rdf:object) ?e }}
          UNION {{ ?sentence dj:states ?x . ?x a ?kind FILTER(?kind IN (dj:Post, dj:Event)) ?x ?link ?e
                   FILTER(?link != rdf:type) }}
          FILTER(isIRI(?e)) }} }}"""
    for row in _rows(store, query):
        a = row["a"].value
        if a not in G:
            G.add_node(a, type="Article", label=row["l"].value if row["l"] is not None else local_name(a))
        if row["e"] is not None and row["e"].value in G:
            G.add_edge(a, row["e"].value, key="mentions", predicate="mentions",
                       label=predicate_label("mentions", lang))


def _anchors(G: nx.MultiDiGraph, wanted: frozenset[str]) -> dict[str, frozenset[str]]:
    """For every node, the places of the `wanted` classes reached by following anchoring links upwards."""
    found: dict[str, frozenset[str]] = {}
    empty: frozenset[str] = frozenset()

    def up(node: str, path: set[str]) -> frozenset[str]:
        if node in found:
            return found[node]
        if G.nodes[node]["type"] in wanted:
            found[node] = frozenset((node,))
            return found[node]
        if node in path:  # a cycle of partOf links: stop here
            return empty
        path.add(node)
        reached: set[str] = set()
        for target, keys in G.succ[node].items():
            if not ANCHOR_PREDICATES.isdisjoint(keys):
                reached |= up(target, path)
        path.discard(node)
        found[node] = frozenset(reached) if reached else empty
        return found[node]

    for node in G:
        up(node, set())
    return found


def add_place_context(G: nx.MultiDiGraph) -> None:
    """Give every node `streets` and `districts`: frozensets of the place IRIs it belongs to or works in.

    Places, party organizations, facilities and events follow their anchoring links upwards
    (partOf, hostUnit, organizer, location); anything else takes the places of its neighbours.
    """
    streets_of = _anchors(G, frozenset({"Street"}))
    districts_of = _anchors(G, frozenset({"District", "Zone"}))
    anchored_streets, anchored_districts = dict(streets_of), dict(districts_of)
    for node in [n for n in G if not streets_of[n] and not districts_of[n]]:
        near = set(G.succ[node]) | set(G.pred[node])
        streets_of[node] = frozenset().union(*(anchored_streets[n] for n in near))
        districts_of[node] = frozenset().union(*(anchored_districts[n] for n in near))
    nx.set_node_attributes(G, streets_of, "streets")
    nx.set_node_attributes(G, districts_of, "districts")


def project(store: Store, *, include_articles: bool = False, lang: str = "zh") -> nx.MultiDiGraph:
    """The store's entities as a networkx multigraph, keyed by IRI.

    Nodes carry `type` (dj: class local name), `label`, `streets`, `districts` and, for events,
    `date`; edges carry `predicate` (local name) and `label`. Posts become person → organization
    edges with their `title`; annotations and articles are left out unless `include_articles`.

    Not run as a docstring example: it needs a store with articles loaded (tests/graph/network does).

    >>> G = project(store)  # doctest: +SKIP
    >>> G.nodes["https://w3id.org/dangjian/id/person/张三"]["type"]  # doctest: +SKIP
    'Person'
    """
    G = nx.MultiDiGraph()
    _add_nodes(store, G)
    _add_edges(store, G, lang)
    _add_posts(store, G, lang)
    _add_event_dates(store, G)
    add_place_context(G)
    if include_articles:
        _add_articles(store, G, lang)
        for node, data in G.nodes(data=True):
            data.setdefault("streets", frozenset())
            data.setdefault("districts", frozenset())
    return G


def simple(G: nx.MultiDiGraph) -> nx.Graph:
    """The undirected simple graph under a projection (parallel edges merged), for centrality."""
    H = nx.Graph()
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from((u, v) for u, v in G.edges() if u != v)
    return H


def nodes_of_type(G: nx.Graph, *types: str) -> list[str]:
    """The nodes whose class is one of `types`."""
    wanted = set(types)
    return [n for n, t in G.nodes(data="type") if t in wanted]


def counts_by_type(G: nx.Graph) -> dict[str, int]:
    """How many nodes of each class."""
    counts: dict[str, int] = defaultdict(int)
    for _, t in G.nodes(data="type"):
        counts[t] += 1
    return dict(counts)


__all__ = [
    "NODE_CLASSES", "PLACE_CLASSES", "PREDICATE_LABELS", "add_place_context", "counts_by_type", "date_start",
    "local_name", "nodes_of_type", "predicate_label", "project", "simple",
]
