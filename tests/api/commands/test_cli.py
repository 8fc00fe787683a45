"""The real `dangjian` command, run as a subprocess: results on stdout, messages on stderr, exit codes 0/1/2."""
from __future__ import annotations

import argparse
import json
import unicodedata

import pyoxigraph as ox
import pytest

from dangjian.api.cli import build_parser
from dangjian.graph.store.remote import RemoteStore

SMALL = """\
@prefix dj: <https://w3id.org/dangjian/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix id: <https://w3id.org/dangjian/id/> .
<https://w3id.org/dangjian/id/community/蠡口社区> a dj:Community ; rdfs:label "蠡口社区"@zh ;
    dj:partOf <https://w3id.org/dangjian/id/street/黄桥街道> .
<https://w3id.org/dangjian/id/community/Lakeside> a dj:Community ; rdfs:label "Lakeside"@zh ;
    dj:partOf <https://w3id.org/dangjian/id/street/黄桥街道> .
<https://w3id.org/dangjian/id/street/黄桥街道> a dj:Street ; rdfs:label "黄桥街道"@zh .
"""
LABELS = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?entity ?name WHERE { ?entity rdfs:label ?name } ORDER BY ?name"""


@pytest.fixture
def loaded(dangjian, tmp_path):
    """The small graph loaded into the command's default store."""
    (tmp_path / "small.ttl").write_text(SMALL, encoding="utf-8")
    done = dangjian("load", "small.ttl", check_status=0)
    assert done.stdout == ""
    return dangjian


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_cli_query_json_prints_exactly_a_sparql_results_document(loaded):
    done = loaded("query", "--format", "json", LABELS, check_status=0)
    document = json.loads(done.stdout)
    assert document["head"]["vars"] == ["entity", "name"]
    names = [b["name"]["value"] for b in document["results"]["bindings"]]
    assert names == ["Lakeside", "蠡口社区", "黄桥街道"]


def test_cli_query_table_aligns_chinese_columns(loaded):
    done = loaded("query", LABELS, check_status=0)
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["entity", "|", "name"]
    bars = {width(line[:line.index("|")]) for line in lines if "|" in line}
    assert len(bars) == 1, done.stdout
    assert width(lines[1][:lines[1].index("+")]) in bars
    assert "(3 rows)" in done.stderr


def test_cli_query_reads_files_stdin_and_competency_questions(loaded, tmp_path):
    (tmp_path / "labels.rq").write_text(LABELS, encoding="utf-8")
    from_file = loaded("query", "-f", "labels.rq", "--format", "csv", check_status=0)
    assert from_file.stdout.splitlines()[0] == "entity,name"
    from_stdin = loaded("query", "-f", "-", "--format", "tsv", input=LABELS, check_status=0)
    assert len(from_stdin.stdout.splitlines()) == 4
    names = [line for line in loaded("ontology", "--queries", check_status=0).stdout.splitlines()
             if line and not line.startswith(" ")]
    assert names, "the ontology ships competency questions"
    done = loaded("query", "--name", names[0], "--format", "json", check_status=0)
    assert "head" in json.loads(done.stdout)


def test_cli_query_construct_prints_turtle_and_select_refuses_it(loaded):
    done = loaded("query", "--format", "turtle", "CONSTRUCT WHERE { ?s a ?class }", check_status=0)
    triples = list(ox.parse(done.stdout.encode(), ox.RdfFormat.TURTLE))
    assert len(triples) == 3
    mismatch = loaded("query", "--format", "turtle", "SELECT * WHERE { ?s ?p ?o }")
    assert mismatch.returncode == 2 and "for CONSTRUCT and DESCRIBE results" in mismatch.stderr


def test_cli_sparql_syntax_error_gives_line_and_column(loaded):
    done = loaded("query", "SELECT ?x\nWHERE { ?x ?y }")
    assert done.returncode == 1
    assert "<query>:2:16: SPARQL syntax error" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_cli_load_bad_turtle_names_the_place_and_loads_the_other_files(dangjian, tmp_path):
    (tmp_path / "good.ttl").write_text(SMALL, encoding="utf-8")
    (tmp_path / "bad.ttl").write_text('@prefix ex: <https://example.org/> .\nex:a ex:p "一" .\nex:b ex:p "二 .\n',
                                      encoding="utf-8")
    done = dangjian("load", "bad.ttl", "good.ttl")
    assert done.returncode == 1
    assert "bad.ttl:3:11:" in done.stderr and "nothing of this file was loaded" in done.stderr
    stats = json.loads(dangjian("stats", "--format", "json", check_status=0).stdout)
    assert stats["graphs"] == 1 and stats["triples"] == 8  # three typed, labelled entities and two partOf


