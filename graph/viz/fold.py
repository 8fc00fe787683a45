"""Folding for the overview: events and programs become counts on the units they belong to, and entities
linked to nothing on screen are gathered under one labelled group node per class, so nothing floats alone."""
from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

import networkx as nx

# Classes the overview folds into counts on their units; a click unfolds them.
FOLDED = ("Event", "Program")
GROUP_PREFIX = "group:"
# Members kept per folded host or group, and in all (the counts still say how many there are): keeps the
# page light. Past them a count is larger than what a click unfolds; searching the unit shows them all.
MEMBER_CAP = 200
HIDDEN_CAP = 3000
# For an event, which of its units holds it, best first: the organizer, then a partner, then the venue.
_HOST_ORDER = {"organizer": 0, "partner": 1, "program": 1, "location": 2}


@dataclass
class Folding:
    """What the overview folded: hidden members per host (a shown node or a group), and each group's class."""

    members: dict[str, list[str]] = field(default_factory=dict)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    kept: set[str] = field(default_factory=set)

    def hidden(self) -> list[str]:
        """Every folded node, once, in a stable order."""
        return list(dict.fromkeys(m for members in self.members.values() for m in members))


def group_id(cls: str) -> str:
    """The id of the group node that gathers the unlinked entities of class `cls`."""
    return GROUP_PREFIX + cls


def is_group(node: str) -> bool:
    """Whether `node` is a group node rather than an entity."""
    return node.startswith(GROUP_PREFIX)


def neighbours(G: nx.MultiDiGraph, node: str, among: Collection[str] | None = None) -> Iterable[tuple[str, str]]:
    """(neighbour, predicate) over links in either direction, only to nodes of `among` when given."""
    # networkx's views cost microseconds a step; the adjacency dicts underneath answer the same, fast.
    for adjacency in (G._succ[node], G._pred[node]):
        for other, keyed in adjacency.items():
            if among is None or other in among:
                for data in keyed.values():
                    yield other, data.get("predicate", "")


def _hosts(G: nx.MultiDiGraph, node: str, shown: Collection[str]) -> list[str]:
    """The shown units a folded node belongs to: all those linked by its best kind of link."""
    best, hosts = 4, set()
    for adjacency in (G._succ[node], G._pred[node]):  # called once per event: plain loops, no generators
        for other, keyed in adjacency.items():
            if other in shown:
                rank = min(_HOST_ORDER.get(data.get("predicate", ""), 3) for data in keyed.values())
                if rank < best:
                    best, hosts = rank, {other}
                elif rank == best:
                    hosts.add(other)
    return sorted(hosts)


def _add(folding: Folding, host: str, member: str, cls: str) -> None:
    counts = folding.counts.setdefault(host, {})
    counts[cls] = counts.get(cls, 0) + 1
    members = folding.members.setdefault(host, [])
    if len(members) < MEMBER_CAP and (member in folding.kept or len(folding.kept) < HIDDEN_CAP):
        members.append(member)
        folding.kept.add(member)


def linked_to_others(G: nx.MultiDiGraph, node: str, shown: Collection[str]) -> bool:
    """Whether `node` has a link to another shown node."""
    return any(other in shown and other != node for other in (*G._succ[node], *G._pred[node]))


def fold(G: nx.MultiDiGraph, backbone: list[str], folded: list[str], units: Collection[str] = (),
         group_loners: bool = True) -> tuple[list[str], Folding, list[str]]:
    """The nodes to draw and what is folded.

    Each of `folded` counts on the shown units it belongs to; when it belongs to none of `units` (the units
    the overview could have shown) it counts on its class's group; when its units were all left out by the
    cap, it is left out too. With `group_loners`, each of `backbone` that links to none of `units` (nothing
    but events and programs) joins its class's group. Returns the drawn nodes (backbone order, groups last), the folding, and the folded
    nodes left out."""
    shown = set(backbone)
    loners = [n for n in backbone if not linked_to_others(G, n, units or shown)] if group_loners else []
    shown.difference_update(loners)
    folding, left_out = Folding(), []
    for node in loners:
        cls = G._node[node]["type"]
        folding.groups[group_id(cls)] = cls
        _add(folding, group_id(cls), node, cls)
    for node in folded:
        cls = G._node[node]["type"]
        hosts = _hosts(G, node, shown)
        if not hosts and _hosts(G, node, units):
            left_out.append(node)
            continue
        for host in hosts or [group_id(cls)]:
            if is_group(host):
                folding.groups[host] = cls
            _add(folding, host, node, cls)
    drawn = [n for n in backbone if n in shown] + sorted(folding.groups)
    return drawn, folding, left_out


__all__ = ["FOLDED", "GROUP_PREFIX", "HIDDEN_CAP", "MEMBER_CAP", "Folding", "fold", "group_id", "is_group",
           "linked_to_others", "neighbours"]
