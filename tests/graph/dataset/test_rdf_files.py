"""Loading RDF files by extension into per-file named graphs, on both stores."""
from __future__ import annotations

import gzip
from pathlib import Path

import pyoxigraph as ox
import pytest

from dangjian.graph.dataset.rdf_files import FILE_GRAPH, RdfFileError, file_graph, load_rdf_file
from dangjian.graph.dataset.rdf_suffixes import RDF_EXTENSIONS, is_rdf_file

LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
COMMUNITY = ox.NamedNode("https://w3id.org/dangjian/id/community/蠡口社区")
STREET = ox.NamedNode("https://w3id.org/dangjian/id/street/黄桥街道")
TRIPLES = [
    ox.Triple(COMMUNITY, LABEL, ox.Literal("蠡口社区", language="zh")),
    ox.Triple(COMMUNITY, ox.NamedNode("https://w3id.org/dangjian/ontology#partOf"), STREET),
    ox.Triple(STREET, LABEL, ox.Literal("黄桥街道", language="zh")),
]
OWN_GRAPH = ox.NamedNode("https://w3id.org/dangjian/graph/own")  # the project's graphs are all a shared server shows


def write(path: Path, format: ox.RdfFormat) -> Path:
    """The three triples in `format`; dataset formats put the last one in a graph of its own."""
    if format.supports_datasets and format != ox.RdfFormat.JSON_LD:
        quads = [ox.Quad(*t) for t in TRIPLES[:2]] + [ox.Quad(*TRIPLES[2], OWN_GRAPH)]
        data = ox.serialize(quads, format=format)
    else:
        data = ox.serialize(TRIPLES, format=format)
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return path


@pytest.mark.parametrize("name", [f"places{ext}" for ext in RDF_EXTENSIONS] + ["places.ttl.gz", "places.NT"])
def test_rdf_files_each_format_loads_into_the_file_graph(store, tmp_path, name):
    format = RDF_EXTENSIONS[Path(name.removesuffix(".gz")).suffix.lower()]
    path = write(tmp_path / name, format)
    loaded = load_rdf_file(store, path)
    assert loaded.graph == FILE_GRAPH + name
    assert loaded.quads == 3
    labels = store.query("SELECT ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }")
    assert sorted(row["l"].value for row in labels) == ["蠡口社区", "黄桥街道"]
    if format in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
        assert store.graphs() == sorted([loaded.graph, OWN_GRAPH.value])
        assert store.count(loaded.graph) == 2
    else:
        assert store.graphs() == [loaded.graph]


def test_rdf_files_turtle_syntax_error_names_file_line_and_column_and_loads_nothing(store, tmp_path):
    bad = tmp_path / "broken.ttl"
    bad.write_text('@prefix ex: <https://example.org/> .\nex:a ex:p "一" .\nex:b ex:p "二 .\n', encoding="utf-8")
    good = write(tmp_path / "good.ttl", ox.RdfFormat.TURTLE)
    with pytest.raises(RdfFileError) as raised:
        load_rdf_file(store, bad)
    assert f"{bad}:3:11:" in str(raised.value)
    assert store.count() == 0
    assert load_rdf_file(store, good).quads == 3
    assert store.graphs() == [file_graph(good)]


def test_rdf_files_loading_again_replaces_the_file_graph(store, tmp_path):
    path = write(tmp_path / "places.ttl", ox.RdfFormat.TURTLE)
    load_rdf_file(store, path)
    path.write_text('<https://example.org/only> <https://example.org/p> "剩下" .\n', encoding="utf-8")
    load_rdf_file(store, path)
    assert store.count() == 1


def test_rdf_files_unreadable_inputs_say_what_is_wrong(store, tmp_path):
    with pytest.raises(RdfFileError, match="no such file"):
        load_rdf_file(store, tmp_path / "missing.ttl")
    (tmp_path / "fake.ttl.gz").write_bytes(b"not gzip")
    with pytest.raises(RdfFileError, match="not a valid gzip file"):
        load_rdf_file(store, tmp_path / "fake.ttl.gz")
    with pytest.raises(RdfFileError, match="not an RDF file"):
        load_rdf_file(store, tmp_path / "notes.txt")


def test_rdf_files_recognises_extensions_and_makes_graph_iris_valid():
    assert is_rdf_file(Path("a/b.TTL")) and is_rdf_file(Path("x.jsonld.gz")) and is_rdf_file(Path("o.owl"))
    assert not is_rdf_file(Path("page.txt")) and not is_rdf_file(Path("archive.gz"))
    iri = file_graph(Path("街道 名录#1.ttl"))
    assert ox.NamedNode(iri).value.startswith(FILE_GRAPH)
    assert " " not in iri and "#" not in iri