def test_cli_load_walks_directories_and_reports_bad_paths(dangjian, tmp_path):
    (tmp_path / "data" / "deeper").mkdir(parents=True)
    (tmp_path / "data" / "deeper" / "small.ttl").write_text(SMALL, encoding="utf-8")
    (tmp_path / "data" / ".hidden.ttl").write_text("not turtle at all", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    assert dangjian("load", "data", check_status=0).stderr.startswith("loaded data/deeper/small.ttl")
    empty = dangjian("load", "empty", "missing.ttl")
    assert empty.returncode == 1
    assert "empty: the directory holds no files" in empty.stderr and "missing.ttl: no such file" in empty.stderr


def test_cli_export_keeps_named_graphs(loaded, tmp_path):
    loaded("export", "--format", "trig", "-o", "all.trig", check_status=0)
    quads = list(ox.parse((tmp_path / "all.trig").read_bytes(), ox.RdfFormat.TRIG))
    assert {q.graph_name.value for q in quads} == {"https://w3id.org/dangjian/graph/file/small.ttl"}
    streamed = loaded("export", "--format", "nquads", check_status=0).stdout
    assert len(streamed.splitlines()) == len(quads)


def test_cli_stats_counts_entities_per_class(loaded):
    stats = json.loads(loaded("stats", "--format", "json", check_status=0).stdout)
    assert stats["entities"]["Community"] == 2 and stats["entities"]["Street"] == 1
    assert stats["entities"]["Event"] == 0


def test_cli_validate_passes_a_good_graph_and_fails_a_bad_one(loaded, tmp_path):
    assert "conforms" in loaded("validate", check_status=0).stdout
    (tmp_path / "unnamed.ttl").write_text(
        "<https://w3id.org/dangjian/id/community/无名> a <https://w3id.org/dangjian/ontology#Community> .\n",
        encoding="utf-8")
    loaded("load", "unnamed.ttl", check_status=0)
    done = loaded("validate")
    assert done.returncode == 1
    assert "<https://w3id.org/dangjian/id/community/无名>  rdfs:label" in done.stdout
    assert "does not conform" in done.stderr


def test_cli_ontology_prints_only_turtle(dangjian):
    done = dangjian("ontology", check_status=0)
    classes = {q.subject.value for q in ox.parse(done.stdout.encode(), ox.RdfFormat.TURTLE)
               if q.object.value == "http://www.w3.org/2002/07/owl#Class"}
    assert "https://w3id.org/dangjian/ontology#Community" in classes


def test_cli_works_over_a_remote_store(dangjian, tmp_path, oxigraph_server):
    RemoteStore.from_url(oxigraph_server).update("DROP ALL")
    (tmp_path / "small.ttl").write_text(SMALL, encoding="utf-8")
    dangjian("load", "small.ttl", "--store", oxigraph_server, check_status=0)
    done = dangjian("query", "--format", "json", LABELS, "--store", oxigraph_server, check_status=0)
    assert len(json.loads(done.stdout)["results"]["bindings"]) == 3


def test_cli_failures_exit_1_with_advice_and_no_traceback(dangjian):
    no_store = dangjian("query", "ASK {}")
    assert no_store.returncode == 1 and "load data first" in no_store.stderr
    down = dangjian("stats", "--store", "http://127.0.0.1:9")
    assert down.returncode == 1 and "http://127.0.0.1:9/query" in down.stderr
    for done in (no_store, down):
        assert "Traceback" not in done.stderr and done.stdout == ""


@pytest.mark.parametrize("args", [(), ("frobnicate",), ("query",), ("load",), ("export",),
                                  ("query", "--name", "no-such-question"), ("load", "x.ttl", "--jobs", "0"),
                                  ("export", "--format", "graphviz")])
def test_cli_bad_usage_exits_2(dangjian, args):
    done = dangjian(*args)
    assert done.returncode == 2, done.stderr
    assert "usage: dangjian" in done.stderr and "Traceback" not in done.stderr


def test_cli_help_lists_the_commands_and_the_server_settings(dangjian):
    top = dangjian("--help", check_status=0)
    assert "DANGJIAN_STORE_TOKEN" in top.stdout and "--union-default-graph" in top.stdout
    subparsers = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert {"load", "extract", "query", "export", "validate", "stats", "ontology"} <= set(subparsers.choices)
    # each command's own --help: tests/api/test_docs_api.py, one test per command
