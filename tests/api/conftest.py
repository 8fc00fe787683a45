"""Fixtures of the API tests: a store built from a hand-written TriG file and real uvicorn servers on loopback."""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
import uvicorn

from dangjian.api.app import create_app
from dangjian.api.settings import Settings
from dangjian.graph.store.embedded import EmbeddedStore

FIXTURE = Path(__file__).parent / "fixtures" / "community.trig"

TOKEN = "test-token-3f9a7c0d5e1b4a2c8f6e9d7b1a3c5e7f"  # updates need at least 32 characters
# Small limits, so the limit tests run in about a second.
LIMITS = dict(query_timeout=1.5, row_limit=20, max_query_length=5000, query_slots=2)


@contextmanager
def running(app) -> Iterator[str]:
    """Serve `app` with uvicorn in a thread on a free loopback port; yields the base URL."""
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", loop="uvloop", http="httptools")
    server = uvicorn.Server(config)
    sock = config.bind_socket()
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    host, port = sock.getsockname()[:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="session")
def serve():
    """`running`, for test modules of this folder that start a server of their own."""
    return running


def load_fixture(store, path: Path = FIXTURE) -> None:
    store.load("https://w3id.org/dangjian/graph/file/" + path.name, path.read_bytes(), ox.RdfFormat.TRIG)


@pytest.fixture(scope="session")
def community_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedStore]:
    """An embedded store holding the hand-written community graph."""
    store = EmbeddedStore(tmp_path_factory.mktemp("api") / "store")
    load_fixture(store)
    yield store
    store.close()


@pytest.fixture(scope="session")
def base_url(community_store: EmbeddedStore) -> Iterator[str]:
    """A read-only API server over the community graph, with small limits."""
    with running(create_app(community_store, settings=Settings(**LIMITS))) as url:
        yield url


@pytest.fixture(scope="session")
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=30) as http:
        yield http


@pytest.fixture
def writable_url(tmp_path: Path) -> Iterator[str]:
    """A server with updates enabled (token TOKEN) over a fresh copy of the community graph."""
    store = EmbeddedStore(tmp_path / "store")
    load_fixture(store)
    settings = Settings(**LIMITS, updates_enabled=True, update_token=TOKEN)
    with running(create_app(store, settings=settings)) as url:
        yield url
    store.close()


@pytest.fixture(scope="session")
def limits() -> dict:
    """The small limits of the test servers."""
    return dict(LIMITS)


@pytest.fixture(scope="session")
def update_token() -> str:
    """The bearer token of `writable_url`."""
    return TOKEN


@pytest.fixture(scope="session")
def serve_app():
    """`with serve_app(app) as url:` runs any app on a loopback uvicorn server."""
    return running


EMPTY_RESULT = b'{"head":{"vars":["x"]},"results":{"bindings":[]}}'


class Listener:
    """A loopback TCP listener that counts connections and answers each with `status` and `body`
    (by default an empty SPARQL result): the stand-in for any address a server could be made to call."""

    def __init__(self, status: str = "200 OK", body: bytes = EMPTY_RESULT) -> None:
        self.status, self.body, self.content_type = status.encode(), body, b"application/sparql-results+json"
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"
        self.connections = 0
        self._stop = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            with conn:
                conn.settimeout(2)
                try:
                    conn.recv(65536)
                    conn.sendall(b"HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\nConnection: close"
                                 b"\r\n\r\n%s" % (self.status, self.content_type, len(self.body), self.body))
                except OSError:
                    pass

    def close(self) -> None:
        self._stop = True
        self._thread.join(timeout=5)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    """A Listener on a free loopback port for one test; `listener.connections` counts who called."""
    found = Listener()
    yield found
    found.close()


@pytest.fixture
def listeners() -> Iterator:
    """`listeners(status, body)` makes more Listeners for one test, all closed after it."""
    made: list[Listener] = []

    def make(status: str = "200 OK", body: bytes = EMPTY_RESULT) -> Listener:
        made.append(Listener(status, body))
        return made[-1]
    yield make
    for one in made:
        one.close()
