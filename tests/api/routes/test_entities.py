"""/api/entities over a real server: search, cards and neighbourhoods of the hand-written community graph."""
from __future__ import annotations

import re

import httpx
import networkx as nx

ID = "https://w3id.org/dangjian/id/"
COMMUNITY = "place/320599001001"


def test_entities_search_puts_exact_matches_first_then_prefixes(client: httpx.Client) -> None:
    hits = client.get("/api/entities", params={"q": "桃源社区"}).json()
    assert [h["label"] for h in hits][:2] == ["桃源社区", "桃源社区党委"]
    assert hits[0]["type"] == "Community"
    assert hits[0]["parent"]["label"] == "桃源街道"
    assert "桃源街道" in hits[0]["description"]


def test_entities_search_finds_alternative_labels_and_substrings(client: httpx.Client) -> None:
    assert [h["label"] for h in client.get("/api/entities", params={"q": "示例行"}).json()] == ["示例银行"]
    assert "桃源新村社区" in [h["label"] for h in client.get("/api/entities", params={"q": "新村"}).json()]


def test_entities_search_filters_by_type_and_caps_hits(client: httpx.Client) -> None:
    hits = client.get("/api/entities", params={"q": "桃源", "type": "Community"}).json()
    assert {h["type"] for h in hits} == {"Community"} and len(hits) == 2
    assert len(client.get("/api/entities", params={"q": "桃源", "limit": 1}).json()) == 1


def test_entities_search_describes_people_by_their_posts(client: httpx.Client) -> None:
    hit = client.get("/api/entities", params={"q": "王芳"}).json()[0]
    assert "党委书记" in hit["description"]


def test_entities_search_rejects_unknown_type_and_empty_query(client: httpx.Client) -> None:
    unknown = client.get("/api/entities", params={"q": "桃源", "type": "Planet"})
    assert unknown.status_code == 422 and "Community" in unknown.text
    assert client.get("/api/entities", params={"q": ""}).status_code == 422
    assert client.get("/api/entities").status_code == 422


def test_entities_card_lists_street_party_committee_events_and_sources(client: httpx.Client) -> None:
    card = client.get(f"/api/entities/{COMMUNITY}").json()
    assert card["label"] == "桃源社区" and card["type"] == "Community" and card["codes"] == ["320599001001"]
    part_of = next(p for p in card["properties"] if p["predicate"]["name"] == "partOf")
    assert [v["label"] for v in part_of["values"]] == ["桃源街道"]
    incoming = {i["predicate"]["name"]: [s["label"] for s in i["subjects"]] for i in card["incoming"]}
    assert incoming["hostUnit"] == ["桃源社区党委"]
    assert incoming["organizer"] == ["邻里节活动"]
    assert incoming["coBuildsWith"] == ["示例银行"]
    source = card["sources"][0]
    assert source["title"] == "桃源社区开展邻里节活动" and source["date"] == "2023-07-20"
    assert source["url"] == "https://example.org/news/1"
    assert source["evidence"] == ["桃源社区党委书记王芳带领党员与示例银行开展邻里节活动。"]


def test_entities_card_accepts_the_full_iri_and_unicode_ids(client: httpx.Client) -> None:
    assert client.get(f"/api/entities/{ID}{COMMUNITY}").json()["label"] == "桃源社区"
    assert client.get("/api/entities/org/示例银行").json()["alt_labels"] == ["示例行"]


def test_entities_card_of_unknown_entity_is_404(client: httpx.Client) -> None:
    response = client.get("/api/entities/place/000000000000")
    assert response.status_code == 404 and "place/000000000000" in response.json()["detail"]


def test_entities_neighbourhood_is_node_link_json_networkx_reads(client: httpx.Client) -> None:
    doc = client.get(f"/api/entities/{COMMUNITY}/neighbourhood").json()
    graph = nx.node_link_graph(doc, edges="links", name="iri")
    assert graph.number_of_nodes() == doc["graph"]["nodes"] == 5
    labels = {n["label"] for n in doc["nodes"]}
    assert labels == {"桃源社区", "桃源街道", "桃源社区党委", "邻里节活动", "示例银行"}
    assert all(link["label"] for link in doc["links"])
    assert doc["graph"]["truncated"] is False


def test_entities_neighbourhood_grows_with_hops_and_filters(client: httpx.Client) -> None:
    one = client.get(f"/api/entities/{COMMUNITY}/neighbourhood", params={"hops": 1}).json()
    two = client.get(f"/api/entities/{COMMUNITY}/neighbourhood", params={"hops": 2}).json()
    assert {n["label"] for n in one["nodes"]} < {n["label"] for n in two["nodes"]}
    places = client.get(f"/api/entities/{COMMUNITY}/neighbourhood",
                        params={"hops": 3, "predicates": "partOf"}).json()
    assert {n["label"] for n in places["nodes"]} >= {"桃源街道", "春江区", "苏州市"}
    events = client.get(f"/api/entities/{COMMUNITY}/neighbourhood",
                        params=[("types", "Event"), ("types", "Organization")]).json()
    assert {n["type"] for n in events["nodes"][1:]} == {"Event", "Organization"}


def test_entities_neighbourhood_says_when_the_limit_cut(client: httpx.Client) -> None:
    doc = client.get(f"/api/entities/{COMMUNITY}/neighbourhood", params={"hops": 2, "limit": 3}).json()
    assert len(doc["nodes"]) == 3 and doc["graph"]["truncated"] is True


def test_entities_neighbourhood_rejects_bad_arguments(client: httpx.Client) -> None:
    url = f"/api/entities/{COMMUNITY}/neighbourhood"
    assert client.get(url, params={"hops": 4}).status_code == 422
    assert client.get(url, params={"hops": 0}).status_code == 422
    assert client.get(url, params={"types": "Planet"}).status_code == 422
    assert client.get(url, params={"predicates": "part Of"}).status_code == 422
    assert client.get("/api/entities/place/000000000000/neighbourhood").status_code == 404


def test_entities_card_names_every_property_and_class_in_chinese_and_english(client: httpx.Client,
                                                                          community_store) -> None:
    subjects = sorted({row["s"].value for row in community_store.query(
        "SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(isIRI(?s)) }")})
    assert len(subjects) > 10
    untranslated = set()
    for subject in subjects:
        for lang in ("zh", "en"):
            response = client.get(f"/api/entities/{subject}", params={"lang": lang})
            if response.status_code == 404:  # not an entity the API serves (a vocabulary term)
                continue
            card = response.json()
            terms = [p["predicate"] for p in card["properties"] + card["incoming"]] + card["types"]
            for term in terms:
                named = re.search(r"[\u4e00-\u9fff]", term["label"]) if lang == "zh" \
                    else not re.search(r"[a-z][A-Z]|[\u4e00-\u9fff]", term["label"])
                if not named:
                    untranslated.add((lang, term["iri"], term["label"]))
    assert not untranslated, sorted(untranslated)
