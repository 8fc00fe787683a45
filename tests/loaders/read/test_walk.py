"""One suffix table and one directory walk: the article reader, `dangjian load` and the RDF loader agree on
which files are RDF, and see the same files of a directory in the same order."""
from __future__ import annotations

import gzip
import os
from pathlib import Path

import pyoxigraph as ox
import pytest

from dangjian.api.commands.loading.load import split_paths
from dangjian.graph.dataset.rdf_files import load_rdf_file
from dangjian.graph.dataset.rdf_suffixes import RDF_EXTENSIONS, rdf_format
from dangjian.graph.store import open_store
from dangjian.loaders.read.document import ReadError
from dangjian.loaders.read.read import iter_documents, read_file
from dangjian.loaders.read.walk import walk_files

ARTICLE = "蠡口社区开展主题党日活动。社区党委书记王芳带领党员走访居民。\n"
TRIPLE = ox.Triple(ox.NamedNode("https://w3id.org/dangjian/id/community/蠡口社区"),
                   ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("蠡口社区", language="zh"))
RDF_NAMES = [f"places{ext}{zipped}" for ext in RDF_EXTENSIONS for zipped in ("", ".gz")] + ["places.TTL", "p.NQ.GZ"]


def write_rdf(path: Path) -> Path:
    data = ox.serialize([TRIPLE], format=rdf_format(path))
    path.write_bytes(gzip.compress(data) if path.suffix.lower() == ".gz" else data)
    return path


@pytest.mark.parametrize("name", RDF_NAMES)
def test_walk_reader_load_and_rdf_loader_agree_on_each_rdf_suffix(tmp_path, name):
    folder = tmp_path / "in"
    folder.mkdir()
    path = write_rdf(folder / name)
    (error,) = read_file(path)
    assert isinstance(error, ReadError) and error.reason == "an RDF file, not an article"
    assert list(iter_documents([folder])) == [] and list(iter_documents([path])) == []
    assert split_paths([folder]) == ([path], [], []) and split_paths([path]) == ([path], [], [])
    store = open_store(str(tmp_path / "store"))
    try:
        assert load_rdf_file(store, path).quads == 1
    finally:
        store.close()


@pytest.mark.parametrize("name", ["news.txt.gz", "archive.gz", "page.html"])
def test_walk_other_files_even_gzipped_go_to_the_article_reader(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(gzip.compress(ARTICLE.encode()) if name.endswith(".gz") else ARTICLE.encode())
    assert rdf_format(path) is None and split_paths([path]) == ([], [path], [])
    (found,) = read_file(path)
    assert isinstance(found, ReadError) if name.endswith(".gz") else found.text.strip() == ARTICLE.strip()


def corpus(top: Path) -> Path:
    for name in ("b.txt", "a/c.txt", "a.txt", ".hidden.txt", ".git/HEAD.txt", "a/places.ttl", "store/x.txt"):
        (top / name).parent.mkdir(parents=True, exist_ok=True)
        (top / name).write_text(ARTICLE, encoding="utf-8")
    for marker in ("CURRENT", "LOCK"):  # an embedded store's directory: our data, not input
        (top / "store" / marker).write_text("", encoding="utf-8")
    os.symlink(top / "a", top / "link")
    return top


def test_walk_is_sorted_depth_first_without_hidden_entries_store_directories_or_links(tmp_path):
    top = corpus(tmp_path / "in")
    assert [str(p.relative_to(top)) for p in walk_files(top)] == ["a/c.txt", "a/places.ttl", "a.txt", "b.txt"]


def test_walk_reader_and_load_see_the_same_files_of_a_directory(tmp_path):
    top = corpus(tmp_path / "in")
    rdf, articles, problems = split_paths([top])
    read = [Path(doc.path) for doc in iter_documents([top])]
    assert read == articles == [top / "a/c.txt", top / "a.txt", top / "b.txt"]
    assert rdf == [top / "a/places.ttl"] and problems == []


def test_walk_names_a_named_pipe_for_reader_and_load_alike(tmp_path):
    top = tmp_path / "in"
    top.mkdir()
    os.mkfifo(top / "pipe.txt")
    (top / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    (document, error) = iter_documents([top])
    assert isinstance(error, ReadError) and "pipe.txt: not a regular file" in str(error)
    assert document.path.endswith("ok.txt")
    assert split_paths([top]) == ([], [top / "ok.txt"], [str(error)])
