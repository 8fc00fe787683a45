"""The SPARQL 1.1 Protocol endpoint over a real uvicorn server: query forms, formats, errors and limits."""
from __future__ import annotations

import json
import os
import re
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from dangjian.api import yasgui_assets
from dangjian.api.settings import Settings
from dangjian.api.pages.sparql_page import query_page

DJ = "https://w3id.org/dangjian/ontology#"
COMMUNITIES = f"SELECT ?c ?name WHERE {{ ?c a <{DJ}Community> ; <http://www.w3.org/2000/01/rdf-schema#label> ?name }} ORDER BY ?name"
CONSTRUCT = f"CONSTRUCT {{ ?c <{DJ}partOf> ?s }} WHERE {{ ?c a <{DJ}Community> ; <{DJ}partOf> ?s }}"
# A four-way cross product of the whole graph: far longer than the 1.5 s limit of the test servers.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
GAZETTEER = "https://w3id.org/dangjian/graph/gazetteer"


def names(response: httpx.Response) -> list[str]:
    return [b["name"]["value"] for b in response.json()["results"]["bindings"]]


def test_sparql_select_by_get_post_form_and_post_body_agree(client: httpx.Client) -> None:
    by_get = client.get("/sparql", params={"query": COMMUNITIES})
    by_form = client.post("/sparql", data={"query": COMMUNITIES})
    by_body = client.post("/sparql", content=COMMUNITIES.encode(), headers={"Content-Type": "application/sparql-query"})
    for response in (by_get, by_form, by_body):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/sparql-results+json")
        assert names(response) == ["桃源新村社区", "桃源社区"]


