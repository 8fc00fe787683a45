"""One query to a reply: dataset rules (union, FROM, protocol graphs) and errors carried as data."""
from __future__ import annotations

from functools import partial

import pyoxigraph as ox
import pytest

from dangjian.graph.sparql.query_exec import (NotAcceptable, QueryRequest, declares_dataset, execute, query_pyoxigraph)


@pytest.fixture
def store() -> ox.Store:
    store = ox.Store()
    for name in ("a", "b"):
        store.add(ox.Quad(ox.NamedNode(f"urn:{name}"), ox.NamedNode("urn:p"), ox.Literal(name), ox.NamedNode(f"urn:g:{name}")))
    return store


def _values(store: ox.Store, query: str, default=None, named=None) -> list[str]:
    return sorted(r["o"].value for r in query_pyoxigraph(store, query, default, named))


def test_query_exec_default_graph_is_the_union_unless_from_or_protocol_says(store: ox.Store) -> None:
    assert _values(store, "SELECT ?o { ?s ?p ?o }") == ["a", "b"]
    assert _values(store, "SELECT ?o FROM <urn:g:a> { ?s ?p ?o }") == ["a"]
    assert _values(store, "SELECT ?o FROM <urn:g:a> { ?s ?p ?o }", default=["urn:g:b"]) == ["b"]
    assert _values(store, "SELECT ?o { GRAPH ?g { ?s ?p ?o } }", named=["urn:g:b"]) == ["b"]


def test_query_exec_from_is_found_only_as_a_keyword() -> None:
    assert declares_dataset("select * from named <urn:x> { }")
    assert declares_dataset("SELECT *\nFROM\n<urn:x> { }")
    for text in ['SELECT ?from { ?s ?p "FROM <x>" }', "SELECT * { ?s <urn:FROM> ?o } # FROM <x>",
                 "SELECT * { ?s ex:from ?o }", "SELECT * { ?s ?p '''a\nFROM <x>''' }"]:
        assert not declares_dataset(text), text


def test_query_exec_errors_come_back_as_replies_and_raise_on_unwrap(store: ox.Store) -> None:
    run = partial(query_pyoxigraph, store)
    bad = execute(run, QueryRequest("SELECT * {"))
    assert bad.error == "syntax" and "1:" in bad.message
    with pytest.raises(SyntaxError):
        bad.unwrap()
    with pytest.raises(NotAcceptable, match="turtle"):
        execute(run, QueryRequest("CONSTRUCT WHERE { ?s ?p ?o }", accept=("text/csv",))).unwrap()
    good = execute(run, QueryRequest("ASK { ?s ?p ?o }", format="json")).unwrap()
    assert good.body == b'{"head":{},"boolean":true}'
