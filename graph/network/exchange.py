"""GraphML and GEXF exports of the projected graph, for Gephi and Cytoscape."""
from __future__ import annotations

import io
from typing import BinaryIO

import networkx as nx

from dangjian.graph.network.projection import date_start, project
from dangjian.graph.store import Store
from dangjian.graph.network.style import style_of

FORMATS = ("graphml", "gexf")
_XSI = b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'


def _places(G: nx.MultiDiGraph, iris: frozenset[str]) -> str:
    return "、".join(sorted(G.nodes[i]["label"] if i in G else i for i in iris))


def flat_graph(G: nx.MultiDiGraph, *, timeline: bool = False, colours: bool = False) -> nx.MultiDiGraph:
    """A copy whose attributes are strings only (no None, no sets), as GraphML and GEXF accept.

    With `timeline`, events get GEXF `start`/`end` from their date; with `colours`, nodes get a
    GEXF `viz` colour per class.
    """
    F = nx.MultiDiGraph()
    for node, data in G.nodes(data=True):
        attrs = {"label": data.get("label", node), "type": data.get("type", ""),
                 "streets": _places(G, data.get("streets", frozenset())),
                 "districts": _places(G, data.get("districts", frozenset()))}
        if "sources" in data:
            attrs["sources"] = str(data["sources"])
        if data.get("date"):
            attrs["date"] = str(data["date"])
            if timeline:
                attrs["start"] = attrs["end"] = date_start(attrs["date"])
        if colours:
            r, g, b = style_of(attrs["type"]).rgb()
            attrs["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}}
        F.add_node(node, **attrs)
    for number, (u, v, key, data) in enumerate(G.edges(keys=True, data=True)):
        attrs = {"predicate": data.get("predicate", str(key)), "label": data.get("label", "")}
        for name in ("title", "sources"):
            if data.get(name) is not None and data.get(name) != "":
                attrs[name] = str(data[name])
        # The key becomes the edge's id, which GraphML readers (graphology, Cytoscape) need unique in the file.
        F.add_edge(u, v, key=f"e{number}", **attrs)
    return F


def write_graphml(G: nx.MultiDiGraph, out: BinaryIO | str) -> None:
    """GraphML (for Cytoscape, Gephi, yEd): string attributes on nodes and edges."""
    nx.write_graphml(flat_graph(G), out, encoding="utf-8", named_key_ids=True)


def write_gexf(G: nx.MultiDiGraph, out: BinaryIO | str) -> None:
    """GEXF 1.3 for Gephi: events carry start/end dates for the timeline, nodes their class colour.
    networkx reads it back with `nx.read_gexf(path, version="1.3")`."""
    buffer = io.BytesIO()
    nx.write_gexf(flat_graph(G, timeline=True, colours=True), buffer, encoding="utf-8", version="1.3")
    # networkx 3.6 spells the XML Schema instance namespace without "www."; schema validators need it exact.
    body = buffer.getvalue().replace(b'xmlns:xsi="http://w3.org/2001/XMLSchema-instance"', _XSI, 1)
    if isinstance(out, str):
        with open(out, "wb") as handle:
            handle.write(body)
    else:
        out.write(body)


def export(store: Store, fmt: str, out: BinaryIO | str, *, include_articles: bool = False) -> nx.MultiDiGraph:
    """Project the store and write it as `fmt` ("graphml" or "gexf"); returns the projected graph.

    Not run as a docstring example: it writes a file and needs a store with articles loaded (tests/graph/network/test_exchange.py does).

    >>> export(store, "gexf", "dangjian.gexf")  # doctest: +SKIP
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    G = project(store, include_articles=include_articles)
    (write_graphml if fmt == "graphml" else write_gexf)(G, out)
    return G
