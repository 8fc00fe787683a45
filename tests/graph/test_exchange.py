"""GraphML and GEXF exports open again in networkx with the same nodes, edges and attributes."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from dangjian.graph.embedded import EmbeddedStore
from dangjian.graph.exchange import export, flat_graph, write_gexf, write_graphml
from dangjian.graph.network import project
from dangjian.ontology import ID

FIXTURE = Path(__file__).parents[1] / "fixtures" / "network-small.trig"
送清凉 = ID + "event/bbbbbbbbbbbbbbbb/送清凉"
邻里节 = ID + "event/aaaaaaaaaaaaaaaa/邻里节"
张三, 党委 = ID + "person/张三", ID + "party-org/一社区党委"
红星银行 = ID + "org/红星银行"


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    store = EmbeddedStore(tmp_path_factory.mktemp("exchange") / "store")
    store.load("https://w3id.org/dangjian/graph/file/x.trig", FIXTURE.read_bytes(), ox.RdfFormat.TRIG)
    yield project(store)
    store.close()


def edge_attrs(G: nx.Graph, u: str, v: str) -> dict:
    data = G.get_edge_data(u, v)
    return next(iter(data.values())) if G.is_multigraph() else data


def test_exchange_attributes_are_plain_strings(graph):
    F = flat_graph(graph, timeline=True)
    values = [v for _, d in F.nodes(data=True) for v in d.values()] + [v for *_, d in F.edges(data=True) for v in d.values()]
    assert values and all(isinstance(v, str) for v in values)


def test_exchange_graphml_round_trip(graph, tmp_path):
    path = tmp_path / "g.graphml"
    write_graphml(graph, str(path))
    back = nx.read_graphml(path)
    assert (len(back), back.number_of_edges()) == (len(graph), graph.number_of_edges())
    assert back.nodes[送清凉] == {"label": "送清凉", "type": "Event", "streets": "乙街道", "districts": "", "date": "2023-08"}
    assert set(back.nodes[红星银行]["streets"].split("、")) == {"甲街道", "乙街道"}
    post = edge_attrs(back, 张三, 党委)
    assert (post["predicate"], post["title"], post["label"]) == ("post", "党委书记", "党委书记")


def test_exchange_gexf_round_trip_with_timeline(graph, tmp_path):
    path = tmp_path / "g.gexf"
    write_gexf(graph, str(path))
    back = nx.read_gexf(path)
    assert (len(back), back.number_of_edges()) == (len(graph), graph.number_of_edges())
    assert back.graph["mode"] == "dynamic"
    event = back.nodes[送清凉]
    assert (event["label"], event["type"], event["date"]) == ("送清凉", "Event", "2023-08")
    assert (event["start"], event["end"]) == ("2023-08-01", "2023-08-01")
    assert back.nodes[邻里节]["start"] == "2023-07-20"
    assert "start" not in back.nodes[张三]
    assert back.nodes[张三]["viz"]["color"]["r"] >= 0
    post = edge_attrs(back, 张三, 党委)
    assert (post["predicate"], post["title"]) == ("post", "党委书记")


def test_exchange_export_rejects_unknown_format(tmp_path):
    with pytest.raises(ValueError, match="graphml, gexf"):
        export(None, "dot", str(tmp_path / "x.dot"))  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_exchange_cli_export_opens_in_networkx(dangjian, tmp_path, fmt, reader):
    dangjian("load", str(FIXTURE), check_status=0)
    done = dangjian("export", "--format", fmt, "-o", f"net.{fmt}", check_status=0)
    assert "exported 15 nodes" in done.stderr
    G = reader(tmp_path / f"net.{fmt}")
    assert (len(G), G.number_of_edges()) == (15, 15)
