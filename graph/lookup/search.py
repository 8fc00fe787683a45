"""Entity search by name: labels and alternative labels, exact matches first, then prefixes, then substrings."""
from __future__ import annotations

from dangjian.graph.lookup.label_index import LabelIndex
from dangjian.graph.lookup.labels import describe_nodes, select, vocab_label
from dangjian.graph.sparql.safety import iri_list, literal
from dangjian.ontology import ARTICLE, CORE_CLASSES, DJ

__all__ = ["search_entities", "MAX_QUERY_CHARS"]

MAX_QUERY_CHARS = 200
_PARENT = "dj:partOf|dj:withinArea|dj:hostUnit|dj:subOrganizationOf|dj:organization"


def _type_filter(type_name: str | None) -> str:
    if type_name is None:
        return f"FILTER(!STRSTARTS(STR(?e), {literal(ARTICLE)}))"
    if type_name not in CORE_CLASSES:
        raise ValueError(f"unknown type {type_name!r}; use one of: {', '.join(CORE_CLASSES)}")
    return f"?e a dj:{type_name} ."


def search_entities(store, q: str, *, type: str | None = None, limit: int = 20,
                    index: LabelIndex | None = None) -> list[dict]:
    """Entities whose label or alternative label contains `q` (case-insensitive), best matches first.

    Each hit: iri, id, label, type, matched (the name that matched), parent (a node summary or
    None) and description. With an `index` (built from the same data) no store scan is needed.
    Raises ValueError for an empty or over-long `q` or an unknown type.
    """
    needle = q.strip().lower()
    if not needle or len(needle) > MAX_QUERY_CHARS:
        raise ValueError(f"q must have 1 to {MAX_QUERY_CHARS} characters")
    type_filter = _type_filter(type)
    if index is not None:
        hits = index.find(needle, type=type, limit=int(limit))
    else:
        hits = _scan(store, needle, type_filter, int(limit))
    details = _details(store, [iri for iri, _ in hits])
    return [{**details[iri], "matched": matched} for iri, matched in hits]


def _scan(store, needle: str, type_filter: str, limit: int) -> list[tuple[str, str]]:
    """The search as one SPARQL query: reads every name in the store."""
    text = literal(needle)
    # Ordered outside the grouping subquery: Virtuoso takes no aggregate's alias inside ORDER BY expressions.
    rows = select(store, f"""SELECT ?e ?matched WHERE {{ {{
      SELECT ?e (MIN(?rank) AS ?r) (MIN(?name) AS ?matched) (MIN(STR(?label)) AS ?l) WHERE {{
        ?e rdfs:label|skos:altLabel ?name .
        BIND(LCASE(STR(?name)) AS ?low)
        FILTER(CONTAINS(?low, {text}))
        {type_filter}
        ?e rdfs:label ?label .
        BIND(IF(?low = {text}, 0, IF(STRSTARTS(?low, {text}), 1, 2)) AS ?rank)
      }} GROUP BY ?e }} }} ORDER BY ?r STRLEN(?l) ?l ?e LIMIT {limit}""")
    return [(row["e"].value, row["matched"].value) for row in rows]


def _details(store, iris: list[str]) -> dict[str, dict]:
    if not iris:
        return {}
    found = describe_nodes(store, iris)
    extra = {iri: {"parent": None, "posts": [], "date": None} for iri in iris}
    rows = select(store, f"""SELECT ?e ?parent ?title ?org ?date WHERE {{
        VALUES ?e {{ {iri_list(iris)} }}
        {{ ?e {_PARENT} ?parent }}
        UNION {{ ?post dj:holder ?e ; dj:title ?title ; dj:organization ?org }}
        UNION {{ ?e dj:date ?date }} }}""")
    parents = [row["parent"].value for row in rows if "parent" in row]
    orgs = [row["org"].value for row in rows if "org" in row]
    named = describe_nodes(store, parents + orgs)
    for row in rows:
        item = extra[row["e"].value]
        if "parent" in row and item["parent"] is None:
            item["parent"] = named[row["parent"].value]
        if "title" in row:
            item["posts"].append(f"{named[row['org'].value]['label'] or ''}{row['title'].value}")
        if "date" in row:
            item["date"] = row["date"].value
    return {iri: {**found[iri], "parent": extra[iri]["parent"],
                  "description": _describe(found[iri]["type"], extra[iri])} for iri in iris}


def _describe(type_name: str | None, extra: dict) -> str:
    """A short line such as `社区 · 桃源街道` or `人物 · 桃源社区党委党委书记`."""
    parts = [vocab_label(DJ + type_name) if type_name else "实体"]
    if extra["parent"] and extra["parent"]["label"]:
        parts.append(extra["parent"]["label"])
    parts.extend(sorted(extra["posts"])[:2])
    if extra["date"]:
        parts.append(extra["date"])
    return " · ".join(parts)
