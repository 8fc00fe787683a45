"""The entity network as two CSV tables, nodes.csv and edges.csv, for Excel, pandas and R."""
from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

import networkx as nx

from dangjian.graph.network.exchange import flat_graph
from dangjian.graph.network.projection import project
from dangjian.graph.network.source_counts import edge_sources, node_sources
from dangjian.graph.store import Store

__all__ = ["NODE_COLUMNS", "EDGE_COLUMNS", "sourced_network", "write_csv"]

NODE_COLUMNS = ("id", "label", "type", "streets", "districts", "date", "sources")
EDGE_COLUMNS = ("source", "target", "source_label", "target_label", "predicate", "label", "title", "sources")
# Excel opens UTF-8 as Chinese only with a byte-order mark; pandas and R's readr skip it.
ENCODING = "utf-8-sig"


def sourced_network(store: Store) -> nx.MultiDiGraph:
    """The projection whose nodes and edges carry `sources`: how many articles name or state them."""
    G = project(store, include_articles=True)
    per_node = node_sources(G)
    G.remove_nodes_from([n for n, kind in G.nodes(data="type") if kind == "Article"])
    per_edge = edge_sources(store)
    for node, data in G.nodes(data=True):
        data["sources"] = per_node.get(node, 0)
    for u, v, key, data in G.edges(keys=True, data=True):
        data["sources"] = per_edge.get((u, key, v), 0)
    return G


def write_csv(store: Store, directory: Path) -> tuple[int, int]:
    """Write DIRECTORY/nodes.csv and DIRECTORY/edges.csv (each replaced only once complete); returns the
    numbers of nodes and edges.

    Not run as a docstring example: it needs a store with articles loaded (tests/graph/network/test_network_csv.py does).

    >>> write_csv(store, Path("network"))  # doctest: +SKIP
    (120, 240)
    """
    F = flat_graph(sourced_network(store))
    nodes = [{"id": node, **data} for node, data in F.nodes(data=True)]
    edges = [{"source": u, "target": v, "source_label": F.nodes[u]["label"], "target_label": F.nodes[v]["label"],
              **data} for u, v, data in F.edges(data=True)]
    _write_table(directory / "nodes.csv", NODE_COLUMNS, nodes)
    _write_table(directory / "edges.csv", EDGE_COLUMNS, edges)
    return len(nodes), len(edges)


def _write_table(path: Path, columns: tuple[str, ...], rows: list[dict]) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding=ENCODING, newline="") as out:
            writer = csv.DictWriter(out, columns, extrasaction="ignore", restval="", lineterminator="\r\n")
            writer.writeheader()
            writer.writerows(rows)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
