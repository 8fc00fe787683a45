"""Queries under a hard time limit: killed worker processes, replaced; snapshots reopened when the data changes."""
from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from dangjian.graph.store.embedded import EmbeddedStore
from dangjian.graph.sparql.query_exec import QueryRequest, QueryTimeout
from dangjian.graph.pool.query_pool import ProcessPool, ThreadRunner, make_runner

FIXTURE = Path(__file__).parents[2] / "api" / "fixtures" / "community.trig"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
# About 0.7 s of work on the fixture graph: well past a 0.1 s limit, short enough to let finish.
# (four branches of a triple self-join: the single join took only 0.18 s on an idle machine, too close to
# the 0.1 s limit plus the 0.1 s wait for a slot that the thread-runner test relies on)
SLOW = ("SELECT (COUNT(*) AS ?n) WHERE { { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } UNION { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        " UNION { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } UNION { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } }")


@pytest.fixture
def embedded(tmp_path: Path):
    store = EmbeddedStore(tmp_path / "store")
    store.load("https://w3id.org/dangjian/graph/file/x", FIXTURE.read_bytes(), ox.RdfFormat.TRIG)
    yield store
    store.close()


def _count(reply) -> int:
    return int(reply.unwrap().body.split(b'"value":"')[1].split(b'"')[0])


def test_query_pool_kills_a_query_at_the_limit_and_keeps_answering(embedded) -> None:
    async def scenario():
        pool = ProcessPool(embedded.location, slots=1, timeout=0.8)
        try:
            started = time.monotonic()
            with pytest.raises(QueryTimeout, match="0.8 s"):
                await pool.run(QueryRequest(ENDLESS))
            stopped_after = time.monotonic() - started
            return stopped_after, _count(await pool.run(QueryRequest(COUNT))), len(pool._workers)
        finally:
            await pool.close()
    stopped_after, count, workers = asyncio.run(scenario())
    assert stopped_after < 1.5
    assert count == 87 and workers == 1


def test_query_pool_reopens_snapshots_after_writes(embedded) -> None:
    async def scenario():
        pool = ProcessPool(embedded.location, slots=1, timeout=5)
        try:
            before = _count(await pool.run(QueryRequest(COUNT)))
            embedded.add("urn:g", [ox.Triple(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.Literal("c"))])
            pool.refresh()
            return before, _count(await pool.run(QueryRequest(COUNT)))
        finally:
            await pool.close()
    assert asyncio.run(scenario()) == (87, 88)


def test_query_pool_thread_runner_answers_at_the_limit_and_holds_the_slot(embedded) -> None:
    async def scenario():
        runner = ThreadRunner(embedded, slots=1, timeout=0.1)
        try:
            with pytest.raises(QueryTimeout, match="ran past"):
                await runner.run(QueryRequest(SLOW))
            # The first query still runs in its thread, so the only slot stays busy.
            with pytest.raises(QueryTimeout, match="busy"):
                await runner.run(QueryRequest(COUNT))
            for _ in range(100):  # the slot comes back once the thread ends
                await asyncio.sleep(0.1)
                if runner._free.locked():
                    continue
                return _count(await runner.run(QueryRequest(COUNT)))
        finally:
            await runner.close()
    assert asyncio.run(scenario()) == 87


def test_query_pool_make_runner_uses_processes_only_for_the_embedded_store(embedded) -> None:
    assert isinstance(make_runner(embedded, slots=1, timeout=1), ProcessPool)
