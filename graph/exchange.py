"""GraphML and GEXF exports of the projected graph, for Gephi and Cytoscape."""
from __future__ import annotations

from typing import BinaryIO

import networkx as nx

from dangjian.graph.network import date_start, project
from dangjian.graph.store import Store
from dangjian.graph.style import style_of

FORMATS = ("graphml", "gexf")


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
        if data.get("date"):
            attrs["date"] = str(data["date"])
            if timeline:
                attrs["start"] = attrs["end"] = date_start(attrs["date"])
        if colours:
            r, g, b = style_of(attrs["type"]).rgb()
            attrs["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}}
        F.add_node(node, **attrs)
    for u, v, key, data in G.edges(keys=True, data=True):
        attrs = {"predicate": data.get("predicate", str(key)), "label": data.get("label", "")}
        if data.get("title"):
            attrs["title"] = data["title"]
        F.add_edge(u, v, key=str(key), **attrs)
    return F


def write_graphml(G: nx.MultiDiGraph, out: BinaryIO | str) -> None:
    """GraphML (for Cytoscape, Gephi, yEd): string attributes on nodes and edges."""
    nx.write_graphml(flat_graph(G), out, encoding="utf-8", named_key_ids=True)


def write_gexf(G: nx.MultiDiGraph, out: BinaryIO | str) -> None:
    """GEXF 1.2 for Gephi: events carry start/end dates for the timeline, nodes their class colour."""
    nx.write_gexf(flat_graph(G, timeline=True, colours=True), out, encoding="utf-8")


def export(store: Store, fmt: str, out: BinaryIO | str, *, include_articles: bool = False) -> nx.MultiDiGraph:
    """Project the store and write it as `fmt` ("graphml" or "gexf"); returns the projected graph.

    >>> export(store, "gexf", "dangjian.gexf")  # doctest: +SKIP
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    G = project(store, include_articles=include_articles)
    (write_graphml if fmt == "graphml" else write_gexf)(G, out)
    return G
