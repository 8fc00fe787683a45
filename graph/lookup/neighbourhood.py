"""An entity's neighbourhood: the nodes within 1–3 hops and the links between them, as node-link JSON."""
from __future__ import annotations

from collections.abc import Sequence

from dangjian.graph.lookup.labels import describe_nodes, local_id, main_type, select, vocab_label
from dangjian.graph.sparql.safety import iri, iri_list, term_iri
from dangjian.ontology import CORE_CLASSES, DJ

__all__ = ["neighbourhood", "MAX_HOPS", "MAX_NODES"]

MAX_HOPS = 3
MAX_NODES = 2000
# The provenance layer and typing are not links between entities.
_HIDDEN = ("rdf:type", "dj:states", "dct:isPartOf", "rdf:subject", "rdf:object",
           "rdf:predicate", "prov:wasGeneratedBy", "schema:url")


def neighbourhood(store, entity: str, *, hops: int = 1, types: Sequence[str] = (),
                  predicates: Sequence[str] = (), limit: int = 200) -> dict:
    """Nodes and links around `entity` up to `hops` away, at most `limit` nodes.

    `types` keeps only neighbours of those dj: classes (local names); `predicates` keeps only
    those links (`partOf`, `dj:partOf` or full IRIs). `graph.truncated` says whether the cap cut.
    Raises ValueError for hops out of 1..3, a limit out of 1..2000 or an unknown type/predicate.
    """
    if not 1 <= hops <= MAX_HOPS:
        raise ValueError(f"hops must be between 1 and {MAX_HOPS}")
    if not 1 <= limit <= MAX_NODES:
        raise ValueError(f"limit must be between 1 and {MAX_NODES}")
    filters = _filters(types, predicates)
    iri(entity)
    hop_of, links, truncated = {entity: 0}, {}, False
    centre = describe_nodes(store, [entity])[entity]
    info: dict[str, dict] = {entity: {"label": centre["label"], "types": {DJ + centre["type"]} if centre["type"] else set()}}
    frontier = [entity]
    for hop in range(1, hops + 1):
        if not frontier:
            break
        rows = _step(store, frontier, filters, limit * 8 + 1)
        truncated |= len(rows) > limit * 8
        frontier = []
        for row in rows:
            _note(info, row)
            if "p" not in row:
                continue
            s, p, o = row["s"].value, row["p"].value, row["o"].value
            for node in (s, o):
                if node not in hop_of:
                    if len(hop_of) >= limit:
                        truncated = True
                        continue
                    hop_of[node] = hop
                    frontier.append(node)
            if s in hop_of and o in hop_of:
                links[(s, p, o)] = None
    return _node_link(entity, hops, limit, truncated, hop_of, list(links), info)


def _step(store, frontier: list[str], filters: str, row_limit: int) -> list[dict]:
    """One hop out from `frontier`: the links with the far node's labels and types, in one query.

    Each filter sits inside its branch, and the centre's own label is asked separately: oxigraph
    plans a UNION that has a third, pattern-free branch (or filters after it) as a scan. The rows
    come sorted, so every store keeps the same nodes at the cap; sorting in the engine costs about a
    third of the query, so it is asked for only when the cap cuts, and a whole answer is sorted here.
    """
    rows = select(store, _step_query(frontier, filters, row_limit, ordered=False))
    if len(rows) >= row_limit:
        return select(store, _step_query(frontier, filters, row_limit, ordered=True))
    return sorted(rows, key=_order)


def _step_query(frontier: list[str], filters: str, row_limit: int, *, ordered: bool) -> str:
    hidden = f"?p NOT IN ({', '.join(_HIDDEN)})"
    return f"""SELECT ?s ?p ?o ?other ?label ?type WHERE {{
        VALUES ?n {{ {iri_list(frontier)} }}
        {{ ?n ?p ?o . FILTER(isIRI(?o) && {hidden}) BIND(?n AS ?s) BIND(?o AS ?other) {filters} }}
        UNION {{ ?s ?p ?n . FILTER(isIRI(?s) && {hidden}) BIND(?n AS ?o) BIND(?s AS ?other) {filters} }}
        OPTIONAL {{ ?other rdfs:label ?label }} OPTIONAL {{ ?other a ?type }}
    }} {"ORDER BY ?s ?p ?o ?label ?type" if ordered else ""} LIMIT {row_limit}"""


def _order(row: dict) -> tuple[str, ...]:
    """The engine's ORDER BY ?s ?p ?o ?label ?type for these rows: IRIs and labels by their text, unbound first."""
    return tuple(row[name].value if name in row else "" for name in ("s", "p", "o", "label", "type"))


def _note(info: dict[str, dict], row: dict) -> None:
    node = info.setdefault(row["other"].value, {"label": None, "types": set()})
    if "label" in row and (node["label"] is None or row["label"].language == "zh"):
        node["label"] = row["label"].value
    if "type" in row:
        node["types"].add(row["type"].value)


def _filters(types: Sequence[str], predicates: Sequence[str]) -> str:
    text = ""
    if types:
        unknown = [t for t in types if t not in CORE_CLASSES]
        if unknown:
            raise ValueError(f"unknown type {unknown[0]!r}; use one of: {', '.join(CORE_CLASSES)}")
        text += f" ?other a ?kind . FILTER(?kind IN ({', '.join('dj:' + t for t in types)}))"
    if predicates:
        text += f" FILTER(?p IN ({', '.join(iri(term_iri(p)) for p in predicates)}))"
    return text


def _node_link(entity: str, hops: int, limit: int, truncated: bool, hop_of: dict[str, int],
               links: list[tuple[str, str, str]], info: dict[str, dict]) -> dict:
    def node(iri: str, hop: int) -> dict:
        known = info.get(iri, {"label": None, "types": ()})
        return {"iri": iri, "id": local_id(iri), "label": known["label"], "type": main_type(known["types"]),
                "hop": hop}
    return {
        "directed": True, "multigraph": True,
        "graph": {"center": entity, "hops": hops, "limit": limit, "truncated": truncated,
                  "nodes": len(hop_of), "links": len(links)},
        "nodes": [node(n, h) for n, h in hop_of.items()],
        "links": [{"source": s, "target": o, "predicate": p, "label": vocab_label(p)} for s, p, o in links],
    }
