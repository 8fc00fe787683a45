"""How many articles support each node and edge of the projection: the weight researchers filter networks by."""
from __future__ import annotations

import networkx as nx

from dangjian.graph.network.projection import local_name
from dangjian.graph.store import Store
from dangjian.ontology import sparql_prefixes

__all__ = ["node_sources", "edge_sources"]

# A fact's articles are the graphs whose sentences state its statement; a post's or event's own links are
# supported by the graphs whose sentences state the post or event itself (docs/DESIGN.md, Provenance).
_LINKS = """SELECT ?s ?p ?o (COUNT(DISTINCT ?g) AS ?n) WHERE {
    { ?f rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . GRAPH ?g { ?sentence dj:states ?f } }
    UNION { ?s a ?kind FILTER(?kind IN (dj:Post, dj:Event)) ?s ?p ?o FILTER(isIRI(?o))
            GRAPH ?g { ?sentence dj:states ?s } } } GROUP BY ?s ?p ?o"""
_POSTS = """SELECT ?person ?org ?title (COUNT(DISTINCT ?g) AS ?n) WHERE {
    ?post a dj:Post ; dj:holder ?person ; dj:organization ?org . OPTIONAL { ?post dj:title ?title }
    GRAPH ?g { ?sentence dj:states ?post } } GROUP BY ?person ?org ?title"""


def node_sources(with_articles: nx.MultiDiGraph) -> dict[str, int]:
    """Each entity's number of articles, read from a projection made with `include_articles=True`."""
    return {node: sum(1 for a in with_articles.predecessors(node) if with_articles.nodes[a].get("type") == "Article")
            for node, kind in with_articles.nodes(data="type") if kind != "Article"}


def edge_sources(store: Store) -> dict[tuple[str, str, str], int]:
    """Articles per edge, keyed as the projection keys its edges: (source, key, target)."""
    counts: dict[tuple[str, str, str], int] = {}
    for row in store.query(sparql_prefixes() + _LINKS):
        counts[(row["s"].value, local_name(row["p"].value), row["o"].value)] = int(row["n"].value)
    for row in store.query(sparql_prefixes() + _POSTS):
        title = row["title"].value if row["title"] is not None else ""
        counts[(row["person"].value, f"post:{title}", row["org"].value)] = int(row["n"].value)
    return counts
