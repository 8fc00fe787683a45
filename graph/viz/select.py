"""Which nodes the graph page shows: a capped overview or a neighbourhood, and what the cap left out."""
from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

import networkx as nx

from dangjian.graph.network.projection import date_start
from dangjian.graph.viz.fold import FOLDED, Folding, fold, is_group
from dangjian.ontology import ID

DEFAULT_CAP = 300
MAX_CAP = 2000
# The skeleton an overview opens with before the most connected entities fill the rest.
SKELETON = ("District", "Zone", "Street")
# After the skeleton, the backbone in this order: communities, then their party organizations, then the rest.
TIERS = {"Community": 0, "PartyOrganization": 1}


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
    folding: Folding | None = None

    @property
    def truncated(self) -> bool:
        """Whether the cap cut anything."""
        return bool(self.left_out)

    def entities(self) -> list[str]:
        """Every entity the page can show: those drawn and those folded (group nodes are not entities)."""
        hidden = self.folding.hidden() if self.folding else []
        return [n for n in self.nodes if not is_group(n)] + hidden


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


def _backbone(G: nx.MultiDiGraph, candidates: list[str], cap: int) -> list[str]:
    """Streets and districts first (at most a third of the cap), then communities, party organizations and the
    rest, each best connected first."""
    skeleton = _most_connected(G, [n for n in candidates if G.nodes[n]["type"] in SKELETON], max(1, cap // 3))
    chosen = set(skeleton)
    rest = [n for n in candidates if n not in chosen]
    succ, pred, data = G._succ, G._pred, G._node
    ranked = heapq.nsmallest(cap - len(skeleton), rest, key=lambda v: (
        TIERS.get(data[v]["type"], 2), -len(succ[v]) - len(pred[v]), data[v]["label"], v))
    return skeleton + ranked


def _make_room(drawn: list[str], folding: Folding, cut: list[str], extra: int) -> tuple[list[str], list[str]]:
    """Group nodes count against the cap: drop the last `extra` units, and with them what was folded on them
    alone. Returns the drawn nodes and what the cap left out of the folding and the backbone."""
    units = [n for n in drawn if not is_group(n)]
    if extra <= 0 or not units:
        return drawn, cut
    dropped = set(units[-extra:])
    orphans = [m for host in dropped for m in folding.members.pop(host, [])]
    for host in dropped:
        folding.counts.pop(host, None)
    held = set(folding.hidden())
    return [n for n in drawn if n not in dropped], cut + sorted(dropped) + sorted({m for m in orphans if m not in held})


def overview(G: nx.MultiDiGraph, *, cap: int = DEFAULT_CAP, filters: Filters = Filters()) -> Selection:
    """The backbone (streets, communities, party organizations, then other units) with events and programs
    folded into counts on their units, and unlinked entities gathered in one group node per class. Events
    whose units the cap left out are left out with them.

    When the filter asks only for events or programs, they are shown themselves.

    Not run as a docstring example: it needs a projection of loaded articles (tests/graph/viz does).

    >>> overview(G, cap=300).left_out  # doctest: +SKIP
    {'Person': 97}
    """
    cap = _cap(cap)
    candidates = [n for n in G if filters.keeps(G, n)]
    folds = not filters.types or not filters.types <= set(FOLDED)
    kind = {n: G._node[n]["type"] for n in candidates}
    folded = [n for n in candidates if folds and kind[n] in FOLDED]
    hidden = set(folded)
    units = [n for n in candidates if n not in hidden]
    backbone = _backbone(G, units, cap)
    # Under a class filter, entities standing alone are what was asked for: they are not gathered in groups.
    drawn, folding, cut = fold(G, backbone, folded, set(units), group_loners=not filters.types)
    drawn, cut = _make_room(drawn, folding, cut, len(drawn) - cap)
    left = Counter(kind.values())
    left.subtract(kind[n] for n in backbone)
    left.subtract(kind[n] for n in folded)
    left.update(kind[n] for n in cut)
    return Selection(drawn, len(candidates), {t: c for t, c in left.items() if c > 0}, None, cap, folding=folding)


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
