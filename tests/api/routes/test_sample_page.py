"""The JSON routes over the graph the loaders build from the sample page (real entities, real sources)."""
from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from dangjian.api.app import create_app
from dangjian.api.settings import Settings
from dangjian.graph.store.embedded import EmbeddedStore

SAMPLE = Path(__file__).parents[3] / "samples" / "seed-page.txt"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory, serve_app) -> Iterator[httpx.Client]:
    location = tmp_path_factory.mktemp("sample") / "store"
    loaded = subprocess.run([str(Path(sys.executable).parent / "dangjian"), "load", str(SAMPLE), "--store",
                             str(location)], capture_output=True, text=True, timeout=120)
    assert loaded.returncode == 0, loaded.stderr
    store = EmbeddedStore(location, read_only=True)
    with serve_app(create_app(store, settings=Settings())) as url, httpx.Client(base_url=url, timeout=30) as client:
        yield client
    store.close()


def _card(client: httpx.Client, name: str, type_name: str) -> dict:
    hits = client.get("/api/entities", params={"q": name, "type": type_name}).json()
    assert hits and hits[0]["label"] == name, hits
    return client.get(f"/api/entities/{hits[0]['id']}").json()


def test_sample_page_card_of_likou_lists_street_party_committee_events_and_sources(sample: httpx.Client) -> None:
    card = _card(sample, "蠡口社区", "Community")
    street = [v["label"] for p in card["properties"] if p["predicate"]["name"] == "partOf" for v in p["values"]]
    assert street == ["元和街道"]
    incoming = {i["predicate"]["name"]: [s["label"] for s in i["subjects"]] for i in card["incoming"]}
    assert "蠡口社区党委" in incoming["hostUnit"]
    assert any("学习交流" in e for e in incoming["organizer"])
    assert any("助残" in e for e in incoming["organizer"])
    titles = {s["title"] for s in card["sources"]}
    assert "元和街道多社区学习贯彻市委十三届五次全会精神" in titles
    assert all(s["evidence"] and any("蠡口社区" in e for e in s["evidence"]) for s in card["sources"])


def test_sample_page_search_puts_the_community_before_its_party_committee(sample: httpx.Client) -> None:
    hits = sample.get("/api/entities", params={"q": "蠡口"}).json()
    assert [h["label"] for h in hits][:2] == ["蠡口社区", "蠡口社区党委"]
    assert hits[0]["parent"]["label"] == "元和街道"


def test_sample_page_secretary_is_found_through_the_party_committee(sample: httpx.Client) -> None:
    card = _card(sample, "蠡口社区党委", "PartyOrganization")
    doc = sample.get(f"/api/entities/{card['id']}/neighbourhood", params={"hops": 2}).json()
    labels = {n["label"] for n in doc["nodes"]}
    assert {"蠡口社区", "祝晓菲"} <= labels


def test_sample_page_articles_and_stats(sample: httpx.Client) -> None:
    articles = sample.get("/api/articles").json()
    assert articles["total"] == 8
    one = next(a for a in articles["articles"] if a["title"] == "元和街道多社区学习贯彻市委十三届五次全会精神")
    facts = sample.get(f"/api/articles/{one['id']}").json()
    assert "蠡口社区" in {e["label"] for e in facts["entities"]}
    assert any(f["evidence"] for f in facts["facts"])
    stats = sample.get("/api/stats").json()
    streets = {s["label"]: s for s in stats["streets"]}
    assert streets["元和街道"]["communities"] >= 4
