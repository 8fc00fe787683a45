"""Summary counts of the graph: entities per class, per street and district, articles and events per month."""
from __future__ import annotations

from collections import defaultdict

from dangjian.graph.lookup.labels import describe_nodes, select, vocab_label
from dangjian.ontology import DJ

__all__ = ["stats_summary"]

_PLACES = ("Street", "District", "Community")


def stats_summary(store) -> dict:
    """Counts per class; communities and events per street and per district; articles and events per month.

    An event counts for a street or district when one of its organizers is in it: the organizer
    itself, its host unit or parent organization, and their places, followed up the partOf chain.
    """
    ups, kinds = _links(store)
    streets, districts = _under(store, ups, kinds)
    return {"classes": _classes(store), "streets": _rows(store, streets, ups, kinds, "Street"),
            "districts": _rows(store, districts, ups, kinds, "District"), "months": _months(store)}


def _links(store) -> tuple[dict[str, set[str]], dict[str, str]]:
    """Who is above whom (partOf, hostUnit, subOrganizationOf), and which nodes are streets, districts, communities."""
    ups: dict[str, set[str]] = defaultdict(set)
    for r in select(store, "SELECT DISTINCT ?x ?up WHERE { ?x dj:partOf|dj:withinArea|dj:hostUnit|dj:subOrganizationOf ?up }"):
        ups[r["x"].value].add(r["up"].value)
    kinds = {r["p"].value: r["k"].value[len(DJ):] for r in select(store, f"""SELECT DISTINCT ?p ?k WHERE {{
        ?p a ?k FILTER(?k IN ({', '.join('dj:' + k for k in _PLACES)})) }}""")}
    return ups, kinds


def _above(node: str, ups: dict[str, set[str]]) -> set[str]:
    seen, todo = {node}, [node]
    while todo:
        for parent in ups.get(todo.pop(), ()):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


def _under(store, ups, kinds) -> tuple[dict[str, dict[str, set]], dict[str, dict[str, set]]]:
    counts = {"Street": defaultdict(lambda: defaultdict(set)), "District": defaultdict(lambda: defaultdict(set))}
    for node, kind in kinds.items():
        if kind in ("Community", "Street"):
            for place in _above(node, ups) - {node}:
                if kinds.get(place) in counts:
                    counts[kinds[place]][place]["communities" if kind == "Community" else "streets"].add(node)
        if kind in counts:
            counts[kind][node]
    cache: dict[str, set[str]] = {}
    for r in select(store, "SELECT DISTINCT ?e ?o WHERE { ?e a dj:Event ; dj:organizer ?o }"):
        organizer = r["o"].value
        if organizer not in cache:
            cache[organizer] = {p for p in _above(organizer, ups) if kinds.get(p) in counts}
        for place in cache[organizer]:
            counts[kinds[place]][place]["events"].add(r["e"].value)
    return counts["Street"], counts["District"]


def _rows(store, counted: dict[str, dict[str, set]], ups, kinds, kind: str) -> list[dict]:
    nodes = describe_nodes(store, list(counted))
    parents = {p: min(ups[p]) if ups.get(p) else None for p in counted}
    parent_nodes = describe_nodes(store, [p for p in parents.values() if p])
    fields = ("communities", "events") if kind == "Street" else ("streets", "communities", "events")
    rows = [{**nodes[place], "parent": parent_nodes.get(parents[place]) if parents[place] else None,
             **{f: len(sets.get(f, ())) for f in fields}} for place, sets in counted.items()]
    return sorted(rows, key=lambda r: (-r["events"], -r["communities"], r["label"] or "", r["iri"]))


def _classes(store) -> list[dict]:
    rows = select(store, f"""SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE {{
        ?e a ?c FILTER(STRSTARTS(STR(?c), "{DJ}")) }} GROUP BY ?c ORDER BY DESC(?n) ?c""")
    return [{"class": r["c"].value[len(DJ):], "iri": r["c"].value, "label": vocab_label(r["c"].value),
             "count": int(r["n"].value)} for r in rows]


def _months(store) -> list[dict]:
    months: dict[str, dict[str, int]] = defaultdict(lambda: {"articles": 0, "events": 0})
    for name, pattern in (("articles", "?x a dj:Article ; schema:datePublished ?d"),
                          ("events", "?x a dj:Event ; dj:date ?d")):
        for r in select(store, f"""SELECT ?m (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern}
                BIND(SUBSTR(STR(?d), 1, 7) AS ?m) FILTER(STRLEN(?m) = 7) }} GROUP BY ?m"""):
            months[r["m"].value][name] = int(r["n"].value)
    return [{"month": m, **n} for m, n in sorted(months.items())]
