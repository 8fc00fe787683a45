"""The graph page's routes over HTTP: the page, its assets, the overview JSON, analytics and network exports."""
from __future__ import annotations

import io
from functools import partial
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from dangjian.api.app import create_app
from dangjian.graph.store.embedded import EmbeddedStore
from dangjian.graph.viz.page import ASSETS
from dangjian.ontology import ID

FIXTURE = Path(__file__).parents[2] / "fixtures" / "network-small.trig"
红星银行 = ID + "org/红星银行"
甲街道 = ID + "place/999901001000"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    store = EmbeddedStore(tmp_path_factory.mktemp("graph-page") / "store")
    store.load("https://w3id.org/dangjian/graph/file/x.trig", FIXTURE.read_bytes(), ox.RdfFormat.TRIG)
    with TestClient(create_app(store)) as http:
        yield http
    store.close()


def test_graph_page_serves_page_and_every_asset(client):
    page = client.get("/graph")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for name in ASSETS:
        assert f'"/graph/static/{name}"' in page.text
        asset = client.get(f"/graph/static/{name}")
        assert asset.status_code == 200 and len(asset.content) > 100
    assert client.get("/graph/static/app.py").status_code == 404


def test_graph_page_focus_by_name_and_errors(client):
    assert "Showing" in client.get("/graph", params={"focus": "一社区", "hops": 2, "lang": "en"}).text
    missing = client.get("/graph", params={"focus": "没有这个社区"})
    assert missing.status_code == 404 and "/api/entities?q=" in missing.json()["detail"]
    assert client.get("/graph", params={"types": "Nope"}).status_code == 422
    assert client.get("/graph", params={"hops": 4}).status_code == 422
    assert client.get("/api/graph/overview", params={"from": "July"}).status_code == 422


def test_graph_page_overview_filters_by_street_and_cap(client):
    data = client.get("/api/graph/overview", params={"place": "甲街道"}).json()
    assert data["nodes"] and all(甲街道 in n["streets"] or n["id"] == 甲街道 for n in data["nodes"])
    capped = client.get("/api/graph/overview", params={"limit": 3}).json()
    assert len(capped["nodes"]) == 3 and capped["truncated"] and "?limit=" in capped["note"]


def test_graph_page_node_context_for_filters(client):
    found = client.post("/api/graph/nodes", json={"ids": [红星银行, "https://example.org/none"]}).json()
    assert list(found) == [红星银行]
    assert found[红星银行]["cls"] == "Organization" and len(found[红星银行]["streets"]) == 2


def test_graph_page_analytics_json_and_csv(client):
    data = client.get("/api/analytics").json()
    assert data["bridges"][0]["label"] == "红星银行"
    csv_text = client.get("/api/analytics", params={"format": "csv", "table": "clusters"}).text
    assert csv_text.splitlines()[0] == "cluster,size,members"
    assert client.get("/api/analytics", params={"table": "nope"}).status_code == 404


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", partial(nx.read_gexf, version="1.3"))])
def test_graph_page_network_export_opens_in_networkx(client, fmt, reader):
    response = client.get("/api/graph/export", params={"format": fmt})
    assert response.status_code == 200 and f"dangjian.{fmt}" in response.headers["content-disposition"]
    G = reader(io.BytesIO(response.content))
    assert (len(G), G.number_of_edges()) == (15, 15)


def test_graph_page_timeline_of_a_unit(client):
    found = client.get("/api/graph/timeline", params={"focus": "place/999901001001", "lang": "en"}).json()
    assert [(e["label"], e["day"], e["role"]) for e in found["events"]] == [("邻里节", "2023-07-20", "organizer")]
    assert client.get("/api/graph/timeline", params={"focus": "没有这个社区"}).status_code == 404
    assert client.get("/api/graph/timeline").status_code == 422
    assert client.get("/api/graph/timeline", params={"focus": ""}).status_code == 422


def test_graph_page_routes_are_documented(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/graph", "/api/graph/overview", "/api/graph/nodes", "/api/graph/timeline", "/api/analytics",
                 "/api/graph/export"):
        operation = next(iter(paths[path].values()))
        assert operation.get("description"), f"{path} has no description"


def test_graph_page_viz_command_writes_standalone_file(dangjian, tmp_path):
    dangjian("load", str(FIXTURE), check_status=0)
    done = dangjian("viz", "--focus", "一社区", "--hops", "2", "-o", "page.html", check_status=0)
    html = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert done.stdout == "" and "page.html" in done.stderr
    assert '<script src=' not in html and '<link rel="stylesheet" href=' not in html
    assert "一社区" in html and '"sources"' in html  # the entity cards travel inside the file
    bad = dangjian("viz", "--place", "没有的街道", "-o", "x.html")
    assert bad.returncode == 1 and "--place" in bad.stderr
