"""Reading the store while another process writes and compacts it: snapshots retried, never a traceback or a 500."""
from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pyoxigraph as ox

from dangjian.api.app import create_app
from dangjian.api.settings import Settings
from dangjian.graph.store.embedded import EmbeddedStore

FIXTURE = Path(__file__).parent / "fixtures" / "community.trig"

SECONDS = 8
# A writer as heavy on files as a large `dangjian load`: batches bulk loaded, compacted every third,
# so RocksDB keeps deleting the table files a reader's list of files names.
WRITER = """
import sys, time
import pyoxigraph as ox
from dangjian.graph.store.embedded import EmbeddedStore
store = EmbeddedStore(sys.argv[1])
end, batch = time.monotonic() + float(sys.argv[2]), 0
while time.monotonic() < end:
    graph = ox.NamedNode(f"https://w3id.org/dangjian/graph/file/batch{batch}")
    quads = [ox.Quad(ox.NamedNode(f"urn:x:{batch}:{i}"), ox.NamedNode("urn:p"), ox.Literal("x" * 200 + str(i)), graph)
             for i in range(20000)]
    store.bulk_load(ox.serialize(quads, format=ox.RdfFormat.N_QUADS), ox.RdfFormat.N_QUADS)
    batch += 1
    if batch % 3 == 0:
        store.oxigraph.optimize()
store.close()
"""


@contextmanager
def writing(path: Path, seconds: float) -> Iterator[subprocess.Popen]:
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(seconds)], stderr=subprocess.PIPE)
    time.sleep(0.5)  # the writer holds the lock and has started its first batch
    try:
        yield process
    finally:
        _, err = process.communicate(timeout=60)
        assert process.returncode == 0, err.decode()


def test_store_while_loading_read_only_opens_never_fail(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with EmbeddedStore(path) as store:
        store.load("https://w3id.org/dangjian/graph/file/community.trig", FIXTURE.read_bytes(), ox.RdfFormat.TRIG)
    opened = 0
    with writing(path, SECONDS):
        end = time.monotonic() + SECONDS - 1
        while time.monotonic() < end:
            with EmbeddedStore(path, read_only=True) as snapshot:
                assert len(snapshot.graphs()) >= 1
                snapshot.count()
            opened += 1
    assert opened > 10


def test_store_while_loading_server_answers_200_or_503_never_500(tmp_path: Path, serve_app) -> None:
    path = tmp_path / "store"
    with EmbeddedStore(path) as store:
        store.load("https://w3id.org/dangjian/graph/file/community.trig", FIXTURE.read_bytes(), ox.RdfFormat.TRIG)
    statuses: Counter = Counter()
    settings = Settings(query_timeout=10, query_slots=2)
    with EmbeddedStore(path, read_only=True) as snapshot, \
            serve_app(create_app(snapshot, settings=settings)) as url, httpx.Client(base_url=url, timeout=60) as client:
        with writing(path, SECONDS):
            end = time.monotonic() + SECONDS - 1
            while time.monotonic() < end:
                for response in (client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"}),
                                 client.get("/api/articles"), client.get("/-/health")):
                    statuses[response.status_code] += 1
                    assert response.status_code in (200, 503), (response.request.url, response.text)
                    if response.status_code == 503:
                        assert "try again" in response.text
    assert statuses[200] > 30, statuses
