"""The API answers the same over every store: embedded, `oxigraph serve` and Virtuoso (its system graphs unseen)."""
from __future__ import annotations

from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from dangjian.api.app import create_app
from dangjian.api.settings import Settings

FIXTURE = Path(__file__).parent / "fixtures" / "community.trig"
COMMUNITY = "place/320599001001"
PATHS = [
    "/api/stats", "/api/articles", "/api/entities?q=社区", "/api/entities?q=示例行",
    f"/api/entities/{COMMUNITY}", f"/api/entities/{COMMUNITY}/neighbourhood?hops=2",
    "/api/graph/overview", "/api/analytics",
]
SPARQL = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


def answers(base_url: str) -> dict[str, object]:
    with httpx.Client(base_url=base_url, timeout=60) as http:
        found = {path: http.get(path).json() for path in PATHS}
        found["sparql"] = http.get("/sparql", params={"query": SPARQL},
                                   headers={"Accept": "application/sparql-results+json"}).json()["results"]
    return found


@pytest.fixture(scope="module")
def embedded_answers(community_store, serve_app, limits) -> dict[str, object]:
    with serve_app(create_app(community_store, settings=Settings(**limits))) as url:
        return answers(url)


def test_stores_agree_on_every_api_answer(store, serve_app, limits, embedded_answers):
    store.load("https://w3id.org/dangjian/graph/file/" + FIXTURE.name, FIXTURE.read_bytes(), ox.RdfFormat.TRIG)
    with serve_app(create_app(store, settings=Settings(**limits))) as url:
        found = answers(url)
    assert {path for path in found if found[path] != embedded_answers[path]} == set()
