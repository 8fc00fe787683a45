"""The timeline under the graph page: the events of one unit (and of the party organization set up in it, or
the unit its party organization is set up in), in date order, undated ones last."""
from __future__ import annotations

import networkx as nx

from dangjian.graph.network.projection import date_start, predicate_label
from dangjian.graph.viz.fold import neighbours

TIMELINE_CAP = 300
# Units whose events a standalone page carries: the classes that organize, host or take part in events.
UNIT_CLASSES = frozenset({"District", "Zone", "Street", "Community", "ResidentialCompound", "PartyOrganization",
                          "Organization", "Facility", "Person"})


def _units(G: nx.MultiDiGraph, node: str) -> set[str]:
    """The node and the units tied to it by hostUnit: a community's party committee, a committee's community."""
    return {node} | {other for other, p in neighbours(G, node) if p == "hostUnit"}


def unit_events(G: nx.MultiDiGraph, node: str) -> list[tuple[str, str]]:
    """(event, predicate) for each event linked to the unit, once each, dated first by date, then by name."""
    found: dict[str, str] = {}
    for unit in sorted(_units(G, node)):
        for other, p in neighbours(G, unit):
            if G.nodes[other]["type"] == "Event" and other != node:
                found.setdefault(other, p)
    def order(event: str) -> tuple:
        date = G.nodes[event].get("date")
        return (date is None, date_start(date) if date else "", G.nodes[event]["label"], event)
    return [(e, found[e]) for e in sorted(found, key=order)]


def timeline(G: nx.MultiDiGraph, node: str, lang: str = "zh", cap: int = TIMELINE_CAP) -> dict:
    """The JSON of the timeline strip: the unit's id, name and class, and its events with their dates; past
    `cap` events, the latest `cap` dated ones, and `more` says how many were left out.

    Not run as a docstring example: it needs a projection of loaded articles (tests/graph/viz does).

    >>> timeline(G, community)["events"][0]  # doctest: +SKIP
    {'id': '…/event/…', 'label': '青年党员学习交流活动', 'date': '2023-07', 'day': '2023-07-01', 'role': '主办'}
    """
    data = G.nodes[node]
    events = [{"id": e, "label": G.nodes[e]["label"], "date": G.nodes[e].get("date"),
               "day": date_start(G.nodes[e]["date"]) if G.nodes[e].get("date") else None,
               "role": predicate_label(p, lang)}
              for e, p in unit_events(G, node)]
    more = max(0, len(events) - cap)
    if more:
        events = [e for e in events if e["day"]][-cap:]
    return {"id": node, "label": data["label"], "cls": data["type"], "events": events, "more": more}


__all__ = ["TIMELINE_CAP", "UNIT_CLASSES", "timeline", "unit_events"]
