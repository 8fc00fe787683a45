"""The commands over each SPARQL server (`oxigraph serve`, Virtuoso) agree with the embedded store."""
from __future__ import annotations

from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from dangjian.graph.store.remote import RemoteStore

SAMPLE = Path(__file__).resolve().parents[3] / "samples" / "seed-page.txt"


@pytest.fixture(params=[pytest.param("oxigraph_server", marks=pytest.mark.remote),
                        pytest.param("virtuoso_server", marks=pytest.mark.virtuoso)])
def server(request: pytest.FixtureRequest) -> str:
    """The URL of a running server holding none of the project's graphs."""
    url = request.getfixturevalue(request.param)
    with RemoteStore.from_url(url) as store:
        for graph in store.graphs():
            store.drop_graph(graph)
    return url


def graphs_of(nquads: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for quad in ox.parse(nquads.encode(), ox.RdfFormat.N_QUADS):
        counts[quad.graph_name.value] = counts.get(quad.graph_name.value, 0) + 1
    return counts


def test_cli_servers_load_stats_validate_export_and_serve_as_the_embedded_store(dangjian, server, serve_command,
                                                                             tmp_path):
    for store in ([], ["--store", server]):
        assert "8 article(s) loaded" in dangjian("load", str(SAMPLE), "--no-progress", *store, check_status=0).stderr
    local, remote = ([], ["--store", server])
    assert dangjian("stats", "--format", "json", *remote, check_status=0).stdout == \
        dangjian("stats", "--format", "json", *local, check_status=0).stdout
    checked = [dangjian("validate", *store) for store in (local, remote)]
    assert (checked[1].returncode, checked[1].stdout) == (checked[0].returncode, checked[0].stdout)
    exported = [dangjian("export", "--format", "nquads", *store, check_status=0).stdout for store in (local, remote)]
    assert graphs_of(exported[1]) == graphs_of(exported[0])
    served = []
    for store in (str(tmp_path / "dangjian-data"), server):
        with serve_command("--store", store) as (url, _):
            served.append([httpx.get(f"{url}{path}", timeout=60).json() for path in ("/api/stats", "/api/articles")])
    assert served[1] == served[0]


@pytest.mark.virtuoso
def test_cli_servers_engine_and_method_options_are_obeyed(dangjian, virtuoso_server):
    by_get = dangjian("stats", "--store", virtuoso_server, "--engine", "virtuoso", "--query-method", "get")
    assert by_get.returncode == 0 and by_get.stdout.startswith("triples")
    wrong = dangjian("stats", "--store", virtuoso_server, "--engine", "oxigraph")
    assert wrong.returncode == 1 and f"{virtuoso_server}/query answered 404" in wrong.stderr
    assert "--engine" in wrong.stderr
