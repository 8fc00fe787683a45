"""An entity's card: types, names, codes, every property with labelled values, incoming links and sources."""
from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox

from dangjian.graph.lookup.evidence import sentence_text
from dangjian.graph.lookup.labels import describe_nodes, local_id, main_type, select, term_json, vocab_label
from dangjian.graph.sparql.safety import iri, iri_list
from dangjian.ontology import DJ, RDF, RDFS, SKOS

__all__ = ["entity_card", "INCOMING_CAP"]

INCOMING_CAP = 200
_NAMES = {RDF + "type", RDFS + "label", SKOS + "altLabel", DJ + "code", SKOS + "notation"}
# Links from the provenance layer: shown as sources, not as incoming links.
_PROVENANCE = ("dj:states", "rdf:subject", "rdf:object", "dct:isPartOf")


def entity_card(store, entity: str, *, lang: str = "zh") -> dict | None:
    """The card of the entity with IRI `entity`, or None when the graph says nothing about it."""
    ref = iri(entity)
    out_rows = select(store, f"SELECT DISTINCT ?p ?o WHERE {{ {ref} ?p ?o }}")
    in_rows = select(store, f"""SELECT DISTINCT ?s ?p WHERE {{ ?s ?p {ref}
        FILTER(?p NOT IN ({', '.join(_PROVENANCE)})) }} LIMIT {INCOMING_CAP * 5}""")
    if not out_rows and not in_rows:
        return None
    linked = [r["o"].value for r in out_rows if isinstance(r["o"], ox.NamedNode)]
    nodes = describe_nodes(store, linked + [r["s"].value for r in in_rows])
    by_name = _names(out_rows)
    return {
        "iri": entity, "id": local_id(entity),
        "label": (by_name[RDFS + "label"] or [None])[0],
        "type": main_type(by_name[RDF + "type"]),
        "types": [_vocab_term(t, lang) for t in sorted(by_name[RDF + "type"])],
        "alt_labels": sorted(by_name[SKOS + "altLabel"]),
        "codes": sorted(set(by_name[DJ + "code"] + by_name[SKOS + "notation"])),
        "properties": _properties(out_rows, nodes, lang),
        "incoming": _incoming(store, ref, in_rows, nodes, lang),
        "sources": _sources(store, ref),
    }


def _names(rows: list[dict]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if row["p"].value in _NAMES:
            found[row["p"].value].append(row["o"].value)
    return found


def _vocab_term(term: str, lang: str) -> dict:
    return {"iri": term, "name": term.rsplit("#", 1)[-1].rsplit("/", 1)[-1], "label": vocab_label(term, lang)}


def _properties(rows: list[dict], nodes: dict[str, dict], lang: str) -> list[dict]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if row["p"].value not in _NAMES:
            grouped[row["p"].value].append(term_json(row["o"], nodes))
    return [{"predicate": _vocab_term(p, lang), "values": values} for p, values in sorted(grouped.items())]


def _incoming(store, ref: str, rows: list[dict], nodes: dict[str, dict], lang: str) -> list[dict]:
    counts = {r["p"].value: int(r["n"].value) for r in select(store, f"""SELECT ?p (COUNT(DISTINCT ?s) AS ?n) WHERE {{
        ?s ?p {ref} FILTER(?p NOT IN ({', '.join(_PROVENANCE)})) }} GROUP BY ?p""")}
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if len(grouped[row["p"].value]) < INCOMING_CAP:
            grouped[row["p"].value].append(term_json(row["s"], nodes))
    return [{"predicate": _vocab_term(p, lang), "count": counts.get(p, len(subjects)), "subjects": subjects}
            for p, subjects in sorted(grouped.items())]


def _sources(store, ref: str) -> list[dict]:
    """The articles that mention the entity or state a fact about it, each with its evidence sentences."""
    tail = f"?sentence dct:isPartOf ?article . {sentence_text('?sentence', 'evidence')}"
    # Each branch joins on its own: oxigraph evaluates a UNION followed by a join by scanning every sentence.
    # A sentence names an entity as a body, or through a statement, post or event that points at it.
    rows = select(store, f"""SELECT DISTINCT ?article ?evidence WHERE {{
        {{ ?sentence dj:states {ref} . {tail} }}
        UNION {{ ?st rdf:subject {ref} . ?sentence dj:states ?st . {tail} }}
        UNION {{ ?st rdf:object {ref} . ?sentence dj:states ?st . {tail} }}
        UNION {{ ?x ?link {ref} . ?x a ?kind FILTER(?kind IN (dj:Post, dj:Event)) ?sentence dj:states ?x . {tail} }} }}""")
    found = {r["article"].value for r in rows if isinstance(r["article"], ox.NamedNode)}
    if not found:
        return []
    meta = {r["article"].value: r for r in select(store, f"""SELECT ?article ?title ?date ?url ?source WHERE {{
        VALUES ?article {{ {iri_list(sorted(found))} }}
        OPTIONAL {{ ?article rdfs:label ?title }} OPTIONAL {{ ?article schema:datePublished ?date }}
        OPTIONAL {{ ?article schema:url ?url }} OPTIONAL {{ ?article dct:source ?source }} }}""")}
    articles = {key: {"article": key, "id": local_id(key), **{f: _value(meta.get(key, {}), f)
                                                             for f in ("title", "date", "url", "source")},
                      "evidence": []} for key in found}
    for row in rows:
        sentence = _value(row, "evidence")
        item = articles.get(row["article"].value)
        if item is not None and sentence and sentence not in item["evidence"]:
            item["evidence"].append(sentence)
    return sorted(articles.values(), key=lambda a: (a["date"] or "", a["article"]), reverse=True)


def _value(row: dict, name: str) -> str | None:
    term = row.get(name)
    return term.value if term is not None else None
