"""A load from end to end, as `dangjian load` runs it: facts traced to their sentence, bad input reported while the
rest loads, --strict, hostile labels through store, query and export."""
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from article_helpers import graphs

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "samples" / "seed-page.txt"

PROVENANCE = """
PREFIX dj: <https://w3id.org/dangjian/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
SELECT ?title ?sentence ?start ?end WHERE {
  ?community rdfs:label "蠡口社区"@zh . ?street rdfs:label "元和街道"@zh .
  ?statement rdf:subject ?community ; rdf:predicate dj:partOf ; rdf:object ?street .
  ?evidence dj:states ?statement ; dj:start ?start ; dj:end ?end ; dct:isPartOf ?article .
  ?article rdfs:label ?title ; schema:text ?text .
  BIND (SUBSTR(?text, ?start + 1, ?end - ?start) AS ?sentence)
}"""


def test_pipeline_fact_traces_to_article_and_sentence(dangjian):
    dangjian("load", str(SAMPLE), "--no-progress", check_status=0)
    rows = json.loads(dangjian("query", "--format", "json", PROVENANCE, check_status=0).stdout)["results"]["bindings"]
    assert rows, "no evidence for 蠡口社区 partOf 元和街道"
    titles = [r["title"]["value"] for r in rows]  # SPARQL rows come in no particular order
    assert "元和街道多社区学习贯彻市委十三届五次全会精神" in titles
    row = rows[titles.index("元和街道多社区学习贯彻市委十三届五次全会精神")]
    assert "蠡口社区" in row["sentence"]["value"]
    text_query = ("PREFIX schema: <https://schema.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                  "SELECT ?text WHERE { ?a schema:text ?text ; rdfs:label \"" + row["title"]["value"] + "\"@zh }")
    text = json.loads(dangjian("query", "--format", "json", text_query, check_status=0).stdout)
    body = text["results"]["bindings"][0]["text"]["value"]
    start, end = int(row["start"]["value"]), int(row["end"]["value"])
    assert body[start:end].replace(",", ",") == row["sentence"]["value"].replace(",", ",")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_pipeline_bad_inputs_are_reported_and_the_rest_loads(dangjian, tmp_path, jobs):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("蠡口社区开展活动\n\n近日,蠡口社区开展青年党员学习交流活动。\n", encoding="utf-8")
    (corpus / "gbk.txt").write_text("莫阳社区开展活动\n\n近日,莫阳社区党委书记陈丽主持会议。\n", encoding="gb18030")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (corpus / "english.txt").write_text("No Chinese text here at all.\n", encoding="utf-8")
    (corpus / "page.html").write_text("<html><head><title>富民社区开展活动</title><script>var x='姚祥社区';</script>"
                                      "</head><body><article><h1>富民社区开展活动</h1><p>近日,富民社区开展助残活动。</p>"
                                      "</article></body></html>", encoding="utf-8")
    lines = [json.dumps({"title": "建元社区开展活动", "text": "近日,建元社区开展活动。"}, ensure_ascii=False),
             "{broken json", json.dumps({"title": "朱巷社区开展活动", "text": "近日,朱巷社区开展活动。"}, ensure_ascii=False)]
    (corpus / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = dangjian("load", str(corpus), "--no-progress", "--jobs", jobs)
    assert out.returncode == 1
    for name in ("empty.txt", "image.txt", "english.txt", "feed.jsonl:2"):
        assert name in out.stderr
    labels = dangjian("query", "--format", "json",
                      "SELECT ?l WHERE { ?c a <https://w3id.org/dangjian/ontology#Community> ; "
                      "<http://www.w3.org/2000/01/rdf-schema#label> ?l }", check_status=0)
    found = {b["l"]["value"] for b in json.loads(labels.stdout)["results"]["bindings"]}
    assert {"蠡口社区", "莫阳社区", "富民社区", "建元社区", "朱巷社区"} <= found
    assert "姚祥社区" not in found  # it stood only in a script


def test_pipeline_strict_stops_at_the_first_error(dangjian, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a-empty.txt").write_text("", encoding="utf-8")
    (corpus / "b-good.txt").write_text("蠡口社区开展活动\n\n近日,蠡口社区开展活动。\n", encoding="utf-8")
    out = dangjian("load", str(corpus), "--strict", "--no-progress")
    assert out.returncode == 1
    assert [g for g in graphs(dangjian) if "/graph/article/" in g] == []


def test_pipeline_hostile_labels_survive_store_query_and_export(dangjian, tmp_path):
    page = tmp_path / "hostile.txt"
    page.write_text("蠡口社区打造服务品牌\n\n近日,蠡口社区打造“<script>alert('x')</script>”服务品牌,"
                    "推出“\"}UNION{<x>”议事平台。\n", encoding="utf-8")
    dangjian("load", str(page), "--no-progress", check_status=0)
    rows = dangjian("query", "--format", "json",
                    "SELECT ?l WHERE { ?p a <https://w3id.org/dangjian/ontology#Program> ; "
                    "<http://www.w3.org/2000/01/rdf-schema#label> ?l }", check_status=0)
    labels = {b["l"]["value"] for b in json.loads(rows.stdout)["results"]["bindings"]}
    assert "<script>alert(x)</script>" in labels  # quotes are stripped from labels, the rest is kept as text
    assert "}UNION{<x>" in labels
    for fmt, rdf in (("trig", ox.RdfFormat.TRIG), ("nquads", ox.RdfFormat.N_QUADS), ("jsonld", ox.RdfFormat.JSON_LD)):
        out = tmp_path / f"all.{fmt}"
        dangjian("export", "--format", fmt, "-o", str(out), check_status=0)
        assert len(list(ox.parse(out.read_bytes(), format=rdf))) > 50
    graphml = tmp_path / "all.graphml"
    dangjian("export", "--format", "graphml", "-o", str(graphml), check_status=0)
    import networkx as nx
    assert any("<script>" in str(d.get("label", "")) for _, d in nx.read_graphml(graphml).nodes(data=True))
