"""The same behaviour from both stores: the embedded pyoxigraph directory and a real `oxigraph serve`."""
from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, HTTPServer, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox
import pytest

from dangjian.graph.store.embedded import EmbeddedStore
from dangjian.graph.store.remote import RemoteStore
from dangjian.graph.store import StoreError, StoreLockedError, open_store

G1 = "https://w3id.org/dangjian/graph/test/一"
G2 = "https://w3id.org/dangjian/graph/test/二"
P = ox.NamedNode("https://example.org/p")
SAMPLE = Path(__file__).resolve().parents[3] / "samples" / "seed-page.txt"


def triples(prefix: str, n: int) -> list[ox.Triple]:
    return [ox.Triple(ox.NamedNode(f"https://example.org/{prefix}/{i}"), P, ox.Literal(f"社区{i}", language="zh"))
            for i in range(n)]


def subjects(store, graph: str) -> set[str]:
    rows = store.query(f"SELECT ?s WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return {row["s"].value for row in rows}


def test_store_add_appends_to_a_named_graph(store):
    store.add(G1, triples("a", 3))
    store.add(G1, triples("b", 2))
    assert store.count(G1) == 5
    assert store.count() == 5
    assert store.graphs() == [G1]


def test_store_load_parses_into_the_graph_and_resolves_relative_iris(store):
    turtle = '<s> <https://example.org/p> "蠡口社区"@zh .\n'.encode()
    assert store.load(G1, turtle, ox.RdfFormat.TURTLE, base_iri="https://example.org/") == 1
    assert subjects(store, G1) == {"https://example.org/s"}


def test_store_load_keeps_the_graphs_of_quads(store):
    trig = b'<https://example.org/a> <https://example.org/p> "1" .\nGRAPH <https://w3id.org/dangjian/graph/test/q> { <https://example.org/b> <https://example.org/p> "2" }'
    assert store.load(G1, trig, ox.RdfFormat.TRIG) == 2
    assert store.graphs() == ["https://w3id.org/dangjian/graph/test/q", G1]


def test_store_load_with_a_syntax_error_loads_nothing(store):
    bad = b'<https://example.org/a> <https://example.org/p> "1" .\n<https://example.org/b> <https://example.org/p> "2 .\n'
    with pytest.raises(SyntaxError) as raised:
        store.load(G1, bad, ox.RdfFormat.TURTLE)
    assert raised.value.lineno == 2
    assert store.count() == 0


def test_store_replace_graph_swaps_the_content(store):
    store.add(G1, triples("old", 4))
    store.add(G2, triples("other", 1))
    assert store.replace_graph(G1, triples("new", 2)) == 2
    assert subjects(store, G1) == {"https://example.org/new/0", "https://example.org/new/1"}
    assert store.count(G2) == 1


def test_store_replace_graph_is_never_seen_half_done(store):
    small, big = triples("small", 50), triples("big", 400)
    store.replace_graph(G1, small)
    seen: set[int] = set()
    done = threading.Event()

    def read() -> None:
        reader = open_store(store.location) if isinstance(store, RemoteStore) else store
        while not done.is_set():
            seen.add(reader.count(G1))

    thread = threading.Thread(target=read)
    thread.start()
    try:
        for round in range(20):
            store.replace_graph(G1, big if round % 2 == 0 else small)
    finally:
        done.set()
        thread.join()
    assert seen <= {50, 400}


def test_store_failed_replace_keeps_the_old_graph(store):
    store.add(G1, triples("old", 3))

    def broken():
        yield from triples("new", 2)
        raise RuntimeError("the extractor failed halfway")

    with pytest.raises(RuntimeError):
        store.replace_graph(G1, broken())
    assert subjects(store, G1) == {f"https://example.org/old/{i}" for i in range(3)}


def test_store_drop_graph_removes_it_and_ignores_a_missing_one(store):
    store.add(G1, triples("a", 2))
    store.add(G2, triples("b", 2))
    store.drop_graph(G1)
    store.drop_graph("https://w3id.org/dangjian/graph/test/never")
    assert store.graphs() == [G2]
    assert store.count() == 2


def test_store_queries_see_the_union_of_named_graphs(store):
    store.add(G1, triples("a", 1))
    store.add(G2, triples("b", 1))
    everything = store.query("SELECT ?s WHERE { ?s ?p ?o }")
    assert {row["s"].value for row in everything} == {"https://example.org/a/0", "https://example.org/b/0"}
    only_one = store.query("SELECT ?s WHERE { ?s ?p ?o }", default_graph=[G2])
    assert [row["s"].value for row in only_one] == ["https://example.org/b/0"]


def test_store_results_are_pyoxigraph_objects(store):
    store.add(G1, triples("a", 2))
    assert isinstance(store.query("SELECT * WHERE { ?s ?p ?o }"), ox.QuerySolutions)
    assert bool(store.query("ASK { ?s ?p ?o }")) is True
    constructed = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert isinstance(constructed, ox.QueryTriples)
    assert {t.object.value for t in constructed} == {"社区0", "社区1"}


def test_store_update_writes_into_named_graphs(store):
    store.update(f'INSERT DATA {{ GRAPH <{G1}> {{ <https://example.org/x> <https://example.org/p> "新" }} }}')
    assert store.count(G1) == 1
    store.update(f"DELETE WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}")
    assert store.count(G1) == 0


def test_store_malformed_query_raises_syntax_error(store):
    with pytest.raises(SyntaxError, match="1:26|line 1"):  # where it is, as pyoxigraph or Virtuoso says it
        store.query("SELECT ?x WHERE { ?x ?y }")
    with pytest.raises(SyntaxError):
        store.update("INSERT DATA { <https://example.org/a> }")


def test_remote_store_down_names_the_url():
    with socket_port() as port:
        pass  # closed again: nothing listens there
    down = RemoteStore.from_url(f"http://127.0.0.1:{port}")
    with pytest.raises(StoreError, match=f"127.0.0.1:{port}"):
        down.query("ASK {}")
    with pytest.raises(StoreError, match=f"127.0.0.1:{port}"):
        down.replace_graph(G1, triples("a", 1))


def test_remote_store_server_error_names_the_url_and_sends_the_token(monkeypatch):
    seen_headers: list[str | None] = []

    class Failing(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            seen_headers.append(self.headers.get("Authorization"))
            self.send_response(503)
            self.end_headers()
            self.wfile.write(b"overloaded")

        def log_message(self, *args) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Failing)
    thread = threading.Thread(target=server.serve_forever)
    thread.start()
    try:
        monkeypatch.setenv("DANGJIAN_STORE_TOKEN", "s3cret")
        url = f"http://127.0.0.1:{server.server_port}"
        with pytest.raises(StoreError, match=r"/query answered 503.*overloaded"):
            RemoteStore.from_url(url).query("ASK {}")
    finally:
        server.shutdown()
        thread.join()
    assert seen_headers == ["Bearer s3cret"]


def test_remote_store_endpoint_paths_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("DANGJIAN_STORE_PATH", "/data")
    monkeypatch.setenv("DANGJIAN_QUERY_PATH", "sparql")
    endpoints = RemoteStore.from_url("http://127.0.0.1:3030/ds/").endpoints
    assert (endpoints.query, endpoints.update, endpoints.store) == (
        "http://127.0.0.1:3030/ds/sparql", "http://127.0.0.1:3030/ds/update", "http://127.0.0.1:3030/ds/data")


def test_embedded_store_held_by_another_process_says_what_to_do(tmp_path):
    EmbeddedStore(tmp_path / "held").close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); print('ready', flush=True); "
         "sys.stdin.read()", str(tmp_path / "held")], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreLockedError, match="in use by another process.*--store http"):
            EmbeddedStore(tmp_path / "held")
        reader = EmbeddedStore(tmp_path / "held", read_only=True)
        assert reader.count() == 0
        with pytest.raises(StoreError, match="read-only"):
            reader.add(G1, triples("a", 1))
    finally:
        holder.communicate("")


