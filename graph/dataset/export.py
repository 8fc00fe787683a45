"""Exporting a whole store as one RDF document (TriG, N-Quads and JSON-LD keep the named graphs; Turtle and
RDF/XML hold their union)."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import BinaryIO

import pyoxigraph as ox

from dangjian.graph.store import Store
from dangjian.ontology import PREFIXES

__all__ = ["EXPORTERS", "export_store", "quads"]

Exporter = Callable[[Store, BinaryIO], int]

ALL_QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
UNION = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"


def quads(store: Store) -> Iterator[ox.Quad]:
    """Every quad of every named graph, streamed."""
    for row in store.query(ALL_QUADS):
        yield ox.Quad(row["s"], row["p"], row["o"], row["g"])


def _dataset_exporter(format: ox.RdfFormat) -> Exporter:
    def export(store: Store, out: BinaryIO) -> int:
        counted = _Counter(quads(store))
        ox.serialize(counted, out, format, prefixes=PREFIXES)
        return counted.count
    return export


def _union_exporter(format: ox.RdfFormat) -> Exporter:
    """Formats without named graphs get the union of all graphs (the default graph queries see)."""
    def export(store: Store, out: BinaryIO) -> int:
        counted = _Counter(iter(store.query(UNION)))
        ox.serialize(counted, out, format, prefixes=PREFIXES)
        return counted.count
    return export


class _Counter:
    """Passes items through while counting them, so a streamed export can report its size."""

    def __init__(self, items: Iterator) -> None:
        self._items = items
        self.count = 0

    def __iter__(self) -> Iterator:
        for item in self._items:
            self.count += 1
            yield item


# Format name → exporter. The analytics issue adds "graphml" and "gexf" here (networkx projections).
EXPORTERS: dict[str, Exporter] = {
    "trig": _dataset_exporter(ox.RdfFormat.TRIG),
    "nquads": _dataset_exporter(ox.RdfFormat.N_QUADS),
    "jsonld": _dataset_exporter(ox.RdfFormat.JSON_LD),
    "turtle": _union_exporter(ox.RdfFormat.TURTLE),
    "rdfxml": _union_exporter(ox.RdfFormat.RDF_XML),
}


def export_store(store: Store, format: str, out: BinaryIO) -> int:
    """Write the store to `out` in one of EXPORTERS' formats; returns the number of quads or triples written.

    >>> import io, shutil, tempfile, pyoxigraph as ox
    >>> from dangjian.graph.store import open_store
    >>> folder = tempfile.mkdtemp()
    >>> store = open_store(folder)
    >>> store.replace_graph("https://example.org/g", [ox.Triple(ox.NamedNode("https://example.org/c"),
    ...                     ox.NamedNode("https://example.org/p"), ox.Literal("蠡口社区"))])
    1
    >>> export_store(store, "trig", io.BytesIO())
    1
    >>> store.close(); shutil.rmtree(folder)
    """
    try:
        exporter = EXPORTERS[format]
    except KeyError:
        raise ValueError(f"unknown export format {format!r}; choose one of {', '.join(EXPORTERS)}") from None
    return exporter(store, out)
