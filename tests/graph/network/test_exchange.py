"""GraphML and GEXF exports open again in networkx with the same nodes, edges and attributes."""
from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from functools import partial
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from dangjian.graph.store.embedded import EmbeddedStore
from dangjian.graph.network.exchange import export, flat_graph, write_gexf, write_graphml
from dangjian.graph.network.projection import project
from dangjian.ontology import ID

FIXTURE = Path(__file__).parents[2] / "fixtures" / "network-small.trig"
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
    back = nx.read_gexf(path, version="1.3")
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


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", partial(nx.read_gexf, version="1.3"))])
def test_exchange_cli_export_opens_in_networkx(dangjian, tmp_path, fmt, reader):
    dangjian("load", str(FIXTURE), check_status=0)
    done = dangjian("export", "--format", fmt, "-o", f"net.{fmt}", check_status=0)
    assert "exported 15 nodes" in done.stderr
    G = reader(tmp_path / f"net.{fmt}")
    assert (len(G), G.number_of_edges()) == (15, 15)


def test_exchange_graphml_edge_ids_are_unique(graph, tmp_path):
    path = tmp_path / "g.graphml"
    write_graphml(graph, str(path))
    ids = [edge.get("id") for edge in ET.parse(path).getroot().iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    assert len(ids) == graph.number_of_edges() == len(set(ids)) and None not in ids


def test_exchange_gexf_is_version_1_3(graph, tmp_path):
    path = tmp_path / "g.gexf"
    write_gexf(graph, str(path))
    root = ET.parse(path).getroot()
    assert root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3"
    schema = root.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation")
    assert schema == "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"


GRAPHOLOGY = Path(__file__).parents[1] / "graphology"


def test_exchange_graphml_opens_in_graphology(graph, tmp_path):
    """graphology (Sigma.js, Retina) refuses a GraphML file whose edge ids repeat."""
    node = shutil.which("node")
    if node is None or not (GRAPHOLOGY / "node_modules" / "graphology-graphml").is_dir():
        pytest.skip("needs node and the readers: npm ci --prefix tests/graph/graphology")
    path = tmp_path / "g.graphml"
    write_graphml(graph, str(path))
    done = subprocess.run([node, str(GRAPHOLOGY / "read_graphml.cjs"), str(path)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    read = json.loads(done.stdout)
    assert (read["nodes"], read["edges"]) == (len(graph), graph.number_of_edges())
    assert "送清凉" in read["labels"]
