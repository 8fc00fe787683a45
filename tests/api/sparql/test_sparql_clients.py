"""What common SPARQL clients meet at /sparql: SPARQLWrapper's format= habits, repeated parameters, HEAD,
CORS for query editors on other origins, and the column order of SELECT *."""
from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
import rdflib
from SPARQLWrapper import CSV, GET, JSON, JSONLD, N3, POST, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from dangjian.api.app import create_app
from dangjian.api.settings import Settings

DJ = "https://w3id.org/dangjian/ontology#"
CONSTRUCT = f"CONSTRUCT {{ ?c <{DJ}partOf> ?s }} WHERE {{ ?c a <{DJ}Community> ; <{DJ}partOf> ?s }}"
SELECT = f"SELECT * WHERE {{ ?c a <{DJ}Community> }}"
EDITOR = "https://editor.example.org"


def _wrapper(base_url: str, return_format: str) -> SPARQLWrapper:
    endpoint = SPARQLWrapper(f"{base_url}/sparql")
    endpoint.setQuery(CONSTRUCT)
    endpoint.setReturnFormat(return_format)
    return endpoint


def test_sparql_clients_sparqlwrapper_gets_json_ld_from_construct(base_url: str) -> None:
    graph = _wrapper(base_url, JSONLD).queryAndConvert()
    assert isinstance(graph, rdflib.Graph) and len(graph) == 2
    assert {str(o) for o in graph.objects()} == {"https://w3id.org/dangjian/id/place/320599001000"}


def test_sparql_clients_sparqlwrapper_gets_n3_from_construct(base_url: str) -> None:
    response = _wrapper(base_url, N3).query()
    assert response.response.headers["Content-Type"].startswith("text/n3")
    graph = rdflib.Graph().parse(data=response.convert(), format="n3")
    assert len(graph) == 2


@pytest.mark.parametrize("method", [GET, POST])
@pytest.mark.parametrize("query, return_format, media", [
    (CONSTRUCT, TURTLE, "text/turtle"), (CONSTRUCT, N3, "text/n3"), (CONSTRUCT, RDFXML, "application/rdf+xml"),
    (CONSTRUCT, JSONLD, "application/ld+json"), (CONSTRUCT, XML, "application/rdf+xml"),
    (SELECT, JSON, "application/sparql-results+json"), (SELECT, XML, "application/sparql-results+xml"),
    (SELECT, CSV, "text/csv"), (SELECT, TSV, "text/tab-separated-values")])
def test_sparql_clients_sparqlwrapper_gets_every_format_it_asks_for(base_url: str, method: str, query: str,
                                                                    return_format: str, media: str) -> None:
    endpoint = SPARQLWrapper(f"{base_url}/sparql")
    endpoint.setQuery(query)
    endpoint.setReturnFormat(return_format)
    endpoint.setMethod(method)
    response = endpoint.query()
    assert response.response.headers["Content-Type"].startswith(media)
    assert response.convert()


def test_sparql_clients_unusable_format_falls_back_to_accept(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": CONSTRUCT, "format": "no-such-format"},
                          headers={"Accept": "application/n-triples"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/n-triples")
    assert len(response.text.strip().splitlines()) == 2


def test_sparql_clients_two_queries_get_400(client: httpx.Client) -> None:
    twice = [("query", "ASK {}"), ("query", "SELECT * {}")]
    by_get = client.get("/sparql", params=twice)
    by_form = client.post("/sparql", data={"query": ["ASK {}", "SELECT * {}"]})
    for response in (by_get, by_form):
        assert response.status_code == 400 and "2 query=" in response.json()["detail"]


def test_sparql_clients_head_answers_like_get_without_body(client: httpx.Client) -> None:
    params = {"query": CONSTRUCT, "format": "turtle"}
    got, head = client.get("/sparql", params=params), client.head("/sparql", params=params)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-length"] == str(len(got.content))
    assert client.head("/-/health").status_code == 200


def test_sparql_clients_select_star_keeps_the_order_of_first_appearance(client: httpx.Client) -> None:
    query = f"SELECT * WHERE {{ ?thing a <{DJ}Community> ; ?property ?value . BIND(1 AS ?added) }} LIMIT 1"
    assert client.get("/sparql", params={"query": query}).json()["head"]["vars"] == ["thing", "property", "value", "added"]
    csv = client.get("/sparql", params={"query": query, "format": "csv"}).text
    assert csv.splitlines()[0] == "thing,property,value,added"
    named = client.get("/sparql", params={"query": "SELECT ?z ?a WHERE { BIND(1 AS ?a) BIND(2 AS ?z) }"})
    assert named.json()["head"]["vars"] == ["z", "a"]


@pytest.fixture(scope="module")
def cors_url(community_store, serve_app) -> Iterator[str]:
    with serve_app(create_app(community_store, settings=Settings(cors_origins=(EDITOR,)))) as url:
        yield url


def test_sparql_clients_cors_is_off_by_default(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": EDITOR})
    assert "access-control-allow-origin" not in response.headers


def test_sparql_clients_cors_origin_may_query_and_preflight(cors_url: str) -> None:
    with httpx.Client(base_url=cors_url) as http:
        preflight = http.options("/sparql", headers={"Origin": EDITOR, "Access-Control-Request-Method": "POST",
                                                     "Access-Control-Request-Headers": "content-type"})
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == EDITOR
        assert "POST" in preflight.headers["access-control-allow-methods"]
        answer = http.post("/sparql", data={"query": "ASK {}"}, headers={"Origin": EDITOR})
        assert answer.headers["access-control-allow-origin"] == EDITOR
        assert "dangjian-rows" in answer.headers["access-control-expose-headers"].lower()
        stranger = http.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://other.example"})
        assert "access-control-allow-origin" not in stranger.headers


def test_sparql_clients_cors_refuses_an_origin_with_a_path() -> None:
    with pytest.raises(ValueError, match="origin"):
        Settings(cors_origins=("https://editor.example.org/yasgui",))
