"""Exporting, statistics and validation over both stores."""
from __future__ import annotations

import io

import pyoxigraph as ox

from dangjian.graph.dataset.export import EXPORTERS, export_store
from dangjian.graph.dataset.stats import store_stats
from dangjian.graph.dataset.validate import validate_store

DJ = "https://w3id.org/dangjian/ontology#"
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
COMMUNITY = ox.NamedNode("https://w3id.org/dangjian/id/community/蠡口社区")
STREET = ox.NamedNode("https://w3id.org/dangjian/id/street/黄桥街道")
G1, G2 = "https://w3id.org/dangjian/graph/article/1", "https://w3id.org/dangjian/graph/article/2"


def fill(store) -> None:
    store.add(G1, [ox.Triple(COMMUNITY, TYPE, ox.NamedNode(DJ + "Community")),
                   ox.Triple(COMMUNITY, LABEL, ox.Literal("蠡口社区", language="zh")),
                   ox.Triple(COMMUNITY, ox.NamedNode(DJ + "partOf"), STREET)])
    store.add(G2, [ox.Triple(STREET, TYPE, ox.NamedNode(DJ + "Street")),
                   ox.Triple(STREET, LABEL, ox.Literal("黄桥街道", language="zh"))])


def exported(store, format: str) -> bytes:
    out = io.BytesIO()
    export_store(store, format, out)
    return out.getvalue()


def test_export_dataset_formats_keep_the_graphs(store):
    fill(store)
    for format, rdf_format in [("trig", ox.RdfFormat.TRIG), ("nquads", ox.RdfFormat.N_QUADS),
                               ("jsonld", ox.RdfFormat.JSON_LD)]:
        quads = list(ox.parse(exported(store, format), rdf_format))
        assert len(quads) == 5, format
        assert {q.graph_name.value for q in quads} == {G1, G2}, format


def test_export_turtle_holds_the_union(store):
    fill(store)
    triples = list(ox.parse(exported(store, "turtle"), ox.RdfFormat.TURTLE))
    assert len(triples) == 5
    assert set(EXPORTERS) >= {"trig", "nquads", "turtle", "jsonld"}


def test_stats_count_triples_graphs_and_entities(store):
    fill(store)
    stats = store_stats(store)
    assert (stats.triples, stats.graphs) == (5, 2)
    assert stats.classes["Community"] == 1 and stats.classes["Street"] == 1 and stats.classes["Person"] == 0
    assert "dj:Community" in stats.text()


def test_validate_reports_the_entity_by_its_label(store):
    fill(store)
    assert validate_store(store).conforms
    store.add(G2, [ox.Triple(COMMUNITY, LABEL, ox.Literal("蠡口", language="zh"))])
    report = validate_store(store)
    assert not report.conforms
    problem = next(r for r in report.results if r.focus == f"<{COMMUNITY.value}>")
    assert problem.label in {"蠡口社区", "蠡口"} and problem.path == "rdfs:label"
    assert problem.line() in report.text()
