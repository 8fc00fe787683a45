"""The graph page's HTML: offline (no asset from the internet), article text escaped, a cap that says what it left out."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import networkx as nx
import pytest

from dangjian.graph.viz.page import ASSETS, build_page, payload, script_json
from dangjian.graph.viz.select import Filters, find_node, focus, overview
from dangjian.graph.viz.timeline import timeline

HOSTILE = "<img src=x onerror=alert(1)>"
BREAKOUT = "</script><script>alert(2)</script>"


def entity(G: nx.MultiDiGraph, iri: str, cls: str, label: str, streets=(), **extra) -> str:
    G.add_node(iri, type=cls, label=label, streets=frozenset(streets), districts=frozenset(), **extra)
    return iri


def street_graph(communities: int = 20, events_each: int = 2) -> nx.MultiDiGraph:
    """Two streets, their communities, and events organized by the communities."""
    G = nx.MultiDiGraph()
    streets = [entity(G, f"s{i}", "Street", f"第{i}街道", [f"s{i}"]) for i in range(2)]
    for c in range(communities):
        street = streets[c % 2]
        community = entity(G, f"c{c}", "Community", f"{c}号社区", [street])
        G.add_edge(community, street, key="partOf", predicate="partOf", label="隶属")
        for e in range(events_each):
            event = entity(G, f"e{c}-{e}", "Event", f"活动{c}-{e}", [street], date=f"2023-0{e + 1}-15")
            G.add_edge(event, community, key="organizer", predicate="organizer", label="主办")
    return G


class Assets(HTMLParser):
    """Every URL an HTML page would fetch by itself: script src, link href, img/iframe/source src."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video", "embed") and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.urls.append(attrs["href"])


def fetched(html: str) -> list[str]:
    parser = Assets()
    parser.feed(html)
    styles = re.findall(r"<style>(.*?)</style>", html, flags=re.S)
    css_urls = [u for css in styles for u in re.findall(r"url\(\s*['\"]?([^'\")]+)", css) if not u.startswith("data:")]
    imports = [i for css in styles for i in re.findall(r"@import[^;]+", css)]
    return parser.urls + css_urls + imports


def config_of(html: str) -> dict:
    found = re.search(r'<script type="application/json" id="graph-config">(.*?)</script>', html, flags=re.S)
    return json.loads(found.group(1))


def test_viz_standalone_page_fetches_nothing():
    html = build_page(street_graph(), links=None)
    assert fetched(html) == []
    assert not re.search(r"""(?:src|href)\s*=\s*["']?https?://""", html)
    for name, path in ASSETS.items():
        snippet = path.read_text(encoding="utf-8")[-200:]
        assert snippet in html, f"{name} is not inlined"


def test_viz_served_page_links_only_its_own_assets():
    html = build_page(street_graph())
    urls = fetched(html)
    assert sorted(urls) == sorted(f"/graph/static/{name}" for name in ASSETS)


def test_viz_hostile_labels_stay_data():
    G = street_graph(2, 1)
    entity(G, "x1", "Organization", HOSTILE)
    entity(G, "x2", "Person", BREAKOUT)
    G.add_edge("x1", "c0", key="coBuildsWith", predicate="coBuildsWith", label=BREAKOUT)
    html = build_page(G, links=None)
    assert HOSTILE not in html and BREAKOUT not in html and "alert(2)</script>" not in html
    parser = Assets()
    parser.feed(html)
    assert "img" not in parser.tags
    data = config_of(html)["data"]
    labels = {n["label"] for n in data["nodes"] + data["hidden"]["nodes"]}
    assert {HOSTILE, BREAKOUT} <= labels
    titles = {e["title"] for e in config_of(html)["data"]["edges"]}
    assert BREAKOUT in titles


def test_viz_script_json_escapes_markup():
    text = str(script_json({"a": "<b>&'\u2028"}))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "<b>&'\u2028"}


def test_viz_overview_caps_and_says_what_was_left_out():
    G = street_graph(20, 2)  # 2 streets + 20 communities + 40 events = 62 nodes
    chosen = overview(G, cap=10)
    assert len(chosen.nodes) == 10 and chosen.candidates == 62
    assert chosen.nodes[:2] == ["s0", "s1"]  # the streets open the overview
    # 8 communities shown with their 16 events folded on them; the other 12 and their 24 events left out.
    assert chosen.left_out == {"Community": 12, "Event": 24}
    data = payload(G, chosen, "zh")
    assert len(data["nodes"]) == 10 and data["truncated"]
    assert "显示 10 / 62 个节点" in data["note"] and "因上限 10 未显示" in data["note"] and "活动 24" in data["note"]
    assert "?limit=" in data["note"]
    english = payload(G, chosen, "en")["note"]
    assert "Showing 10 of 62 nodes" in english and "event 24" in english


def test_viz_nodes_carry_class_style_positions_and_hover_labels():
    G = street_graph(4, 1)
    data = payload(G, overview(G), "zh")
    community = next(n for n in data["nodes"] if n["id"] == "c0")
    street = next(n for n in data["nodes"] if n["id"] == "s0")
    assert community["color"] != street["color"] and community["shape"] != street["shape"]
    assert isinstance(community["x"], float) and isinstance(community["y"], float)
    assert community["title"].startswith("0号社区\n社区")
    assert {e["title"] for e in data["edges"]} == {"隶属"}
    assert {e["title"] for e in data["hidden"]["edges"]} == {"主办"}  # events unfold with their links
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(data["nodes"])


