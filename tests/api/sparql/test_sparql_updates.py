"""Updates when enabled: a long random token, LOAD only from allowed sources, a time limit that rolls back."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from dangjian.api.app import create_app
from dangjian.api.settings import Settings
from dangjian.graph.store.embedded import EmbeddedStore

FIXTURE = Path(__file__).parents[1] / "fixtures" / "community.trig"
TURTLE = b"<urn:loaded> <urn:from> <urn:listener> .\n"
# Counting a four-way cross join of the 121-triple graph: 214M rows (about 8 s), far past a 1.5 s limit.
ENDLESS = ("INSERT { <urn:count> <urn:is> ?n } WHERE { SELECT (COUNT(*) AS ?n) "
           "WHERE { GRAPH ?x { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } } }")


def _post(url: str, update: str, token: str) -> httpx.Response:
    return httpx.post(f"{url}/sparql", content=update.encode(), timeout=60, headers={
        "Content-Type": "application/sparql-update", "Authorization": f"Bearer {token}"})


def _ask(url: str, pattern: str) -> bool:
    return httpx.get(f"{url}/sparql", params={"query": f"ASK {{ {pattern} }}", "format": "json"}, timeout=30).json()["boolean"]


@pytest.fixture
def writable(tmp_path: Path, update_token: str, limits: dict):
    """A store with the community graph and a function serving it with updates enabled and given settings."""
    with EmbeddedStore(tmp_path / "store") as store:
        store.load("https://w3id.org/dangjian/graph/file/community.trig", FIXTURE.read_bytes(), ox.RdfFormat.TRIG)

    def settings(**extra) -> Settings:
        return Settings(**{**limits, **extra}, updates_enabled=True, update_token=update_token)
    return tmp_path / "store", settings


def test_sparql_updates_need_a_token_of_32_characters_and_say_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="32"):
        Settings(updates_enabled=True, update_token="x")
    store = tmp_path / "store"
    EmbeddedStore(store).close()
    done = subprocess.run([str(Path(os.sys.executable).parent / "dangjian"), "serve", "--store", str(store),
                           "--allow-updates"], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "DANGJIAN_UPDATE_TOKEN": "secret"})
    assert done.returncode == 2
    assert "at least 32" in done.stderr and "secrets.token_urlsafe(32)" in done.stderr


def test_sparql_updates_load_is_refused_unless_allowed(writable, serve_app, update_token, listener) -> None:
    path, settings = writable
    listener.body = TURTLE
    with EmbeddedStore(path, read_only=True) as snapshot, serve_app(create_app(snapshot, settings=settings())) as url:
        for update in (f"LOAD <{listener.url}>", f"load silent <{listener.url}> into graph <urn:g>",
                       f"PREFIX l: <{listener.url.rsplit('/', 1)[0]}/> LOAD l:sparql"):
            refused = _post(url, update, update_token)
            assert refused.status_code == 400, refused.text
            assert "LOAD is disabled" in refused.json()["detail"] and "--allow-load" in refused.json()["detail"]
    assert listener.connections == 0


def test_sparql_updates_load_fetches_an_allowed_source_and_a_failing_one_is_502(
        writable, serve_app, update_token, listener, listeners) -> None:
    path, settings = writable
    listener.body, listener.content_type = TURTLE, b"text/turtle"
    forbidden = listeners("403 Forbidden", b"no")
    allowed = settings(loads=(listener.url, forbidden.url))
    with EmbeddedStore(path, read_only=True) as snapshot, serve_app(create_app(snapshot, settings=allowed)) as url:
        done = _post(url, f"LOAD <{listener.url}> INTO GRAPH <urn:g>", update_token)
        assert done.status_code == 204, done.text
        assert _ask(url, "<urn:loaded> <urn:from> <urn:listener>")
        failed = _post(url, f"LOAD <{forbidden.url}> INTO GRAPH <urn:g2>", update_token)
        assert failed.status_code == 502 and "403" in failed.json()["detail"], failed.text
    assert listener.connections == 1 and forbidden.connections == 1


def test_sparql_updates_stop_at_the_time_limit_and_write_nothing(writable, serve_app, update_token, limits) -> None:
    path, settings = writable
    with EmbeddedStore(path, read_only=True) as snapshot, serve_app(create_app(snapshot, settings=settings())) as url:
        stopped = _post(url, ENDLESS, update_token)
        assert stopped.status_code == 503, stopped.text
        assert f"{limits['query_timeout']:g} s" in stopped.json()["detail"]
        assert not _ask(url, "<urn:count> ?p ?o")
        after = _post(url, 'INSERT DATA { GRAPH <urn:g> { <urn:after> <urn:b> "c" } }', update_token)
        assert after.status_code == 204 and _ask(url, "<urn:after> ?p ?o")


def test_sparql_updates_wait_for_a_load_holding_the_store(writable, serve_app, update_token) -> None:
    path, settings = writable
    insert = 'INSERT DATA { GRAPH <urn:g> { <urn:during> <urn:b> "c" } }'
    with EmbeddedStore(path, read_only=True) as snapshot, serve_app(create_app(snapshot, settings=settings())) as url:
        with EmbeddedStore(path):  # another writer, as a running `dangjian load` would be
            busy = _post(url, insert, update_token)
            assert busy.status_code == 503 and "in use by another process" in busy.json()["detail"], busy.text
        done = _post(url, insert, update_token)
        assert done.status_code == 204 and _ask(url, "<urn:during> ?p ?o")
