"""Taking an article back out of the store: its evidence graph goes, and each fact or entity no other article states."""
from __future__ import annotations

from dangjian.loaders.rdf.to_rdf import article_graph
from dangjian.ontology import ARTICLE, DJ, GRAPH, KNOWLEDGE_GRAPH, PROV, RDF

__all__ = ["retract_article", "stored_hashes", "stored_documents", "article_ids_of"]

_PREFIX = f"{GRAPH}article/"

# A fact (an rdf:Statement) goes with its triple; an entity with everything said about it (its type, labels,
# and facts: a post's or event's own facts have no statement of their own). Only what no remaining graph still
# names: a fact two articles state survives the removal of one, and an entity survives while a sentence states
# it, or states a fact, post or event that points at it (a sentence's statement stands for its subject and object).
# Three NOT EXISTS, no UNION or path inside one: Virtuoso loses ?b in those and removes what is still stated.
_CLEANUP = f"""
DELETE {{ GRAPH <{KNOWLEDGE_GRAPH}> {{ ?b ?p ?o . ?s ?pred ?obj }} }}
WHERE {{
  VALUES ?b {{ %s }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?sentence <{DJ}states> ?b }} }}
  FILTER NOT EXISTS {{ GRAPH <{KNOWLEDGE_GRAPH}> {{ ?stated <{RDF}subject> ?b }} GRAPH ?h {{ ?other <{DJ}states> ?stated }} }}
  FILTER NOT EXISTS {{ GRAPH <{KNOWLEDGE_GRAPH}> {{ ?stating <{RDF}object> ?b }} GRAPH ?i {{ ?another <{DJ}states> ?stating }} }}
  FILTER NOT EXISTS {{ GRAPH <{KNOWLEDGE_GRAPH}> {{ ?own ?link ?b ; a ?kind FILTER(?kind IN (<{DJ}Post>, <{DJ}Event>)) }}
                      GRAPH ?j {{ ?third <{DJ}states> ?own }} }}
  GRAPH <{KNOWLEDGE_GRAPH}> {{
    {{ ?b <{RDF}subject> ?s ; <{RDF}predicate> ?pred ; <{RDF}object> ?obj ; ?p ?o }}
    UNION {{ ?b ?p ?o FILTER NOT EXISTS {{ ?b <{RDF}subject> ?any }} }}
  }}
}}"""

# What an article's sentences state, and what that points at in the knowledge graph: the candidates to remove.
_NAMED = f"""SELECT DISTINCT ?b WHERE {{
  {{ GRAPH <%(graph)s> {{ ?a <{DJ}states> ?b }} }}
  UNION {{ GRAPH <%(graph)s> {{ ?a <{DJ}states> ?x }}
          GRAPH <{KNOWLEDGE_GRAPH}> {{ ?x ?link ?b FILTER(isIRI(?b) && ?link NOT IN (<{RDF}type>, <{RDF}predicate>)) }} }}
}}"""


def stored_hashes(store) -> dict[str, tuple[str, str | None]]:
    """Article id → (content hash, extractor version) of every article graph; a graph cut short before its hash
    was written maps to ("incomplete", None), so the next load replaces it."""
    rows = store.query(
        f"SELECT ?g ?h ?v WHERE {{ GRAPH ?g {{ ?a <{DJ}contentHash> ?h . "
        f"OPTIONAL {{ ?a <{PROV}wasGeneratedBy>/<{DJ}extractorVersion> ?v }} }} }}", default_graph=None)
    known = {row["g"].value[len(_PREFIX):]: (row["h"].value, row["v"].value if row["v"] is not None else None)
             for row in rows if row["g"].value.startswith(_PREFIX)}
    for graph in store.graphs():
        if graph.startswith(_PREFIX) and graph[len(_PREFIX):] not in known:
            known[graph[len(_PREFIX):]] = ("incomplete", None)
    return known


def stored_documents(store) -> dict[str, int]:
    """Document digest → number of complete article graphs read from it (a document whose articles are all
    there, by the digest of its text, metadata and extractor version, is not read again)."""
    rows = store.query(
        f"SELECT ?d (COUNT(DISTINCT ?a) AS ?n) WHERE {{ GRAPH ?g {{ ?a <{DJ}documentHash> ?d ; <{DJ}contentHash> ?h }} }} "
        f"GROUP BY ?d", default_graph=None)
    known = {}
    for row in rows:  # the value is "digest:articles"; a document some of whose articles were removed is read again
        digest, _, expected = row["d"].value.partition(":")
        if expected == row["n"].value:
            known[digest] = int(expected)
    return known


def retract_article(store, article_id: str, chunk: int = 200) -> bool:
    """Remove one article: its graph, then the facts and entities it alone stated. False if it was not there."""
    graph = article_graph(article_id).value
    rows = store.query(_NAMED % {"graph": graph}, default_graph=None)
    bodies = [row["b"].value for row in rows]
    if not bodies and graph not in store.graphs():
        return False
    store.drop_graph(graph)
    for i in range(0, len(bodies), chunk):
        store.update(_CLEANUP % " ".join(f"<{b}>" for b in bodies[i:i + chunk]))
    return True


def article_ids_of(store, ref: str) -> list[str]:
    """The articles an argument of `dangjian remove` names: an article IRI, its graph's IRI, its URL or the file
    it was read from (every article of that file)."""
    if ref.startswith(ARTICLE):
        return [ref[len(ARTICLE):]]
    if ref.startswith(_PREFIX):
        return [ref[len(_PREFIX):]]
    import pyoxigraph as ox
    literal = str(ox.Literal(ref))
    rows = store.query(
        f"SELECT DISTINCT ?a WHERE {{ ?a a <{DJ}Article> . "
        f"{{ ?a <https://schema.org/url> ?u FILTER(STR(?u) = {literal}) }} UNION "
        f"{{ ?a <{DJ}sourceFile> ?f FILTER(?f = {literal} || STRSTARTS(?f, CONCAT({literal}, \":\"))) }} }}")
    return [row["a"].value[len(ARTICLE):] for row in rows]
