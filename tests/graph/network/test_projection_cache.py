"""The server's projection cache: reused while the store is unchanged, rebuilt when its data changes."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from dangjian.graph.store.embedded import EmbeddedStore
from dangjian.graph.network.projection_cache import ProjectionCache
from dangjian.ontology import DJ, ID, RDF, RDFS

FIXTURE = Path(__file__).parents[2] / "fixtures" / "network-small.trig"


def test_projection_cache_reuses_then_follows_new_data(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    store.load("https://w3id.org/dangjian/graph/file/x.trig", FIXTURE.read_bytes(), ox.RdfFormat.TRIG)
    cache = ProjectionCache(ttl=0)
    first = cache.graph(store)
    assert cache.graph(store) is first  # same graphs, same size: kept
    assert cache.analytics(store) is cache.analytics(store)
    bank = ox.NamedNode(ID + "org/新银行")
    store.add("https://w3id.org/dangjian/graph/file/new.ttl", [
        ox.Triple(bank, ox.NamedNode(RDF + "type"), ox.NamedNode(DJ + "Organization")),
        ox.Triple(bank, ox.NamedNode(RDFS + "label"), ox.Literal("新银行", language="zh"))])
    second = cache.graph(store)
    assert second is not first and len(second) == len(first) + 1
    store.close()
