"""The encoding step: an extracted article as N-Quads bytes (`Encoded`), what a worker process hands back and the
store's bulk loader takes, built as text with no RDF object per term."""
from __future__ import annotations

from dataclasses import dataclass

from dangjian.loaders.load.extract_step import ArticleResult
from dangjian.loaders.rdf.ntriples import nquads
from dangjian.loaders.rdf.to_rdf import article_graph
from dangjian.ontology import DJ, GAZETTEER_GRAPH, KNOWLEDGE_GRAPH

__all__ = ["CONTENT_HASH", "Encoded", "encode", "encode_document"]

CONTENT_HASH = f"<{DJ}contentHash>"


@dataclass
class Encoded:
    """One article ready for the store, as a worker process hands it back: serialized, no Python RDF objects."""

    article_id: str
    content_hash: str
    data: bytes          # N-Quads of the article graph, without its content hash
    knowledge: bytes     # N-Quads of its knowledge-graph facts, statements and other names (others may state them too)
    marker: bytes        # N-Quads of the content hash: written last, it marks the graph complete
    heads: dict[str, bytes]   # entity IRI → N-Quads of its type and label, written when the store lacks them
    entities: dict[str, str]  # entity IRI → class
    facts: int
    refresh: bool = False     # replace it even if its text is stored: the load gives metadata it was stored without


def encode(result: ArticleResult, refresh: bool = False) -> Encoded:
    """An article's N-Quads, built as text: no RDF object is made on the way to the store's bulk loader."""
    graph = article_graph(result.article_id).value
    data = nquads((t for t in result.lines if t[1] != CONTENT_HASH), graph)
    marker = nquads((t for t in result.lines if t[1] == CONTENT_HASH), graph)
    heads = {iri: nquads(head, KNOWLEDGE_GRAPH).encode() for iri, head in result.heads.items()}
    entities = {e.key: e.cls for e in result.facts.entities.values()}
    return Encoded(result.article_id, result.content_hash, data.encode(), nquads(result.knowledge, KNOWLEDGE_GRAPH).encode(),
                   marker.encode(), heads, entities, len(result.facts.facts), refresh)


def encode_document(results: list[ArticleResult], refresh: bool = False) -> tuple[list[Encoded], bytes]:
    """A document's articles encoded, and the N-Quads of the gazetteer places they touched (the same for each)."""
    gazetteer = nquads(results[0].gazetteer_lines, GAZETTEER_GRAPH) if results else ""
    return [encode(r, refresh) for r in results], gazetteer.encode()
