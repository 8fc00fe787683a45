"""Answers kept per store generation: a load, a remove or an update is seen by the next request; repeats get 304."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from dangjian.api.answers.answer_cache import AnswerCache
from dangjian.api.app import create_app
from dangjian.api.settings import Settings

DANGJIAN = str(Path(sys.executable).parent / "dangjian")
FIXTURE = Path(__file__).parent / "fixtures" / "community.trig"
STREET = "/api/entities/place/320599001000/neighbourhood"
COMMUNITY = "/api/entities/place/320599001001"
# An invented news item; the street and person it names exist only through it.
PAGE = """青禾街道柳岸社区开展邻里议事会

本报讯 近日，青禾街道柳岸社区党委联合柳岸幼儿园在社区活动室召开邻里议事会，社区党委书记周晓岚听取居民意见。
"""
PAGE_STREET = "/api/entities/street/青禾街道/neighbourhood"
PAGE_PERSON = "/api/entities/person/周晓岚"
PAGE_STREET_IRI = "https://w3id.org/dangjian/id/street/青禾街道"
STREET_IRI = "https://w3id.org/dangjian/id/place/320599001000"
NEW_COMMUNITY = """@prefix dj: <https://w3id.org/dangjian/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/dangjian/id/community/青禾街道/桃李新苑社区> a dj:Community ; rdfs:label "桃李新苑社区"@zh ;
    dj:partOf <https://w3id.org/dangjian/id/street/青禾街道> .