def test_viz_focus_walks_hops_and_respects_the_cap():
    G = street_graph(6, 1)
    one = focus(G, "c0", hops=1)
    assert set(one.nodes) == {"c0", "s0", "e0-0"} and one.nodes[0] == "c0"
    two = focus(G, "c0", hops=2)
    assert {"c2", "c4"} <= set(two.nodes) and "c1" not in two.nodes
    capped = focus(G, "c0", hops=3, cap=2)
    assert capped.nodes[0] == "c0" and len(capped.nodes) == 2 and capped.truncated


def test_viz_filters_by_place_class_and_event_date():
    G = street_graph(4, 2)
    in_street = overview(G, filters=Filters(place="s1"))
    assert all("s1" in G.nodes[n]["streets"] or n == "s1" for n in in_street.nodes)
    only = overview(G, filters=Filters(types=frozenset({"Community"})))
    assert {G.nodes[n]["type"] for n in only.nodes} == {"Community"}
    february = overview(G, filters=Filters(date_from="2023-02-01", date_to="2023-02-28"))
    events = february.folding.hidden()
    assert events and all(G.nodes[n]["date"].startswith("2023-02") for n in events)
    assert all(counts == {"Event": 1} for counts in february.folding.counts.values())


def test_viz_find_node_by_iri_local_id_or_name():
    G = street_graph(2, 1)
    entity(G, "https://w3id.org/dangjian/id/place/1", "Street", "某街道")
    assert find_node(G, "c1") == "c1"
    assert find_node(G, "place/1") == "https://w3id.org/dangjian/id/place/1"
    assert find_node(G, "1号社区") == "c1"
    assert find_node(G, "1号社区", types=("Street",)) is None
    assert find_node(G, "没有") is None


@pytest.mark.parametrize("lang, title", [("zh", "社区党建关系图"), ("en", "Community party-building graph")])
def test_viz_page_language(lang, title):
    html = build_page(street_graph(2, 1), lang=lang)
    assert f"<title>{title}</title>" in html
    assert config_of(html)["lang"] == lang


def test_viz_overview_folds_events_onto_their_units_and_groups_what_links_to_nothing():
    G = street_graph(2, 3)
    entity(G, "p1", "Person", "王芳")
    entity(G, "party", "PartyOrganization", "0号社区党委")
    G.add_edge("party", "c0", key="hostUnit", predicate="hostUnit", label="设立于")
    G.add_edge("p1", "party", key="post:书记", predicate="post", title="书记", label="书记")
    entity(G, "f1", "Facility", "邻里中心")
    entity(G, "f2", "Facility", "健身步道")
    G.add_edge("f1", "c1", key="partOf", predicate="partOf", label="隶属")
    entity(G, "lonely", "Person", "李四")
    data = payload(G, overview(G), "zh")
    shown = {n["id"]: n for n in data["nodes"]}
    assert shown["c0"]["label"] == "0号社区\n3 活动" and shown["c0"]["fold"] == {"Event": 3}
    assert not any(n["cls"] == "Event" for n in data["nodes"])
    assert {"p1", "party", "f1"} <= set(shown) and {"f2", "lonely"}.isdisjoint(shown)
    assert shown["group:Facility"]["label"] == "未标明地点的阵地\n1"
    assert shown["group:Person"]["label"] == "未关联的人物\n1"
    assert data["hidden"]["members"]["group:Facility"] == ["f2"]
    assert sorted(data["hidden"]["members"]["c0"]) == ["e0-0", "e0-1", "e0-2"]
    post = next(e for e in data["edges"] if e["pred"] == "post")
    assert (post["from"], post["to"], post["label"]) == ("p1", "party", "书记")
    english = payload(G, overview(G), "en")
    assert next(n for n in english["nodes"] if n["id"] == "c0")["label"] == "0号社区\n3 events"


def test_viz_group_nodes_count_against_the_cap():
    G = street_graph(4, 1)
    for i in range(3):
        entity(G, f"lone{i}", ["Person", "Facility", "Organization"][i], f"孤立{i}")
    capped = overview(G, cap=4)
    assert len(capped.nodes) <= 4 and capped.truncated


def test_viz_timeline_lists_a_units_events_by_date_undated_last():
    G = street_graph(2, 0)
    entity(G, "party", "PartyOrganization", "0号社区党委")
    G.add_edge("party", "c0", key="hostUnit", predicate="hostUnit", label="设立于")
    for key, date in (("late", "2023-11-02"), ("undated", None), ("early", "2023-02"), ("mid", "2023-06-30")):
        entity(G, key, "Event", f"活动{key}", **({"date": date} if date else {}))
    G.add_edge("late", "c0", key="organizer", predicate="organizer", label="主办")
    G.add_edge("undated", "c0", key="partner", predicate="partner", label="协办")
    G.add_edge("early", "party", key="organizer", predicate="organizer", label="主办")
    G.add_edge("mid", "c0", key="location", predicate="location", label="地点")
    found = timeline(G, "c0")
    assert found["label"] == "0号社区"
    assert [(e["id"], e["day"]) for e in found["events"]] == [
        ("early", "2023-02-01"), ("mid", "2023-06-30"), ("late", "2023-11-02"), ("undated", None)]
    assert found["events"][3]["role"] == "协办" and found["events"][0]["date"] == "2023-02"
    assert [e["id"] for e in timeline(G, "c1")["events"]] == []
