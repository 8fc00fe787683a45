"""Store batching: encoded articles written together, through the store's bulk loader, by a writer thread while
the next batch fills; each graph's content hash written after its data, so that a graph is complete exactly when
its hash is there."""
from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

import pyoxigraph as ox

from dangjian.loaders.load.encoded import Encoded
from dangjian.loaders.rdf.store_format import format_quad
from dangjian.ontology import GAZETTEER_GRAPH, RDFS

__all__ = ["Batch"]


class Batch:
    """Articles written together: a transaction per small graph costs more than its data. The data goes in by the
    bulk loader where the store has one (what several articles of a batch state, once), then every graph's
    content hash in one transaction, so a graph is complete exactly when its hash is there. An entity's type and
    label are written only when the store has no label for it yet: the knowledge graph holds one of each,
    whichever article named it first.

    A full batch is written by a writer thread while the next one fills (the bulk loader lets go of the GIL, so
    extraction and writing overlap); one batch at most is in flight, and `flush()` waits until all is written."""

    def __init__(self, store, limit: int = 20_000_000) -> None:
        self.store = store
        self.limit = limit
        self.data: list[bytes] = []
        self.markers: list[bytes] = []
        self.heads: dict[str, bytes] = {}
        self.size = 0
        self.shared: set[bytes] = set()    # knowledge and gazetteer lines, each once
        self.pending: set[str] = set()
        self.labelled = _Labelled(store)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dangjian-writer")
        self._in_flight: Future | None = None

    def add(self, item: Encoded) -> None:
        self.data.append(item.data)
        self.shared.update(item.knowledge.splitlines(keepends=True))
        self.markers.append(item.marker)
        for iri, head in item.heads.items():
            self.heads.setdefault(iri, head)
        self.pending.add(item.article_id)
        self.size += len(item.data) + len(item.knowledge)
        if self.size >= self.limit:
            self.flush(wait=False)

    def add_gazetteer(self, lines: bytes) -> None:
        self.shared.update(lines.splitlines(keepends=True))

    def flush(self, *, wait: bool = True) -> None:
        """Hand what is gathered to the writer; by default, wait until everything handed over is in the store."""
        if self.data or self.shared:
            work = (self.data, self.markers, self.heads, self.shared)
            self.data, self.markers, self.heads, self.size, self.shared, self.pending = [], [], {}, 0, set(), set()
            self._wait()
            self._in_flight = self._writer.submit(self._write, *work)
        if wait:
            self._wait()

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self._writer.shutdown()

    def _wait(self) -> None:
        in_flight, self._in_flight = self._in_flight, None
        if in_flight is not None:
            in_flight.result()  # a failed write is raised here, in the loading thread

    def _write(self, data: list[bytes], markers: list[bytes], heads: dict[str, bytes], shared: set[bytes]) -> None:
        new = self.labelled.new(list(heads))
        quads = b"".join(data) + b"".join(sorted(shared))
        quads += b"".join(heads[iri] for iri in new)
        quads += ox.serialize([format_quad()], format=ox.RdfFormat.N_QUADS)
        self.store.bulk_load(quads, ox.RdfFormat.N_QUADS)
        if markers:
            self.store.load(GAZETTEER_GRAPH, b"".join(markers), ox.RdfFormat.N_QUADS)


class _Labelled:
    """Which entities the store already has a label for, asking the store as little as possible: every store read
    fills the store's block cache, which is what made a load's memory grow with the corpus. The entities this load
    labelled are remembered (up to `limit`, then forgotten and asked again), and a store that had no label when the
    load began is not asked at all while that memory is whole. A retraction may delete labels: `forget()`."""

    def __init__(self, store, limit: int = 1_000_000) -> None:
        self.store = store
        self.limit = limit
        self.known: set[str] = set()
        self.whole = not store.query(f"SELECT ?e WHERE {{ ?e <{RDFS}label> ?l }} LIMIT 1")

    def new(self, iris: list[str]) -> list[str]:
        """Those of `iris` the store has no label for; they are remembered as labelled from now on."""
        unknown = [iri for iri in iris if iri not in self.known]
        if not self.whole:
            found = _labelled(self.store, unknown)
            unknown = [iri for iri in unknown if iri not in found]
            self._remember(found)
        self._remember(unknown)
        return unknown

    def forget(self) -> None:
        self.known.clear()
        self.whole = False

    def _remember(self, iris) -> None:
        if len(self.known) + len(iris) > self.limit:
            self.forget()
        self.known.update(iris)


def _labelled(store, iris: list[str], chunk: int = 500) -> set[str]:
    """Which of these entities already have a label in the store."""
    found: set[str] = set()
    for i in range(0, len(iris), chunk):
        values = " ".join(f"<{iri}>" for iri in iris[i:i + chunk])
        rows = store.query(f"SELECT DISTINCT ?e WHERE {{ VALUES ?e {{ {values} }} ?e <{RDFS}label> ?l }}")
        found.update(row["e"].value for row in rows)
    return found
