"""`dangjian export --format csv` and `--format rdfxml` as a researcher opens them: every node and edge of the
network in the tables, with how many articles support each, and RDF/XML holding every triple."""
from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest
import rdflib

ARTICLES = {
    "a.txt": "桃源社区开展邻里节活动\n\n7月20日，桃源社区党委联合示例银行开展邻里节活动。桃源社区党委书记王芳带领党员为居民服务。\n",
    "b.txt": "桃源社区举办送清凉活动\n\n8月2日，桃源社区党委书记王芳带领志愿者走访高温下的环卫工人。示例银行参加了活动。\n",
}


@pytest.fixture
def two_articles(dangjian, tmp_path: Path):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    dangjian("load", *ARTICLES, "--date", "2023-07-21", check_status=0)
    return dangjian


def read_table(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_network_csv_tables_hold_the_network_with_source_counts(two_articles, tmp_path: Path) -> None:
    done = two_articles("export", "--format", "csv", "-o", "tables", check_status=0)
    nodes, edges = read_table(tmp_path / "tables" / "nodes.csv"), read_table(tmp_path / "tables" / "edges.csv")
    assert f"exported {len(nodes)} nodes" in done.stderr and f"{len(edges)} edges" in done.stderr
    two_articles("export", "--format", "graphml", "-o", "net.graphml", check_status=0)
    G = nx.read_graphml(tmp_path / "net.graphml")
    assert (len(nodes), len(edges)) == (len(G), G.number_of_edges())
    by_label = {row["label"]: row for row in nodes}
    assert by_label["王芳"]["type"] == "Person" and by_label["王芳"]["sources"] == "2"
    assert by_label["邻里节活动"]["sources"] == "1" and by_label["邻里节活动"]["date"] == "2023-07-20"
    post = next(row for row in edges if row["predicate"] == "post")
    assert (post["source_label"], post["target_label"], post["title"], post["sources"]) == \
        ("王芳", "桃源社区党委", "党委书记", "2")
    assert {row["source"] for row in edges} | {row["target"] for row in edges} <= {row["id"] for row in nodes}


def test_network_csv_opens_as_chinese_in_excel(two_articles, tmp_path: Path) -> None:
    two_articles("export", "--format", "csv", check_status=0)
    raw = (tmp_path / "nodes.csv").read_bytes()
    assert raw.startswith("\ufeffid,label,type".encode()) and b"\r\n" in raw
    assert "王芳".encode() in raw


def test_network_csv_refuses_a_file_as_its_directory(two_articles, tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    done = two_articles("export", "--format", "csv", "-o", "taken")
    assert done.returncode == 1 and "directory" in done.stderr and "Traceback" not in done.stderr


def test_network_csv_rdfxml_export_holds_every_triple(two_articles, tmp_path: Path) -> None:
    turtle = two_articles("export", "--format", "turtle", "-o", "all.ttl", check_status=0)
    done = two_articles("export", "--format", "rdfxml", "-o", "all.rdf", check_status=0)
    count = int(done.stderr.split()[1])
    assert turtle.stderr.split()[1] == str(count) and "triples" in done.stderr
    graph = rdflib.Graph().parse(tmp_path / "all.rdf", format="xml")
    assert len(graph) == count and len(graph) == len(rdflib.Graph().parse(tmp_path / "all.ttl", format="turtle"))