"""
# A new community of the fixture's street, as a SPARQL update.
INSERT_COMMUNITY = """PREFIX dj: <https://w3id.org/dangjian/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
INSERT DATA { GRAPH <urn:test:new> {
    <https://w3id.org/dangjian/id/place/320599001009> a dj:Community ; rdfs:label "桃李新苑社区"@zh ;
        dj:partOf <https://w3id.org/dangjian/id/place/320599001000> } }"""
# Enough requests that each of two workers answers some, whichever way connections are spread.
REPEATS = 8


def dangjian(*args: str) -> None:
    done = subprocess.run([DANGJIAN, *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def _labels(client: httpx.Client, path: str) -> set[str]:
    return {n["label"] for n in client.get(path).json()["nodes"]}


def _sparql_labels(client: httpx.Client, part_of: str) -> set[str]:
    """The labels of what is part of `part_of`, asked by GET /sparql (answers kept as the lookups are)."""
    query = ("SELECT ?label WHERE { ?x <https://w3id.org/dangjian/ontology#partOf> <%s> ; "
             "<http://www.w3.org/2000/01/rdf-schema#label> ?label }" % part_of)
    answer = client.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert answer.status_code == 200, answer.text
    return {row["label"]["value"] for row in answer.json()["results"]["bindings"]}


@pytest.fixture
def page_store(tmp_path: Path) -> tuple[str, Path]:
    """A store holding one article read from a text file, and that file."""
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    path = str(tmp_path / "store")
    dangjian("load", str(page), "--store", path)
    return path, page


@pytest.mark.parametrize("workers", ["1", "2"])
def test_answer_cache_load_and_remove_are_seen_by_the_next_request(page_store: tuple[str, Path], tmp_path: Path,
                                                                   workers: str, serve_command) -> None:
    store_dir, page = page_store
    extra = tmp_path / "extra.ttl"
    extra.write_text(NEW_COMMUNITY, encoding="utf-8")
    with serve_command("--store", store_dir, "--workers", workers) as (url, _), \
            httpx.Client(base_url=url, timeout=60) as client:
        for _ in range(REPEATS):  # every worker has these answers cached
            assert "柳岸社区" in _labels(client, PAGE_STREET) and "桃李新苑社区" not in _labels(client, PAGE_STREET)
            assert client.get(PAGE_PERSON).json()["label"] == "周晓岚"
            assert _sparql_labels(client, PAGE_STREET_IRI) == {"柳岸社区"}
        dangjian("load", str(extra), "--store", store_dir)
        for _ in range(REPEATS):
            assert "桃李新苑社区" in _labels(client, PAGE_STREET)
            assert _sparql_labels(client, PAGE_STREET_IRI) == {"柳岸社区", "桃李新苑社区"}
        dangjian("remove", str(page), "--store", store_dir)
        for _ in range(REPEATS):
            assert client.get(PAGE_PERSON).status_code == 404
            assert _sparql_labels(client, PAGE_STREET_IRI) == {"桃李新苑社区"}


def test_answer_cache_update_is_seen_by_the_next_request(writable_url: str, update_token: str) -> None:
    with httpx.Client(base_url=writable_url, timeout=60) as client:
        before = client.get(COMMUNITY)
        assert before.json()["label"] == "桃源社区"
        update = ("DELETE DATA { GRAPH <https://w3id.org/dangjian/graph/gazetteer> { "
                  "<https://w3id.org/dangjian/id/place/320599001001> <http://www.w3.org/2000/01/rdf-schema#label> "
                  "\"桃源社区\"@zh } } ; INSERT DATA { GRAPH <https://w3id.org/dangjian/graph/gazetteer> { "
                  "<https://w3id.org/dangjian/id/place/320599001001> <http://www.w3.org/2000/01/rdf-schema#label> "
                  "\"桃源老街社区\"@zh } }")
        done = client.post("/sparql", content=update.encode(), headers={
            "Content-Type": "application/sparql-update", "Authorization": f"Bearer {update_token}"})
        assert done.status_code == 204, done.text
        after = client.get(COMMUNITY, headers={"If-None-Match": before.headers["etag"]})
        assert after.status_code == 200 and after.json()["label"] == "桃源老街社区"
        assert after.headers["etag"] != before.headers["etag"]


@pytest.mark.parametrize("path", [COMMUNITY, STREET + "?hops=2", "/api/graph/overview", "/api/analytics"])
def test_answer_cache_unchanged_answer_is_304_with_no_body(client: httpx.Client, path: str) -> None:
    first = client.get(path)
    assert first.status_code == 200 and first.headers["cache-control"] == "no-cache"
    etag = first.headers["etag"]
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    listed = client.get(path, headers={"If-None-Match": f'"other", W/{etag}'})
    assert listed.status_code == 304


def test_answer_cache_etag_differs_by_request(client: httpx.Client) -> None:
    one, two = client.get(STREET + "?hops=1"), client.get(STREET + "?hops=2")
    assert one.headers["etag"] != two.headers["etag"]
    assert client.get(STREET + "?hops=2", headers={"If-None-Match": one.headers["etag"]}).status_code == 200


@pytest.mark.parametrize("value", ['"' + "a" * 7000 + '"', "W/", ",,,", "\"unterminated", "*garbage*",
                                   "桃源".encode(), b"\xff\xfe", "\"x\", " * 500 + "*x"])
def test_answer_cache_hostile_if_none_match_is_answered_200(client: httpx.Client, value: str | bytes) -> None:
    answer = client.get(COMMUNITY, headers={"If-None-Match": value})
    assert answer.status_code == 200 and answer.json()["label"] == "桃源社区"


def test_answer_cache_errors_are_not_kept(client: httpx.Client) -> None:
    for _ in range(2):
        missing = client.get("/api/entities/place/999/neighbourhood")
        assert missing.status_code == 404 and "etag" not in missing.headers


def test_answer_cache_same_request_spelled_differently_has_the_same_etag(client: httpx.Client) -> None:
    one = client.get(STREET + "?hops=2&limit=200")
    two = client.get(STREET + "?limit=200&hops=2")
    assert one.headers["etag"] == two.headers["etag"] and one.content == two.content


def test_answer_cache_head_of_a_cached_answer_has_its_headers_and_no_body(client: httpx.Client) -> None:
    got = client.get(COMMUNITY)
    head = client.head(COMMUNITY)
    assert head.status_code == 200 and head.content == b"" and head.headers["etag"] == got.headers["etag"]


def test_answer_cache_update_is_seen_next_over_every_store(store, serve_app, update_token: str, limits: dict) -> None:
    store.load("https://w3id.org/dangjian/graph/file/community.trig", FIXTURE.read_bytes(), ox.RdfFormat.TRIG)
    settings = Settings(**limits, updates_enabled=True, update_token=update_token)
    with serve_app(create_app(store, settings=settings)) as url, httpx.Client(base_url=url, timeout=60) as client:
        for _ in range(2):  # the second one from the cache
            assert "桃李新苑社区" not in _labels(client, STREET)
            assert "桃李新苑社区" not in _sparql_labels(client, STREET_IRI)
        done = client.post("/sparql", content=INSERT_COMMUNITY.encode(), headers={
            "Content-Type": "application/sparql-update", "Authorization": f"Bearer {update_token}"})
        assert done.status_code == 204, done.text
        assert "桃李新苑社区" in _labels(client, STREET)
        assert "桃李新苑社区" in _sparql_labels(client, STREET_IRI)


LABELS = "SELECT ?label WHERE { <https://w3id.org/dangjian/id/place/320599001001> " \
         "<http://www.w3.org/2000/01/rdf-schema#label> ?label }"


def test_answer_cache_unchanged_sparql_answer_is_304_and_each_format_its_own(client: httpx.Client) -> None:
    first = client.get("/sparql", params={"query": LABELS}, headers={"Accept": "text/csv"})
    assert first.status_code == 200 and first.text == "label\r\n桃源社区\r\n"
    etag = first.headers["etag"]
    again = client.get("/sparql", params={"query": LABELS}, headers={"Accept": "text/csv", "If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["vary"] == "Accept"
    kept = client.get("/sparql", params={"query": LABELS}, headers={"Accept": "text/csv"})
    assert kept.content == first.content and kept.headers["dangjian-rows"] == "1" and kept.headers["etag"] == etag
    other = client.get("/sparql", params={"query": LABELS}, headers={"Accept": "application/sparql-results+json",
                                                                     "If-None-Match": etag})
    assert other.status_code == 200 and other.json()["results"]["bindings"][0]["label"]["value"] == "桃源社区"
    assert other.headers["etag"] != etag


@pytest.mark.parametrize("query", ["SELECT (NOW() AS ?t) {}", "SELECT (STRUUID() AS ?id) {}",
                                   "SELECT (rand() AS ?r) {}", "SELECT (BNODE() AS ?b) {}"])
def test_answer_cache_sparql_answers_of_the_clock_or_chance_are_not_kept(client: httpx.Client, query: str) -> None:
    answers = [client.get("/sparql", params={"query": query}) for _ in range(2)]
    assert [a.status_code for a in answers] == [200, 200] and all("etag" not in a.headers for a in answers)


def test_answer_cache_keeps_the_recently_used_within_its_bytes_and_forgets_an_old_generation() -> None:
    cache = AnswerCache(max_entries=100, max_bytes=250)
    for name in ("a", "b", "c"):
        cache.put("g1", ((name,),), ('"etag"', name.encode() * 100))
        cache.get("g1", ("a",))  # "a" stays the most recently used
    assert cache.get("g1", ("a",)) and cache.get("g1", ("c",)) and cache.get("g1", ("b",)) is None
    assert cache.size <= 250
    cache.put("g2", (("d",),), ('"etag"', b"d"))
    assert cache.get("g2", ("a",)) is None and cache.get("g1", ("d",)) is None and len(cache) == 1