def test_embedded_store_refuses_a_directory_of_other_files(tmp_path):
    (tmp_path / "notes.txt").write_text("not a store")
    with pytest.raises(StoreError, match="not a store"):
        EmbeddedStore(tmp_path)


def test_open_store_picks_the_kind_from_the_spec(tmp_path):
    with open_store(str(tmp_path / "s")) as embedded, open_store("http://127.0.0.1:7878") as remote:
        assert isinstance(embedded, EmbeddedStore)
        assert isinstance(remote, RemoteStore)


class socket_port:
    """A free loopback port, reserved while the `with` block runs."""

    def __enter__(self) -> int:
        import socket
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        return self._sock.getsockname()[1]

    def __exit__(self, *exc) -> None:
        self._sock.close()


def test_store_query_with_from_sees_only_the_graphs_it_names(store):
    store.add(G1, triples("a", 2))
    store.add(G2, triples("b", 3))
    assert len(list(store.query("SELECT * WHERE { ?s ?p ?o }"))) == 5
    assert len(list(store.query(f"SELECT * FROM <{G1}> WHERE {{ ?s ?p ?o }}"))) == 2


class Forgetful(BaseHTTPRequestHandler):
    """A SPARQL server that says yes to everything and keeps nothing: writes get 200, queries find nothing."""

    page = b""  # what writes get back; Virtuoso sends its HTML help page

    def do_GET(self) -> None:
        self._answer(parse_qs(urlsplit(self.path).query).get("query", [""])[0])

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path.startswith("/query"):
            return self._answer(parse_qs(body.decode()).get("query", [""])[0])
        self._send("text/html" if self.page else "text/plain", self.page)

    do_PUT = do_DELETE = do_POST

    def _answer(self, query: str) -> None:
        if query.lstrip().upper().startswith("ASK") or " ASK " in query.upper():
            return self._send("application/sparql-results+json", b'{"head":{},"boolean":false}')
        self._send("application/sparql-results+json", b'{"head":{"vars":["g"]},"results":{"bindings":[]}}')

    def _send(self, media_type: str, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@contextmanager
def forgetful_server(page: bytes = b"") -> Iterator[str]:
    """A Forgetful server on a free loopback port for one test; yields its URL."""
    handler = type("Handler", (Forgetful,), {"page": page})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


def test_remote_store_write_the_server_did_not_apply_is_an_error():
    with forgetful_server() as url, RemoteStore.from_url(url) as store:
        with pytest.raises(StoreError, match=f"{url}/store accepted the write but does not hold what was sent"):
            store.add(G1, triples("a", 2))
        with pytest.raises(StoreError, match="does not hold"):
            store.replace_graph(G1, triples("a", 2))
        with pytest.raises(StoreError, match="does not hold"):
            store.load(G1, b'<https://example.org/a> <https://example.org/p> "1" .', ox.RdfFormat.N_TRIPLES)


def test_remote_store_write_answered_with_a_web_page_is_an_error():
    with forgetful_server(b"<html><body>SPARQL Graph Store help</body></html>") as url, RemoteStore.from_url(url) as store:
        with pytest.raises(StoreError, match=f"{url}/store answered POST with a web page"):
            store.add(G1, triples("a", 1))


def test_remote_store_load_command_into_a_forgetful_server_fails_and_names_the_endpoint(dangjian):
    with forgetful_server() as url:
        done = dangjian("load", str(SAMPLE), "--no-progress", "--store", url)
    assert done.returncode == 1
    assert f"{url}/store" in done.stderr and "loaded" not in done.stderr


SERVER_METHODS = [pytest.param("oxigraph_server", "oxigraph", method, marks=pytest.mark.remote)
                  for method in ("get", "form", "direct")]
SERVER_METHODS += [pytest.param("virtuoso_server", "virtuoso", method, marks=pytest.mark.virtuoso)
                   for method in ("get", "form")]  # Virtuoso 7.2 never answers a direct POST


@pytest.mark.parametrize("server, engine, method", SERVER_METHODS)
def test_remote_store_knows_the_engine_and_each_method_keeps_chinese_punctuation(request, server, engine, method):
    with RemoteStore.from_url(request.getfixturevalue(server), query_method=method,
                              update_method="direct" if method == "direct" else "form") as store:
        assert store.engine.name == engine
        store.drop_graph(G1)  # the server is shared by the session's tests
        store.update(f'INSERT DATA {{ GRAPH <{G1}> {{ <https://example.org/x> <https://example.org/p> "王、李" }} }}')
        try:
            found = store.query(f'SELECT ?o WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o FILTER(CONTAINS(?o, "、")) }} }}')
            assert [row["o"].value for row in found] == ["王、李"]
            assert bool(store.query(f'ASK {{ GRAPH <{G1}> {{ ?s ?p "王、李" }} }}'))
            constructed = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}")
            assert [t.object.value for t in constructed] == ["王、李"]
        finally:
            store.drop_graph(G1)


