"""Writing results: every format parses back to the same rows, and the row limit is reported."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from dangjian.graph.sparql.result_formats import GRAPH, SOLUTIONS, by_name
from dangjian.graph.sparql.result_writers import write_result

HOSTILE = '"} UNION {<script>\\\n\t第二行'


@pytest.fixture
def store() -> ox.Store:
    store = ox.Store()
    g = ox.NamedNode("urn:g")
    for i in range(5):
        store.add(ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), ox.Literal(f"{HOSTILE}{i}", language="zh"), g))
    store.add(ox.Quad(ox.BlankNode("b"), ox.NamedNode("urn:p"), ox.Literal("7", datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#integer")), g))
    return store


@pytest.mark.parametrize("name", ["json", "xml", "tsv"])
def test_result_writers_solutions_parse_back_identically(store: ox.Store, name: str) -> None:
    query = "SELECT ?s ?o ?unbound WHERE { ?s <urn:p> ?o } ORDER BY ?o"
    expected = [(r["s"], r["o"]) for r in store.query(query, use_default_graph_as_union=True)]
    fmt = by_name(name, SOLUTIONS)
    written = write_result(store.query(query, use_default_graph_as_union=True), fmt, 100)
    parsed = ox.parse_query_results(written.body, format=fmt.ox_format)
    assert [v.value for v in parsed.variables] == ["s", "o", "unbound"]
    rows = list(parsed)
    assert [r["o"] for r in rows] == [o for _, o in expected]
    assert all(r["unbound"] is None for r in rows)
    assert written.rows == 6 and not written.truncated


def test_result_writers_csv_quotes_values_with_newlines_and_commas(store: ox.Store) -> None:
    written = write_result(store.query("SELECT ?o WHERE { <urn:s0> <urn:p> ?o }", use_default_graph_as_union=True),
                           by_name("csv", SOLUTIONS), 10)
    assert written.body.decode() == 'o\r\n"""} UNION {<script>\\\n\t第二行0"\r\n'


def test_result_writers_cut_at_the_row_limit_and_say_so(store: ox.Store) -> None:
    solutions = write_result(store.query("SELECT * WHERE { ?s ?p ?o }", use_default_graph_as_union=True),
                             by_name("json", SOLUTIONS), 4)
    assert (solutions.rows, solutions.truncated) == (4, True)
    triples = write_result(store.query("CONSTRUCT WHERE { ?s ?p ?o }", use_default_graph_as_union=True),
                           by_name("nt", GRAPH), 4)
    assert (triples.rows, triples.truncated) == (4, True)
    assert len(list(ox.parse(triples.body, format=ox.RdfFormat.N_TRIPLES))) == 4
    exact = write_result(store.query("SELECT * WHERE { ?s ?p ?o }", use_default_graph_as_union=True),
                         by_name("json", SOLUTIONS), 6)
    assert (exact.rows, exact.truncated) == (6, False)
