"""Projection into networkx and the network analytics, checked on a small hand-made graph against hand-worked values.

The fixture tests/fixtures/network-small.trig projects to 15 entities and 15 undirected links:

    甲街道—一社区, 甲街道—二社区, 一社区—一社区党委 (hostUnit), 一社区党委—红星银行 (co-build),
    张三—一社区党委 (post 党委书记), 邻里节—一社区, 邻里节—二社区, 邻里节—蓝天学校, 邻里节—红色管家,
    送清凉—三社区, 送清凉—红星银行, 送清凉—健康小屋, 健康小屋—三社区, 乙街道—三社区;  丙街道—四社区.

Betweenness by hand (unnormalized counts pairs once; normalized divides by (n-1)(n-2)/2 = 14·13/2 = 91):
  The big component is a chain of blocks: the square 甲街道–一社区–邻里节–二社区 (蓝天学校 and 红色管家 hang
  on 邻里节), then 一社区–一社区党委–红星银行–送清凉 (张三 hangs on 一社区党委), then the triangle
  送清凉–三社区–健康小屋, then 乙街道 on 三社区.
  * 一社区党委 separates {张三} (1), the 一社区 side {甲街道, 一社区, 邻里节, 二社区, 蓝天学校, 红色管家} (6) and the
    红星银行 side {红星银行, 送清凉, 三社区, 健康小屋, 乙街道} (5): 1·6 + 1·5 + 6·5 = 41 → 41/91 = 0.4505.
  * 红星银行 separates {送清凉, 三社区, 健康小屋, 乙街道} (4) from the other 8 of the component: 32 → 0.3516.
  * 一社区 separates its 7 (一社区党委, 张三, 红星银行, 送清凉, 三社区, 健康小屋, 乙街道) from 5 (甲街道, 二社区,
    邻里节, 蓝天学校, 红色管家): 35; inside the square, 甲街道 reaches 邻里节, 蓝天学校 and 红色管家 by two
    shortest paths, one through 一社区: 3 × 1/2 = 1.5; total 36.5 → 0.4011.
  * 三社区 lies on every path from 乙街道 to the 11 others of the component: 11 → 0.1209.
  * leaves (张三, 蓝天学校, 红色管家, 乙街道, 四社区, 丙街道) have 0.
Degree centrality is degree / 14: 邻里节 4/14 = 0.2857; 一社区, 三社区, 一社区党委 3/14 = 0.2143.

Co-organization network (party organizations stand for their host unit, so 一社区党委 → 一社区):
  邻里节 links 一社区–二社区, 一社区–蓝天学校, 二社区–蓝天学校; 送清凉 links 三社区–红星银行; the co-build links
  一社区–红星银行. Five links of weight 1 (m = 5); degrees 一社区 3, 二社区 2, 蓝天学校 2, 红星银行 2, 三社区 1.
  Louvain finds {一社区, 二社区, 蓝天学校} and {三社区, 红星银行}: modularity
  Q = (3/5 − (7/10)²) + (1/5 − (3/10)²) = 0.11 + 0.11 = 0.22, better than one cluster (0) or
  {二社区, 蓝天学校} + {一社区, 红星银行, 三社区} (0.04 + 0.04 = 0.08).
Community–partner graph: 一社区–蓝天学校, 二社区–蓝天学校, 一社区–红星银行, 三社区–红星银行.
  Communities sharing partners: 一社区–二社区 (蓝天学校), 一社区–三社区 (红星银行); partners sharing
  communities: 红星银行–蓝天学校 (一社区). 红星银行 links 一社区 (甲街道) and 三社区 (乙街道): the one bridge.
"""
from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from dangjian.graph.network.analytics import analytics_tables, analyze, co_organization
from dangjian.graph.network.analytics_rdf import write_analytics
from dangjian.graph.store.embedded import EmbeddedStore
from dangjian.graph.network.projection import project
from dangjian.graph.network.tables import tables_to_csv, to_csv, to_json, to_text
from dangjian.ontology import ANALYTICS_GRAPH, DJ, ID

FIXTURE = Path(__file__).parents[2] / "fixtures" / "network-small.trig"
PLACE = ID + "place/"
一社区, 二社区, 三社区, 四社区 = (PLACE + c for c in ("999901001001", "999901001002", "999901002001", "999901003001"))
甲街道, 乙街道 = PLACE + "999901001000", PLACE + "999901002000"
党委, 张三 = ID + "party-org/一社区党委", ID + "person/张三"
红星银行, 蓝天学校 = ID + "org/红星银行", ID + "org/蓝天学校"
邻里节, 送清凉 = ID + "event/aaaaaaaaaaaaaaaa/邻里节", ID + "event/bbbbbbbbbbbbbbbb/送清凉"


def load(store) -> None:
    store.load("https://w3id.org/dangjian/graph/file/network-small.trig", FIXTURE.read_bytes(), ox.RdfFormat.TRIG)


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    store = EmbeddedStore(tmp_path_factory.mktemp("analytics") / "store")
    load(store)
    yield project(store)
    store.close()


@pytest.fixture(scope="module")
def results(graph):
    return analyze(graph)


