"""Articles: the list of loaded articles, and one article with the entities and facts extracted from it."""
from __future__ import annotations

import pyoxigraph as ox

from dangjian.graph.lookup.evidence import sentence_text
from dangjian.graph.lookup.labels import describe_nodes, local_id, select, term_json, vocab_label
from dangjian.graph.sparql.safety import iri, literal
from dangjian.ontology import DJ, ID, RDF, RDFS, SKOS

__all__ = ["list_articles", "article_facts"]

_FIELDS = """OPTIONAL { ?a rdfs:label ?title } OPTIONAL { ?a schema:datePublished ?date }
    OPTIONAL { ?a dct:source ?source } OPTIONAL { ?a schema:url ?url }"""
_NOT_FACTS = {RDF + "type", RDFS + "label", SKOS + "altLabel"}


def _article(row: dict) -> dict:
    key = row["a"].value
    return {"iri": key, "id": local_id(key), **{f: row[f].value if f in row else None
                                               for f in ("title", "date", "source", "url")}}


def list_articles(store, *, limit: int = 100, offset: int = 0) -> dict:
    """Articles newest first, a page at a time: `{"total": n, "articles": [...]}`."""
    total = select(store, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a dj:Article }")[0]["n"].value
    rows = select(store, f"""SELECT ?a ?title ?date ?source ?url WHERE {{ ?a a dj:Article . {_FIELDS} }}
        ORDER BY DESC(?date) ?title ?a LIMIT {int(limit)} OFFSET {int(offset)}""")
    return {"total": int(total), "limit": limit, "offset": offset, "articles": [_article(r) for r in rows]}


def article_facts(store, article: str) -> dict | None:
    """One article (title, date, source, url, authors) with its entities and facts, or None if unknown.

    Facts are the statements the article's sentences state, each with the sentences that state it;
    entities are the ones its sentences name, with the number of sentences naming each.
    """
    ref = iri(article)
    head = select(store, f"SELECT ?a ?g ?title ?date ?source ?url WHERE {{ BIND({ref} AS ?a) "
                         f"GRAPH ?g {{ ?a a dj:Article }} {_FIELDS} }} LIMIT 1")
    if not head:
        return None
    graph = iri(head[0]["g"].value)
    # a fact's statement is the body, or for a post's or event's own facts, the post or event
    rows = select(store, f"""SELECT ?s ?p ?o ?evidence WHERE {{
        GRAPH {graph} {{ ?sentence dj:states ?st . {sentence_text("?sentence", "evidence")} }}
        {{ ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }}
        UNION {{ ?st a ?kind FILTER(?kind IN (dj:Post, dj:Event)) BIND(?st AS ?s) ?s ?p ?o }} }}""")
    authors = select(store, f"SELECT ?p WHERE {{ {ref} dj:author ?p }}")
    # an entity is named by a sentence as a body of its own, or through a statement, post or event of the sentence
    mentioned = select(store, f"""SELECT ?e (COUNT(DISTINCT ?sentence) AS ?n) WHERE {{
        {{ GRAPH {graph} {{ ?sentence dj:states ?e }} FILTER NOT EXISTS {{ ?e rdf:subject ?s }} }}
        UNION {{ GRAPH {graph} {{ ?sentence dj:states ?x }} ?x rdf:subject|rdf:object ?e FILTER(isIRI(?e)) }}
        UNION {{ GRAPH {graph} {{ ?sentence dj:states ?x }} ?x a ?kind FILTER(?kind IN (dj:Post, dj:Event))
                 ?x ?link ?e FILTER(isIRI(?e) && ?link != rdf:type) }}
        }} GROUP BY ?e ORDER BY DESC(?n)""")
    named = [r["s"].value for r in rows] + [r["o"].value for r in rows if isinstance(r["o"], ox.NamedNode)]
    named += [r["p"].value for r in authors] + [r["e"].value for r in mentioned]
    nodes = describe_nodes(store, named)
    return {
        **_article(head[0]), "graph": head[0]["g"].value,
        "authors": [nodes[r["p"].value] for r in authors],
        "entities": [{**nodes[r["e"].value], "mentions": int(r["n"].value)} for r in mentioned],
        "facts": _facts(rows, nodes),
    }


def _facts(rows: list[dict], nodes: dict[str, dict]) -> list[dict]:
    facts: dict[tuple, dict] = {}
    for row in rows:
        if row["p"].value in _NOT_FACTS or row["p"].value.startswith(DJ + "code"):
            continue
        key = (row["s"].value, row["p"].value, str(row["o"]))
        fact = facts.setdefault(key, {
            "subject": nodes[row["s"].value],
            "predicate": {"iri": row["p"].value, "label": vocab_label(row["p"].value)},
            "object": term_json(row["o"], nodes), "evidence": []})
        if "evidence" in row and row["evidence"].value not in fact["evidence"]:
            fact["evidence"].append(row["evidence"].value)
    return list(facts.values())
