"""Rendering query results: SPARQL result documents, RDF, and the terminal table."""
from __future__ import annotations

import io
import json

import pyoxigraph as ox
import pytest

from dangjian.graph.dataset.results import FormatMismatch, display_width, render_table, shorten, write_result

DATA = """
@prefix dj: <https://w3id.org/dangjian/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/dangjian/id/community/蠡口社区> a dj:Community ; rdfs:label "蠡口社区"@zh .
<https://w3id.org/dangjian/id/street/x> a dj:Street ; rdfs:label "Street X"@en .
"""
SELECT = "SELECT ?e ?type ?name WHERE { ?e a ?type ; <http://www.w3.org/2000/01/rdf-schema#label> ?name } ORDER BY ?name"


@pytest.fixture
def data() -> ox.Store:
    store = ox.Store()
    store.load(DATA, ox.RdfFormat.TURTLE)
    return store


def written(result, format: str) -> bytes:
    out = io.BytesIO()
    write_result(result, format, out)
    return out.getvalue()


def test_results_json_is_the_sparql_results_document(data):
    document = json.loads(written(data.query(SELECT), "json"))
    assert document["head"]["vars"] == ["e", "type", "name"]
    assert document["results"]["bindings"][1]["name"] == {"type": "literal", "value": "蠡口社区", "xml:lang": "zh"}
    assert json.loads(written(data.query("ASK { ?s ?p ?o }"), "json")) == {"head": {}, "boolean": True}


def test_results_table_aligns_by_display_width(data):
    text, rows = render_table(data.query(SELECT))
    lines = text.splitlines()
    assert rows == 2
    assert len({display_width(line[:line.index("|")]) for line in lines if "|" in line}) == 1
    assert "dj:Community" in text and "蠡口社区" in text


def test_results_table_cuts_long_cells_and_shows_line_breaks():
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/p"),
                      ox.Literal("第一行\n" + "长" * 100)))
    text, _ = render_table(store.query("SELECT ?o WHERE { ?s ?p ?o }"))
    cell = text.splitlines()[2].strip()
    assert cell.startswith("第一行⏎") and cell.endswith("…") and display_width(cell) <= 60


def test_results_graph_formats_fit_only_graphs(data):
    turtle = written(data.query("CONSTRUCT WHERE { ?s ?p ?o }"), "turtle")
    assert turtle.startswith(b"@prefix") and len(list(ox.parse(turtle, ox.RdfFormat.TURTLE))) == 4
    with pytest.raises(FormatMismatch):
        written(data.query(SELECT), "turtle")
    with pytest.raises(FormatMismatch):
        written(data.query("CONSTRUCT WHERE { ?s ?p ?o }"), "csv")


def test_results_shorten_uses_the_project_prefixes():
    assert shorten(ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")) == "rdfs:label"
    assert shorten(ox.NamedNode("https://example.org/x")) == "<https://example.org/x>"
    assert shorten(ox.Literal("2023-07-20", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))) == "2023-07-20"
    assert shorten(None) == ""
