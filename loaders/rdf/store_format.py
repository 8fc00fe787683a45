"""The layout version of a store the loaders write, and the check that refuses to mix layouts."""
from __future__ import annotations

import pyoxigraph as ox

from dangjian.graph.store import StoreError
from dangjian.ontology import DJ, KNOWLEDGE_GRAPH

__all__ = ["STORE_FORMAT", "StoreFormatError", "check_store_format", "format_quad"]

# 1: every article graph restated its entities and facts, an annotation per mention and fact.
# 2: entities and facts once in the knowledge graph; article graphs hold a sentence annotation each.
# 3: a sentence's text is no longer copied (as a literal of its annotation): it is read from schema:text by its offsets; an entity a
#    statement, post or event of the same sentence names is no body of its own.
# 4: no Web Annotation per sentence: a sentence is a node with its offsets and article that dj:states its facts and
#    entities; a fact's rdf:Statement is no longer typed (rdf:subject's domain says it).
STORE_FORMAT = "4"


class StoreFormatError(StoreError):
    """The store holds articles in a layout this version does not write."""


def format_quad() -> ox.Quad:
    """The marker stating the layout, written with the first batch of articles."""
    graph = ox.NamedNode(KNOWLEDGE_GRAPH)
    return ox.Quad(graph, ox.NamedNode(DJ + "storeFormat"), ox.Literal(STORE_FORMAT), graph)


def check_store_format(store) -> None:
    """Raise StoreFormatError when the store has articles but not this layout's marker."""
    has_articles = store.query(f"ASK {{ GRAPH ?g {{ ?a a <{DJ}Article> }} }}", default_graph=None)
    if not bool(has_articles):
        return
    marker = store.query(f"SELECT ?v WHERE {{ GRAPH <{KNOWLEDGE_GRAPH}> {{ <{KNOWLEDGE_GRAPH}> <{DJ}storeFormat> ?v }} }}",
                         default_graph=None)
    found = [row["v"].value for row in marker]
    if found != [STORE_FORMAT]:
        version = found[0] if found else "1"
        raise StoreFormatError(
            f"{store!r} was built by another version of dangjian (store format {version}, this one writes "
            f"{STORE_FORMAT}); rebuild it: load your articles again into a new store (--store NEW_DIR), "
            f"or move the old one aside first")
