"""SERVICE in a read-only query: refused with 400 and no outbound connection, unless the endpoint is allowed."""
from __future__ import annotations

import httpx
import pytest

from dangjian.api.app import create_app
from dangjian.api.settings import Settings

def _forms(url: str) -> list[str]:
    """SERVICE written every way a filter that matches text could miss."""
    base, _, path = url.rpartition("/")
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        f"PREFIX x: <{base}/> SELECT * WHERE {{ SERVICE x:{path} {{ ?s ?p ?o }} }}",
        f"BASE <{base}/> SELECT * WHERE {{ SERVICE <{path}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ # a comment {{ }}\n ?a ?b ?c OPTIONAL {{ SeRvIcE <{url}> {{ ?s ?p ?o }} }} }}",
        f'SELECT * WHERE {{ BIND("}}" AS ?q) FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}',
        f"SELECT * WHERE {{ FILTER(1<2)SERVICE<{url}>{{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ {{ SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
        f"SELECT * WHERE {{ BIND(<{url}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
    ]


def test_sparql_service_is_refused_with_400_and_no_connection(client: httpx.Client, listener) -> None:
    for query in _forms(listener.url):
        for response in (client.get("/sparql", params={"query": query}),
                         client.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query"})):
            assert response.status_code == 400, (query, response.status_code, response.text)
            assert "SERVICE" in response.json()["detail"] and "--allow-service" in response.json()["detail"]
    assert listener.connections == 0


def test_sparql_service_in_a_comment_or_string_is_only_text(client: httpx.Client, listener) -> None:
    for query in (f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT 1 # SERVICE <{listener.url}> {{ }}",
                  f'SELECT ?x WHERE {{ BIND("SERVICE <{listener.url}> {{ ?s ?p ?o }}" AS ?x) }}'):
        response = client.get("/sparql", params={"query": query, "format": "json"})
        assert response.status_code == 200, response.text
    assert listener.connections == 0


def test_sparql_service_reaches_only_the_allowed_endpoints(community_store, serve_app, listener, listeners) -> None:
    other = listeners()
    settings = Settings(query_timeout=5, query_slots=1, services=(listener.url,))
    with serve_app(create_app(community_store, settings=settings)) as url:
        allowed = httpx.get(f"{url}/sparql", timeout=30, params={
            "query": f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?x ?p ?o }} }}", "format": "json"})
        assert allowed.status_code == 200, allowed.text
        assert listener.connections == 1
        refused = httpx.get(f"{url}/sparql", timeout=30, params={
            "query": f"SELECT * WHERE {{ SERVICE <{other.url}> {{ ?x ?p ?o }} }}"})
        assert refused.status_code == 400 and listener.url in refused.json()["detail"]
    assert other.connections == 0


def test_sparql_service_endpoints_must_be_absolute_http_urls() -> None:
    with pytest.raises(ValueError, match="--allow-service"):
        Settings(services=("file:///etc/passwd",))
