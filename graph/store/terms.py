"""Small conversions both stores share: IRIs to nodes, triples to N-Triples text, checking serialized RDF."""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

__all__ = ["named_node", "ntriples", "check_rdf", "quads_into"]


def named_node(iri: str) -> ox.NamedNode:
    """A NamedNode, or a ValueError that quotes the bad IRI (pyoxigraph's own message omits it)."""
    try:
        return ox.NamedNode(iri)
    except ValueError as error:
        raise ValueError(f"not a valid IRI: {iri!r} ({error})") from None


def ntriples(triples: Iterable[ox.Triple]) -> str:
    """N-Triples text of some triples; also valid inside a SPARQL `INSERT DATA { GRAPH <g> { ... } }`.

    >>> ntriples([ox.Triple(ox.NamedNode("http://a"), ox.NamedNode("http://p"), ox.Literal("社区"))])
    '<http://a> <http://p> "社区" .\\n'
    """
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode()


def check_rdf(data: bytes, format: ox.RdfFormat, base_iri: str | None = None) -> int:
    """Parse the whole input once so a syntax error surfaces before anything is written; returns the quad count.

    Raises pyoxigraph's SyntaxError, whose `lineno` and `offset` locate the problem.
    """
    return sum(1 for _ in ox.parse(data, format, base_iri=base_iri))


def quads_into(data: bytes, format: ox.RdfFormat, graph: str, base_iri: str | None = None) -> list[ox.Quad]:
    """Parse RDF, putting default-graph triples into `graph` and keeping the graphs of quads."""
    target = named_node(graph)
    quads = []
    for quad in ox.parse(data, format, base_iri=base_iri):
        if isinstance(quad.graph_name, ox.DefaultGraph):
            quad = ox.Quad(quad.subject, quad.predicate, quad.object, target)
        quads.append(quad)
    return quads