@pytest.mark.parametrize("accept, fmt, media", [
    ("application/sparql-results+json", "json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "xml", "application/sparql-results+xml"),
    ("text/tab-separated-values", "tsv", "text/tab-separated-values"),
])
def test_sparql_select_results_parse_in_each_format(client: httpx.Client, accept: str, fmt: str, media: str) -> None:
    for response in (client.get("/sparql", params={"query": COMMUNITIES}, headers={"Accept": accept}),
                     client.get("/sparql", params={"query": COMMUNITIES, "format": fmt})):
        assert response.headers["content-type"].startswith(media)
        rows = list(ox.parse_query_results(response.content, format=getattr(ox.QueryResultsFormat, fmt.upper())))
        assert sorted(r["name"].value for r in rows) == ["桃源新村社区", "桃源社区"]


def test_sparql_select_as_csv_has_header_and_plain_values(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": COMMUNITIES}, headers={"Accept": "text/csv"})
    assert response.headers["content-type"].startswith("text/csv")
    lines = response.text.splitlines()
    assert lines[0] == "c,name"
    assert lines[1].endswith(",桃源新村社区")


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_sparql_ask_answers_in_each_result_format(client: httpx.Client, fmt: str) -> None:
    response = client.get("/sparql", params={"query": f"ASK {{ ?c a <{DJ}Community> }}", "format": fmt})
    assert response.status_code == 200
    assert "true" in response.text


@pytest.mark.parametrize("accept, rdf_format", [
    ("text/turtle", ox.RdfFormat.TURTLE), ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/n-quads", ox.RdfFormat.N_QUADS), ("application/trig", ox.RdfFormat.TRIG),
    ("application/ld+json", ox.RdfFormat.JSON_LD), ("application/rdf+xml", ox.RdfFormat.RDF_XML),
])
def test_sparql_construct_parses_in_each_rdf_format(client: httpx.Client, accept: str, rdf_format) -> None:
    response = client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(accept)
    parsed = list(ox.parse(response.content, format=rdf_format))
    assert len(parsed) == 2
    assert {q.predicate.value for q in parsed} == {DJ + "partOf"}


def test_sparql_describe_returns_the_entity_triples(client: httpx.Client) -> None:
    entity = "https://w3id.org/dangjian/id/place/320599001001"
    response = client.get("/sparql", params={"query": f"DESCRIBE <{entity}>", "format": "nt"})
    triples = list(ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES))
    assert any(t.predicate.value == DJ + "partOf" for t in triples)
    assert all(t.subject.value == entity for t in triples)


def test_sparql_malformed_query_gets_400_with_position(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": "SELECT * WHERE {\n  ?s ?p ?o \n  FILTER(?x = }"})
    assert response.status_code == 400
    assert re.search(r"3:\d+", response.json()["detail"])


def test_sparql_update_is_refused_with_403_when_read_only(client: httpx.Client) -> None:
    update = "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }"
    for response in (client.post("/sparql", data={"update": update}),
                     client.post("/sparql", content=update, headers={"Content-Type": "application/sparql-update"}),
                     client.get("/sparql", params={"query": update})):
        assert response.status_code == 403
        assert "read-only" in response.json()["detail"]
    assert client.get("/sparql", params={"query": "ASK { <urn:a> ?p ?o }", "format": "json"}).json()["boolean"] is False


def test_sparql_update_needs_the_bearer_token_and_is_then_visible(writable_url: str, update_token: str) -> None:
    update = "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> \"新\" } }"
    ask = {"query": "ASK { <urn:a> <urn:b> \"新\" }", "format": "json"}
    with httpx.Client(base_url=writable_url) as http:
        assert http.post("/sparql", data={"update": update}).status_code == 401
        wrong = http.post("/sparql", data={"update": update}, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
        assert http.get("/sparql", params=ask).json()["boolean"] is False
        done = http.post("/sparql", content=update.encode(), headers={
            "Content-Type": "application/sparql-update", "Authorization": f"Bearer {update_token}"})
        assert done.status_code == 204
        assert http.get("/sparql", params=ask).json()["boolean"] is True


def test_sparql_unservable_format_gets_406(client: httpx.Client) -> None:
    assert client.get("/sparql", params={"query": CONSTRUCT},
                      headers={"Accept": "application/sparql-results+json"}).status_code == 406
    assert client.get("/sparql", params={"query": COMMUNITIES}, headers={"Accept": "image/png"}).status_code == 406
    response = client.get("/sparql", params={"query": COMMUNITIES, "format": "turtle"}, headers={"Accept": "text/turtle"})
    assert response.status_code == 406
    assert "csv" in response.json()["detail"]


def test_sparql_too_long_query_gets_413(client: httpx.Client, limits: dict) -> None:
    query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * limits["max_query_length"]
    assert client.post("/sparql", data={"query": query}).status_code == 413


def test_sparql_row_limit_cuts_and_says_so_in_headers(client: httpx.Client, limits: dict) -> None:
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.headers["dangjian-truncated"] == "true"
    assert response.headers["dangjian-row-limit"] == str(limits["row_limit"])
    assert len(response.json()["results"]["bindings"]) == limits["row_limit"]
    small = client.get("/sparql", params={"query": COMMUNITIES})
    assert "dangjian-truncated" not in small.headers
    construct = client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }", "format": "nt"})
    assert construct.headers["dangjian-truncated"] == "true"
    assert len(construct.text.strip().splitlines()) == limits["row_limit"]


def _query_workers() -> int:
    """Live query worker processes started by this test process (the servers run in its threads)."""
    count = 0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat, open(f"/proc/{entry}/cmdline", "rb") as cmd:
                    if stat.read().rsplit(")", 1)[1].split()[1] == str(os.getpid()) and b"query_worker" in cmd.read():
                        count += 1
            except OSError:
                continue
    return count


def test_sparql_slow_query_is_stopped_at_the_limit_while_others_are_answered(client: httpx.Client, limits: dict) -> None:
    client.get("/sparql", params={"query": "ASK {}"})
    with ThreadPoolExecutor(4) as pool:
        started = time.monotonic()
        slow = [pool.submit(client.get, "/sparql", params={"query": SLOW + f" # {i}"}) for i in range(3)]
        time.sleep(0.3)
        quick = client.get("/api/entities", params={"q": "桃源"})
        quick_at = time.monotonic() - started
        answers = [f.result() for f in slow]
        finished = time.monotonic() - started
    assert quick.status_code == 200 and quick_at < limits["query_timeout"]
    assert [a.status_code for a in answers] == [503, 503, 503]
    assert all(f"{limits['query_timeout']:g} s" in a.json()["detail"] for a in answers)
    assert finished < limits["query_timeout"] * 2 + 1
    # The stopped queries' processes were replaced, not left running: still one per slot, and fast again.
    assert _query_workers() <= limits["query_slots"] * 2
    assert client.get("/sparql", params={"query": COMMUNITIES}).status_code == 200


def test_sparql_default_graph_is_the_union_and_protocol_graphs_narrow_it(client: httpx.Client) -> None:
    everything = names(client.get("/sparql", params={"query": COMMUNITIES}))
    narrowed = client.get("/sparql", params={"query": COMMUNITIES, "default-graph-uri": GAZETTEER})
    article_only = client.get("/sparql", params={
        "query": COMMUNITIES, "default-graph-uri": "https://w3id.org/dangjian/graph/article/aaaaaaaaaaaaaaaa"})
    assert everything == names(narrowed) == ["桃源新村社区", "桃源社区"]
    assert names(article_only) == []
    named = client.post("/sparql", data={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                                         "named-graph-uri": GAZETTEER})
    assert [b["g"]["value"] for b in named.json()["results"]["bindings"]] == [GAZETTEER]


def test_sparql_from_clause_in_the_query_is_honoured(client: httpx.Client) -> None:
    query = COMMUNITIES.replace("WHERE", "FROM <https://w3id.org/dangjian/graph/article/aaaaaaaaaaaaaaaa> WHERE")
    assert names(client.get("/sparql", params={"query": query})) == []


def test_sparql_bad_graph_iri_gets_400(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": COMMUNITIES, "default-graph-uri": "not an iri"})
    assert response.status_code == 400


def test_sparql_without_query_describes_the_service_for_machines(client: httpx.Client) -> None:
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    triples = list(ox.parse(response.content, format=ox.RdfFormat.TURTLE))
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert any(t.object.value == sd + "UnionDefaultGraph" for t in triples)
    assert any(t.predicate.value == sd + "endpoint" and t.object.value.endswith("/sparql") for t in triples)
    assert not any(t.object.value == sd + "SPARQL11Update" for t in triples)


def test_sparql_browser_gets_the_query_page_with_local_assets_only(client: httpx.Client) -> None:
    response = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert ('id="yasgui"' if yasgui_assets.installed() else "<textarea") in page and 'id="examples"' in page
    for asset in re.findall(r'(?:src|href)="([^"]+)"', page):
        assert asset.startswith("/"), asset
        assert client.get(asset).status_code in (200, 404 if asset == "/graph" else 200)
    examples = json.loads(re.search(r'<script id="examples" type="application/json">(.*?)</script>', page, re.S)[1])
    assert examples and all(ex["query"] and ex["zh"] for ex in examples)


def test_sparql_query_page_escapes_the_query_it_shows(client: httpx.Client) -> None:
    hostile = 'SELECT * { ?s ?p "</textarea><script>alert(1)</script>" }'
    page = client.get("/sparql", params={"query": hostile}, headers={"Accept": "text/html"}).text
    assert "<script>alert(1)" not in page
    shown = re.search(r'<script id="initial" type="application/json">(.*?)</script>', page, re.S)
    assert json.loads(shown[1]) == hostile if shown else "&lt;/textarea&gt;&lt;script&gt;" in page


def test_sparql_query_page_without_yasgui_is_the_plain_page_saying_how_to_get_it(tmp_path: Path) -> None:
    hostile = "SELECT * { ?s ?p \"</textarea><b>\" }"
    page = query_page(Settings(), hostile, assets=tmp_path)
    assert "<textarea" in page and "&lt;/textarea&gt;&lt;b&gt;" in page
    assert "YASGUI" in page and "npm registry" in page and yasgui_assets.ENV in page
    assert "/-/static/yasgui/" not in page
