"""The JSON API's lookups over both stores: the same answers from pyoxigraph on disk and from a SPARQL server."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from dangjian.graph.lookup.label_index import LabelIndex
from dangjian.graph.lookup.lookup import (article_facts, entity_card, entity_exists, list_articles, neighbourhood,
                                   search_entities, stats_summary)

FIXTURE = Path(__file__).parents[2] / "api" / "fixtures" / "community.trig"
ID = "https://w3id.org/dangjian/id/"
COMMUNITY = ID + "place/320599001001"


@pytest.fixture
def graph(store):
    store.load("https://w3id.org/dangjian/graph/file/community.trig", FIXTURE.read_bytes(), ox.RdfFormat.TRIG)
    return store


def test_lookup_search_ranks_exact_then_prefix_then_substring(graph) -> None:
    labels = [h["label"] for h in search_entities(graph, "桃源社区")]
    assert labels[:2] == ["桃源社区", "桃源社区党委"]
    assert [h["label"] for h in search_entities(graph, "村社")] == ["桃源新村社区"]


def test_lookup_search_is_case_insensitive_and_skips_articles(graph) -> None:
    assert search_entities(graph, "UNION")[0]["id"] == "org/引号"
    assert all(not h["iri"].startswith("https://w3id.org/dangjian/article/") for h in search_entities(graph, "桃源"))


@pytest.mark.parametrize("q, type", [("桃源", None), ("桃源社区", None), ("示例行", None), ("村社", None),
                                     ("UNION", None), ("桃源", "Community"), ("党委", "PartyOrganization")])
def test_lookup_search_index_agrees_with_the_store_scan(graph, q: str, type: str | None) -> None:
    index = LabelIndex.build(graph)
    assert search_entities(graph, q, type=type, index=index) == search_entities(graph, q, type=type)


def test_lookup_search_rejects_unknown_type(graph) -> None:
    with pytest.raises(ValueError, match="unknown type"):
        search_entities(graph, "桃源", type="Planet")


def test_lookup_card_has_properties_incoming_links_and_sources(graph) -> None:
    card = entity_card(graph, COMMUNITY)
    assert card["label"] == "桃源社区" and card["type"] == "Community"
    assert {i["predicate"]["name"] for i in card["incoming"]} == {"hostUnit", "organizer", "coBuildsWith"}
    assert [s["id"] for s in card["sources"]] == ["aaaaaaaaaaaaaaaa"]
    assert entity_card(graph, ID + "place/000") is None


def test_lookup_card_of_a_post_body_lists_its_holder(graph) -> None:
    card = entity_card(graph, ID + "post/王芳/桃源社区党委/党委书记")
    holder = next(p for p in card["properties"] if p["predicate"]["name"] == "holder")
    assert holder["values"][0]["label"] == "王芳"


def test_lookup_neighbourhood_hops_and_cap(graph) -> None:
    one = neighbourhood(graph, COMMUNITY)
    assert one["graph"]["nodes"] == 5 and not one["graph"]["truncated"]
    capped = neighbourhood(graph, COMMUNITY, hops=3, limit=4)
    assert len(capped["nodes"]) == 4 and capped["graph"]["truncated"]
    with pytest.raises(ValueError):
        neighbourhood(graph, COMMUNITY, hops=4)


def test_lookup_articles_and_facts(graph) -> None:
    assert list_articles(graph)["total"] == 2
    facts = article_facts(graph, "https://w3id.org/dangjian/article/aaaaaaaaaaaaaaaa")
    assert facts["graph"] == "https://w3id.org/dangjian/graph/article/aaaaaaaaaaaaaaaa"
    assert any(f["evidence"] for f in facts["facts"])
    assert article_facts(graph, "https://w3id.org/dangjian/article/none") is None


def test_lookup_stats_and_existence(graph) -> None:
    stats = stats_summary(graph)
    assert stats["streets"][0]["communities"] == 2
    assert entity_exists(graph, COMMUNITY) and not entity_exists(graph, ID + "place/000")
