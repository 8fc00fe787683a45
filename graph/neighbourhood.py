"""An entity's neighbourhood: the nodes within 1–3 hops and the links between them, as node-link JSON."""
from __future__ import annotations

from collections.abc import Sequence

from dangjian.graph.labels import describe_nodes, select, vocab_label
from dangjian.graph.sparql_safety import iri, iri_list, term_iri
from dangjian.ontology import CORE_CLASSES

__all__ = ["neighbourhood", "MAX_HOPS", "MAX_NODES"]

MAX_HOPS = 3
MAX_NODES = 2000
# The provenance layer and typing are not links between entities.
_HIDDEN = ("rdf:type", "oa:hasBody", "oa:hasSource", "oa:hasTarget", "rdf:subject", "rdf:object",
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
    frontier = [entity]
    for hop in range(1, hops + 1):
        if not frontier:
            break
        rows = select(store, f"""SELECT DISTINCT ?s ?p ?o WHERE {{
            VALUES ?n {{ {iri_list(frontier)} }}
            {{ ?n ?p ?o . FILTER(isIRI(?o)) BIND(?n AS ?s) BIND(?o AS ?other) }}
            UNION {{ ?s ?p ?n . BIND(?n AS ?o) BIND(?s AS ?other) }}
            FILTER(?p NOT IN ({', '.join(_HIDDEN)}) && isIRI(?other)) {filters}
        }} LIMIT {limit * 4 + 1}""")
        truncated |= len(rows) > limit * 4
        frontier = []
        for row in rows:
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
    return _node_link(store, entity, hops, limit, truncated, hop_of, list(links))


def _filters(types: Sequence[str], predicates: Sequence[str]) -> str:
    text = ""
    if types:
        unknown = [t for t in types if t not in CORE_CLASSES]
        if unknown:
            raise ValueError(f"unknown type {unknown[0]!r}; use one of: {', '.join(CORE_CLASSES)}")
        text += f" ?other a ?type . FILTER(?type IN ({', '.join('dj:' + t for t in types)}))"
    if predicates:
        text += f" FILTER(?p IN ({', '.join(iri(term_iri(p)) for p in predicates)}))"
    return text


def _node_link(store, entity: str, hops: int, limit: int, truncated: bool,
               hop_of: dict[str, int], links: list[tuple[str, str, str]]) -> dict:
    described = describe_nodes(store, list(hop_of))
    return {
        "directed": True, "multigraph": True,
        "graph": {"center": entity, "hops": hops, "limit": limit, "truncated": truncated,
                  "nodes": len(hop_of), "links": len(links)},
        "nodes": [{**described[n], "hop": h} for n, h in hop_of.items()],
        "links": [{"source": s, "target": o, "predicate": p, "label": vocab_label(p)} for s, p, o in links],
    }