def test_analytics_projection_keeps_entities_and_collapses_posts(store):
    load(store)
    G = project(store)
    assert (len(G), G.number_of_edges()) == (15, 15)
    assert G.nodes[党委]["type"] == "PartyOrganization"  # typed PartyOrganization and Organization
    assert G.nodes[一社区]["label"] == "一社区"
    assert {d["type"] for _, d in G.nodes(data=True)}.isdisjoint({"Article", "Post"})
    post = G.get_edge_data(张三, 党委)
    assert [d["title"] for d in post.values()] == ["党委书记"]
    assert G.nodes[送清凉]["date"] == "2023-08"
    assert G.nodes[红星银行]["streets"] == frozenset({甲街道, 乙街道})


def test_analytics_projection_adds_articles_only_when_asked(store):
    load(store)
    G = project(store, include_articles=True)
    articles = [n for n, t in G.nodes(data="type") if t == "Article"]
    assert len(articles) == 2
    assert any(v == 一社区 and k == "mentions" for _, v, k in G.out_edges(articles, keys=True))


def test_analytics_degree_centrality_matches_hand_count(results):
    by_iri = {c.iri: c for c in results.centrality}
    assert by_iri[邻里节].degree == 4 and by_iri[邻里节].degree_centrality == pytest.approx(4 / 14)
    for node in (一社区, 三社区, 党委):
        assert by_iri[node].degree_centrality == pytest.approx(3 / 14)


def test_analytics_betweenness_matches_hand_count(results):
    by_iri = {c.iri: c.betweenness for c in results.centrality}
    assert by_iri[党委] == pytest.approx(41 / 91)
    assert by_iri[红星银行] == pytest.approx(32 / 91)
    assert by_iri[一社区] == pytest.approx(36.5 / 91)
    assert by_iri[三社区] == pytest.approx(11 / 91)
    assert by_iri[张三] == by_iri[蓝天学校] == by_iri[四社区] == 0


def test_analytics_top_communities_rank_by_degree_then_betweenness(results):
    central = next(t for t in analytics_tables(results) if t.name == "centrality")
    communities = [r[2] for r in central.rows if r[0] == "Community"]
    assert communities == ["一社区", "三社区", "二社区", "四社区"]


def test_analytics_components_largest_first(results):
    assert [c.size for c in results.components] == [13, 2]
    assert results.components[0].hub == 邻里节
    assert results.component_of[四社区] == 2


def test_analytics_louvain_clusters_match_hand_modularity(graph, results):
    links = {frozenset(e) for e in co_organization(graph).edges()}
    assert links == {frozenset(e) for e in [(一社区, 二社区), (一社区, 蓝天学校), (二社区, 蓝天学校),
                                            (三社区, 红星银行), (一社区, 红星银行)]}
    assert [set(c.members) for c in results.clusters] == [{一社区, 二社区, 蓝天学校}, {三社区, 红星银行}]
    assert results.modularity == pytest.approx(0.22)


def test_analytics_community_partner_projections(results):
    pairs = {(p.a_label, p.b_label): (p.weight, p.shared) for p in results.community_pairs}
    assert pairs == {("一社区", "二社区"): (1, ("蓝天学校",)), ("一社区", "三社区"): (1, ("红星银行",))}
    partners = [(p.a_label, p.b_label, p.shared) for p in results.partner_pairs]
    assert partners == [("红星银行", "蓝天学校", ("一社区",))]


def test_analytics_bridges_link_communities_of_two_streets(results):
    assert [(b.label, b.street_labels, b.communities) for b in results.bridges] == [("红星银行", ("甲街道", "乙街道"), 2)]


def test_analytics_estimates_betweenness_on_request(graph):
    assert analyze(graph, betweenness_sample=5).betweenness_sample == 5
    assert analyze(graph).betweenness_sample is None


def test_analytics_write_analytics_answers_sparql(store, results):
    load(store)
    written = write_analytics(store, results)
    assert written > 0 and ANALYTICS_GRAPH in store.graphs()
    rows = list(store.query(f"SELECT ?x ?b WHERE {{ ?x <{DJ}betweennessCentrality> ?b }} ORDER BY DESC(?b) LIMIT 1"))
    assert rows[0]["x"].value == 党委 and float(rows[0]["b"].value) == pytest.approx(41 / 91, rel=1e-5)  # Virtuoso writes doubles with 6 digits
    bridge = list(store.query(f"SELECT ?s WHERE {{ <{红星银行}> <{DJ}linksStreet> ?s }}"))
    assert {r["s"].value for r in bridge} == {甲街道, 乙街道}
    assert (len(project(store)), project(store).number_of_edges()) == (15, 15)  # results are not projected as facts
    write_analytics(store, results)
    assert store.count(ANALYTICS_GRAPH) == written  # replaced, not appended


def test_analytics_tables_render_for_terminal_csv_and_json(results):
    tables = analytics_tables(results, top=3)
    text = to_text(tables)
    assert "红星银行" in text and "== 跨街道的桥梁" in text
    csv_text = to_csv(next(t for t in tables if t.name == "bridges"))
    assert csv_text.splitlines()[0] == "label,type,streets,communities,iri"
    assert tables_to_csv(tables).startswith("# summary\n")
    data = json.loads(to_json(tables))
    assert data["clusters"][0]["members"] == "一社区、二社区、蓝天学校"


def test_analytics_cli_names_most_connected(dangjian):
    dangjian("load", str(FIXTURE), check_status=0)
    done = dangjian("analyze", "--format", "json", "--table", "centrality", check_status=0)
    rows = json.loads(done.stdout)["centrality"]
    top = {r["type"]: r["label"] for r in rows if r["rank"] == 1}
    assert top["Community"] == "一社区" and top["Organization"] == "红星银行"
    assert "analyzing" in done.stderr
