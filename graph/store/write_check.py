"""Checking that a server applied a write: a few triples of each graph written, counted afterwards."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox

__all__ = ["graph_runs", "samples", "found_queries"]

# Triples asked about in one query: enough to keep the check to one request per batch of a load.
CHUNK = 400


def graph_runs(quads: Iterable[ox.Quad]) -> Iterator[tuple[ox.NamedNode, list[ox.Triple]]]:
    """Consecutive quads of the same graph, in order, as (graph, triples): what was written last stays last.

    >>> g = ox.NamedNode("https://w3id.org/dangjian/graph/a"); t = ox.Triple(g, g, g)
    >>> [(graph.value, len(triples)) for graph, triples in graph_runs([ox.Quad(*t, g), ox.Quad(*t, g)])]
    [('https://w3id.org/dangjian/graph/a', 2)]
    """
    graph, run = None, []
    for quad in quads:
        if quad.graph_name != graph and run:
            yield graph, run
            run = []
        graph = quad.graph_name
        run.append(quad.triple)
    if run:
        yield graph, run


def _plain(triple: ox.Triple) -> bool:
    """A triple a server matches exactly: no blank node, no typed value it may write back another way."""
    nodes = (triple.subject, triple.object)
    if any(isinstance(node, ox.BlankNode) for node in nodes):
        return False
    obj = triple.object
    return not isinstance(obj, ox.Literal) or obj.language is not None or obj.datatype.value.endswith("#string")


def samples(graph: ox.NamedNode, triples: list[ox.Triple]) -> list[tuple[ox.NamedNode, ox.Triple]]:
    """The first and last plain triples written to a graph."""
    plain = [t for t in triples if _plain(t)]
    return [(graph, t) for t in {id(t): t for t in plain[:1] + plain[-1:]}.values()]


def found_queries(checks: list[tuple[ox.NamedNode, ox.Triple]]) -> Iterator[tuple[str, int]]:
    """(query, expected): a query counting how many sampled triples the store holds in their graphs, and how
    many it should find. A VALUES table, as one GRAPH block per triple overflows Virtuoso's compiler stack.

    >>> g = ox.NamedNode("https://w3id.org/dangjian/graph/a")
    >>> query, expected = next(found_queries([(g, ox.Triple(g, g, ox.Literal("社区", language="zh")))]))
    >>> query[:60], expected
    ('SELECT (COUNT(*) AS ?n) WHERE { VALUES (?g ?s ?p ?o) { (<htt', 1)
    """
    unique = list(dict.fromkeys(checks))
    for i in range(0, len(unique), CHUNK):
        chunk = unique[i:i + CHUNK]
        rows = " ".join(f"({graph} {t.subject} {t.predicate} {t.object})" for graph, t in chunk)
        yield f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES (?g ?s ?p ?o) {{ {rows} }} GRAPH ?g {{ ?s ?p ?o }} }}", len(chunk)
