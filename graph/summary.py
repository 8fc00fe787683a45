"""Summary counts of the graph: entities per class, per street and district, articles and events per month."""
from __future__ import annotations

from collections import defaultdict

from dangjian.graph.labels import describe_nodes, select, vocab_label
from dangjian.graph.sparql_safety import iri_list
from dangjian.ontology import DJ

__all__ = ["stats_summary"]

# From an event's organizer up to the place it belongs to: the organizer itself, its host unit, its parents.
_UP = "(dj:hostUnit|dj:partOf|dj:subOrganizationOf)*"


def stats_summary(store) -> dict:
    """Counts per class, per street and per district (communities, events), and per month."""
    return {"classes": _classes(store), "streets": _places(store, "Street"),
            "districts": _places(store, "District"), "months": _months(store)}


def _classes(store) -> list[dict]:
    rows = select(store, f"""SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE {{
        ?e a ?c FILTER(STRSTARTS(STR(?c), "{DJ}")) }} GROUP BY ?c ORDER BY DESC(?n)""")
    return [{"class": r["c"].value[len(DJ):], "iri": r["c"].value, "label": vocab_label(r["c"].value),
             "count": int(r["n"].value)} for r in rows]


def _places(store, kind: str) -> list[dict]:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"streets": 0, "communities": 0, "events": 0})
    queries = {
        "communities": f"?x a dj:Community ; dj:partOf+ ?place . ?place a dj:{kind}",
        "events": f"?x a dj:Event ; dj:organizer ?o . ?o {_UP} ?place . ?place a dj:{kind}",
    }
    if kind != "Street":
        queries["streets"] = f"?x a dj:Street ; dj:partOf+ ?place . ?place a dj:{kind}"
    for name, pattern in queries.items():
        for r in select(store, f"SELECT ?place (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern} }} GROUP BY ?place"):
            counts[r["place"].value][name] = int(r["n"].value)
    for r in select(store, f"SELECT ?place WHERE {{ ?place a dj:{kind} }}"):
        counts[r["place"].value]
    nodes = describe_nodes(store, list(counts))
    parents = _parents(store, list(counts))
    rows = []
    for place, numbers in counts.items():
        if kind == "Street":
            numbers = {k: v for k, v in numbers.items() if k != "streets"}
        rows.append({**nodes[place], "parent": parents.get(place), **numbers})
    return sorted(rows, key=lambda r: (-r["events"], -r["communities"], r["label"] or ""))


def _parents(store, places: list[str]) -> dict[str, dict]:
    if not places:
        return {}
    found = {r["p"].value: r["parent"].value for r in select(store, f"""SELECT ?p ?parent WHERE {{
        VALUES ?p {{ {iri_list(places)} }} ?p dj:partOf ?parent }}""")}
    nodes = describe_nodes(store, list(found.values()))
    return {p: nodes[parent] for p, parent in found.items()}


def _months(store) -> list[dict]:
    months: dict[str, dict[str, int]] = defaultdict(lambda: {"articles": 0, "events": 0})
    for name, pattern in (("articles", "?x a dj:Article ; schema:datePublished ?d"),
                          ("events", "?x a dj:Event ; dj:date ?d")):
        for r in select(store, f"""SELECT ?m (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern}
                BIND(SUBSTR(STR(?d), 1, 7) AS ?m) FILTER(STRLEN(?m) = 7) }} GROUP BY ?m"""):
            months[r["m"].value][name] = int(r["n"].value)
    return [{"month": m, **n} for m, n in sorted(months.items())]
