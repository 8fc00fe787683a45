"""User input to SPARQL terms: IRIs checked, literals escaped, ids expanded."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from dangjian.graph.sparql.safety import article_iri, entity_iri, iri, literal, term_iri

BREAKOUTS = ["http://a/b> } UNION { ?s ?p ?o", "http://a/{x}", 'http://a/"', "http://a/b c", "http://a/\n",
             "http://a/\\", "http://a/<script>", "nothing"]


@pytest.mark.parametrize("value", BREAKOUTS)
def test_sparql_safety_rejects_iris_that_could_break_out(value: str) -> None:
    with pytest.raises(ValueError):
        iri(value)


def test_sparql_safety_literal_round_trips_through_a_query() -> None:
    hostile = '"} UNION { ?s ?p ?o } #\n\\ <script>\'\'\''
    store = ox.Store()
    rows = list(store.query(f"SELECT ?x WHERE {{ BIND({literal(hostile, 'zh')} AS ?x) }}"))
    assert rows[0]["x"] == ox.Literal(hostile, language="zh")


def test_sparql_safety_ids_expand_to_the_project_namespaces() -> None:
    assert entity_iri("place/320599001001") == "https://w3id.org/dangjian/id/place/320599001001"
    assert entity_iri("https://example.org/x") == "https://example.org/x"
    assert article_iri("aaaaaaaaaaaaaaaa") == "https://w3id.org/dangjian/article/aaaaaaaaaaaaaaaa"
    assert term_iri("rdfs:label") == "http://www.w3.org/2000/01/rdf-schema#label"
    for bad in ("", "org/a b", 'org/"'):
        with pytest.raises(ValueError):
            entity_iri(bad)
