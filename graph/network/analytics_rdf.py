"""Write analytics results as RDF into the analytics named graph, so SPARQL can use them."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

import pyoxigraph as ox

from dangjian.graph.network.analytics import Analytics
from dangjian.graph.store import Store
from dangjian.ontology import ANALYTICS_GRAPH, DJ, ID, PROV, RDF, RDFS, XSD

# The dj: terms this module emits (declared in ontology/dangjian.ttl).
TERMS = ("degree", "degreeCentrality", "betweennessCentrality", "component", "Cluster", "cluster", "linksStreet")


def _dj(name: str) -> ox.NamedNode:
    return ox.NamedNode(DJ + name)


def _number(value: int | float) -> ox.Literal:
    kind = "integer" if isinstance(value, int) else "double"
    return ox.Literal(repr(value), datatype=ox.NamedNode(XSD + kind))


def cluster_iri(index: int) -> str:
    """The IRI of Louvain cluster number `index` (renumbered on every run)."""
    return f"{ID}cluster/louvain-{index}"


def analytics_triples(results: Analytics) -> Iterator[ox.Triple]:
    """Per entity: degree, both centralities, component; clusters and their members; streets a bridge links."""
    for row in results.centrality:
        node = ox.NamedNode(row.iri)
        yield ox.Triple(node, _dj("degree"), _number(row.degree))
        yield ox.Triple(node, _dj("degreeCentrality"), _number(float(row.degree_centrality)))
        yield ox.Triple(node, _dj("betweennessCentrality"), _number(float(row.betweenness)))
    for iri, index in results.component_of.items():
        yield ox.Triple(ox.NamedNode(iri), _dj("component"), _number(index))
    for cluster in results.clusters:
        node = ox.NamedNode(cluster_iri(cluster.index))
        yield ox.Triple(node, ox.NamedNode(RDF + "type"), _dj("Cluster"))
        yield ox.Triple(node, ox.NamedNode(RDFS + "label"), ox.Literal(f"社群 {cluster.index}", language="zh"))
        for member in cluster.members:
            yield ox.Triple(ox.NamedNode(member), _dj("cluster"), node)
    for bridge in results.bridges:
        for street in bridge.streets:
            yield ox.Triple(ox.NamedNode(bridge.iri), _dj("linksStreet"), ox.NamedNode(street))
    graph = ox.NamedNode(ANALYTICS_GRAPH)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    yield ox.Triple(graph, ox.NamedNode(PROV + "generatedAtTime"),
                    ox.Literal(now, datatype=ox.NamedNode(XSD + "dateTime")))


def write_analytics(store: Store, results: Analytics) -> int:
    """Replace the analytics graph with `results`; returns the number of triples written.

    Not run as a docstring example: it needs a store with articles loaded (tests/graph/network/test_analytics.py does).

    >>> write_analytics(store, analyze(project(store)))  # doctest: +SKIP
    """
    return store.replace_graph(ANALYTICS_GRAPH, analytics_triples(results))
