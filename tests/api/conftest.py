"""Fixtures of the API tests: a store built from a hand-written TriG file and real uvicorn servers on loopback."""
from __future__ import annotations

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
from dangjian.graph.embedded import EmbeddedStore

FIXTURE = Path(__file__).parent / "fixtures" / "community.trig"

TOKEN = "test-token-3f9a7c"
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

