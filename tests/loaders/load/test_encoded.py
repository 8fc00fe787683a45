"""The encoding step: an article as N-Quads whose graph is complete exactly when its content hash, kept apart and
written last, is there; its facts in the knowledge graph; each entity's type and label on their own."""
import pyoxigraph as ox

from dangjian.loaders.load.encoded import encode_document
from dangjian.loaders.load.extract_step import extract_document
from dangjian.loaders.load.options import LoadOptions
from dangjian.loaders.rdf.to_rdf import article_graph
from dangjian.loaders.read.document import Document
from dangjian.ontology import DJ, GAZETTEER_GRAPH, KNOWLEDGE_GRAPH, RDFS

PAGE = "青枫社区开展读书会\n\n近日,苏州市姑苏区双塔街道青枫社区党支部书记林晓带领党员开展读书会。\n"


def quads(data: bytes) -> list[ox.Quad]:
    return list(ox.parse(data, format=ox.RdfFormat.N_QUADS))


def test_encoded_article_graph_is_closed_by_its_content_hash_alone():
    results = extract_document(Document(path="page.txt", text=PAGE, kind="text"), LoadOptions())
    (article,), gazetteer = encode_document(results, refresh=True)
    graph = article_graph(article.article_id)
    marker, data = quads(article.marker), quads(article.data)
    assert [(q.graph_name, q.predicate.value, q.object.value) for q in marker] == \
        [(graph, f"{DJ}contentHash", article.content_hash)]
    assert data and all(q.graph_name == graph and q.predicate.value != f"{DJ}contentHash" for q in data)
    assert all(q.graph_name.value == KNOWLEDGE_GRAPH for q in quads(article.knowledge))
    assert all(q.graph_name.value == GAZETTEER_GRAPH for q in quads(gazetteer))
    labels = {q.object.value for head in article.heads.values() for q in quads(head) if q.predicate.value == RDFS + "label"}
    assert "林晓" in labels and article.entities and article.refresh
