"""Results the engine writes itself: the same rows as the Python writers, counted, and cut at the row limit."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from dangjian.graph.sparql.engine_writer import engine_solutions
from dangjian.graph.sparql.query_exec import QueryRequest, execute, query_pyoxigraph
from dangjian.graph.sparql.result_formats import SOLUTIONS, by_name

# Quotes, markup, a tab and a line break: what a count of lines or tags in the bytes must not trip over.
AWKWARD = '"} <result> {<script>\\\n\t第二行'


@pytest.fixture
def store() -> ox.Store:
    store = ox.Store()
    for i in range(6):
        store.add(ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), ox.Literal(f"{AWKWARD}{i}", language="zh"),
                          ox.NamedNode("urn:g")))
    return store


def _query(store: ox.Store, sparql: str) -> ox.QuerySolutions:
    return store.query(sparql, use_default_graph_as_union=True)


@pytest.mark.parametrize("name", ["json", "xml", "tsv"])
def test_engine_writer_counts_rows_through_awkward_literals(store: ox.Store, name: str) -> None:
    fmt = by_name(name, SOLUTIONS)
    written = engine_solutions(_query(store, "SELECT ?s ?o ?none { ?s <urn:p> ?o } ORDER BY ?s"), fmt, 100)
    assert (written.rows, written.truncated) == (6, False)
    rows = list(ox.parse_query_results(written.body, format=fmt.ox_format))
    assert [r["o"].value for r in rows] == [f"{AWKWARD}{i}" for i in range(6)]


@pytest.mark.parametrize("name", ["json", "xml", "tsv"])
def test_engine_writer_cuts_at_the_row_limit_and_says_so(store: ox.Store, name: str) -> None:
    fmt = by_name(name, SOLUTIONS)
    written = engine_solutions(_query(store, "SELECT ?s { ?s <urn:p> ?o } ORDER BY ?s"), fmt, 4)
    assert (written.rows, written.truncated) == (4, True)
    assert [r["s"].value for r in ox.parse_query_results(written.body, format=fmt.ox_format)] == \
        [f"urn:s{i}" for i in range(4)]


def test_engine_writer_stops_writing_past_its_byte_cap(store: ox.Store) -> None:
    assert engine_solutions(_query(store, "SELECT * { ?s ?p ?o }"), by_name("json", SOLUTIONS), 100, max_bytes=64) is None


def test_engine_writer_a_huge_result_is_still_cut_at_the_row_limit() -> None:
    store = ox.Store()
    text = ox.Literal("长" * 2000)
    store.extend(ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), text, ox.NamedNode("urn:g"))
                 for i in range(5000))  # about 30 MB as JSON: past the engine's cap
    reply = execute(lambda *args: query_pyoxigraph(store, *args),
                    QueryRequest("SELECT ?s ?o { ?s ?p ?o }", ("application/sparql-results+json",), row_limit=10))
    assert (reply.rows, reply.truncated) == (10, True)
    assert len(list(ox.parse_query_results(reply.body, format=ox.QueryResultsFormat.JSON))) == 10
