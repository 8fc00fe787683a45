"""/api/articles and /api/stats over a real server."""
from __future__ import annotations

import httpx


def test_articles_lists_newest_first_with_paging(client: httpx.Client) -> None:
    page = client.get("/api/articles").json()
    assert page["total"] == 2
    assert [a["date"] for a in page["articles"]] == ["2023-08-02", "2023-07-20"]
    second = client.get("/api/articles", params={"limit": 1, "offset": 1}).json()
    assert [a["title"] for a in second["articles"]] == ["桃源社区开展邻里节活动"]


def test_articles_one_article_has_authors_entities_and_facts_with_evidence(client: httpx.Client) -> None:
    article = client.get("/api/articles/aaaaaaaaaaaaaaaa").json()
    assert article["title"] == "桃源社区开展邻里节活动" and article["source"] == "示例日报"
    assert [a["label"] for a in article["authors"]] == ["李明"]
    # the one sentence names each: 桃源社区 by itself and as the object of two facts, counted once
    assert {e["label"]: e["mentions"] for e in article["entities"]} == {"桃源社区": 1, "邻里节活动": 1, "桃源社区党委": 1}
    organized = [f for f in article["facts"] if f["predicate"]["iri"].endswith("#organizer")
                 and f["object"].get("label") == "桃源社区"]
    assert organized and organized[0]["subject"]["label"] == "邻里节活动"
    assert organized[0]["evidence"] == ["桃源社区党委书记王芳带领党员与示例银行开展邻里节活动。"]


def test_articles_unknown_article_is_404_and_bad_id_422(client: httpx.Client) -> None:
    assert client.get("/api/articles/ffffffffffffffff").status_code == 404
    assert client.get("/api/articles/a b").status_code == 422


def test_articles_stats_count_classes_streets_districts_and_months(client: httpx.Client) -> None:
    stats = client.get("/api/stats").json()
    classes = {c["class"]: c["count"] for c in stats["classes"]}
    assert classes["Community"] == 2 and classes["Article"] == 2
    street = stats["streets"][0]
    assert (street["label"], street["communities"], street["events"]) == ("桃源街道", 2, 1)
    assert street["parent"]["label"] == "春江区"
    assert stats["districts"][0]["streets"] == 1
    assert stats["months"] == [{"month": "2023-07", "articles": 1, "events": 1},
                               {"month": "2023-08", "articles": 1, "events": 0}]
