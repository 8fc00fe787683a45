"""Which nodes the graph page shows: a capped overview or a neighbourhood, and what the cap left out."""
from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

import networkx as nx

from dangjian.graph.network import date_start
from dangjian.ontology import ID

DEFAULT_CAP = 300
MAX_CAP = 2000
# The skeleton an overview opens with before the most connected entities fill the rest.
SKELETON = ("District", "Zone", "Street")


@dataclass(frozen=True)
class Filters:
    """What the reader asked to see: classes, one street or district, an event date range."""

    types: frozenset[str] = frozenset()
    place: str | None = None
    date_from: str | None = None
    date_to: str | None = None

    def keeps(self, G: nx.MultiDiGraph, node: str) -> bool:
        """Whether `node` passes every filter."""
        data = G.nodes[node]
        if self.types and data["type"] not in self.types:
            return False
        if self.place and node != self.place and self.place not in data.get("streets", ()) \
                and self.place not in data.get("districts", ()):
            return False
        if data["type"] == "Event" and (self.date_from or self.date_to):
            if not data.get("date"):
                return False
            day = date_start(data["date"])
            if (self.date_from and day < self.date_from) or (self.date_to and day > self.date_to):
                return False
        return True


@dataclass
class Selection:
    """The nodes to draw, in priority order, and counts per class of the ones the cap left out."""

    nodes: list[str]
    candidates: int
    left_out: dict[str, int] = field(default_factory=dict)
    centre: str | None = None
    cap: int = DEFAULT_CAP
    hops: int = 0

    @property
    def truncated(self) -> bool:
        """Whether the cap cut anything."""
        return bool(self.left_out)


def _cap(cap: int) -> int:
    return max(1, min(int(cap), MAX_CAP))


def _most_connected(G: nx.MultiDiGraph, nodes: Collection[str], n: int) -> list[str]:
    """The `n` best-connected nodes (most neighbours), ties by name; a partial sort keeps large graphs quick."""
    # networkx's degree views cost microseconds a call; the adjacency dicts' sizes are the same count, fast.
    succ, pred, data = G._succ, G._pred, G._node
    return heapq.nsmallest(n, nodes, key=lambda v: (-len(succ[v]) - len(pred[v]), data[v]["label"], v))


def _select(G: nx.MultiDiGraph, ordered: list[str], cap: int, centre: str | None = None, hops: int = 0) -> Selection:
    cap = _cap(cap)
    shown = ordered[:cap]
    left = Counter(G.nodes[n]["type"] for n in ordered[cap:])
    return Selection(shown, len(ordered), dict(left), centre, cap, hops)


def overview(G: nx.MultiDiGraph, *, cap: int = DEFAULT_CAP, filters: Filters = Filters()) -> Selection:
    """Streets and districts first (at most a third of the cap), then the most connected entities.

    >>> overview(G, cap=300).left_out  # doctest: +SKIP
    {'Event': 512, 'Person': 97}
    """
    cap = _cap(cap)
    candidates = [n for n in G if filters.keeps(G, n)]
    skeleton = _most_connected(G, [n for n in candidates if G.nodes[n]["type"] in SKELETON], max(1, cap // 3))
    chosen = set(skeleton)
    shown = skeleton + _most_connected(G, [n for n in candidates if n not in chosen], cap - len(skeleton))
    left = Counter(G.nodes[n]["type"] for n in candidates)
    left.subtract(G.nodes[n]["type"] for n in shown)
    return Selection(shown, len(candidates), {t: c for t, c in left.items() if c > 0}, None, cap)


def focus(G: nx.MultiDiGraph, centre: str, *, hops: int = 1, cap: int = DEFAULT_CAP,
          filters: Filters = Filters()) -> Selection:
    """The centre and the nodes within `hops` links of it (either direction), nearest first.

    Filtered-out nodes are not walked through, except the centre itself.
    """
    if centre not in G:
        raise KeyError(centre)
    hops = max(1, min(hops, 3))
    depth, frontier = {centre: 0}, [centre]
    for hop in range(1, hops + 1):
        reached = []
        for node in frontier:
            for other in (*G.succ[node], *G.pred[node]):
                if other not in depth and filters.keeps(G, other):
                    depth[other] = hop
                    reached.append(other)
        frontier = reached
    ordered = sorted(depth, key=lambda n: (depth[n], -G.degree(n), G.nodes[n]["label"], n))
    return _select(G, ordered, cap, centre, hops)


def find_node(G: nx.MultiDiGraph, ref: str, types: Collection[str] = ()) -> str | None:
    """The node a reader means by `ref`: an IRI, a local id (`place/320507103004`) or an exact name.

    Among several entities of the same name the best connected one wins.
    """
    for candidate in (ref, ID + ref.lstrip("/")):
        if candidate in G and (not types or G.nodes[candidate]["type"] in types):
            return candidate
    named = [n for n, label in G.nodes(data="label") if label == ref and (not types or G.nodes[n]["type"] in types)]
    return max(named, key=lambda n: (G.degree(n), n)) if named else None