def test_remote_store_a_server_that_does_not_say_what_it_is_is_generic():
    with forgetful_server() as url, RemoteStore.from_url(url) as store:
        assert (store.engine.name, store.endpoints.query) == ("generic", f"{url}/query")


def test_store_queries_over_a_thousand_graphs_see_them_all(store):
    """Regression: listing the project's graphs in every query overflowed Virtuoso beyond about 1,000 graphs."""
    for start in range(0, 1200, 100):
        blocks = " ".join(f'GRAPH <{G1}/{i}> {{ <https://example.org/s/{i}> <https://example.org/p> "第{i}" }}'
                          for i in range(start, start + 100))
        store.update(f"INSERT DATA {{ {blocks} }}")
    assert store.count() == 1200 and len(store.graphs()) == 1200
    assert len(list(store.query("SELECT ?s WHERE { ?s <https://example.org/p> ?o }"))) == 1200


def test_store_orders_rows_that_hold_long_strings(store):
    """Virtuoso cannot sort rows holding a string over about 4 KB; the rows still come in the asked order."""
    long = [ox.Triple(ox.NamedNode(f"https://example.org/{k}"), P, ox.Literal(f"{k}{i:03d}" + "社区" * 60))
            for k in ("a", "b") for i in range(60)]
    store.add(G1, long)
    rows = list(store.query('SELECT ?s (COUNT(*) AS ?n) (GROUP_CONCAT(?o; separator=" ") AS ?all) '
                            "WHERE { ?s ?p ?o } GROUP BY ?s ORDER BY DESC(?s)"))
    assert [(row["s"].value, int(row["n"].value), len(row["all"].value)) for row in rows] == [
        ("https://example.org/b", 60, 60 * 125 - 1), ("https://example.org/a", 60, 60 * 125 - 1)]


def test_store_replace_graph_takes_a_graph_of_ten_thousand_triples(store):
    """Regression: Virtuoso's compiler ran out of memory on one update carrying about 5,000 triples."""
    store.replace_graph(G1, triples("many", 10_000))
    assert store.count(G1) == 10_000
