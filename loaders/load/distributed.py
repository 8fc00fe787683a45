"""Extraction on a Dask cluster: documents partitioned across its workers, the store written by this process.

The client reads every file (so a bad file gives the message a local load gives), sends the documents that
need extracting to the workers in small batches, and takes the results back in corpus order: the graph is the
one a local load writes, and a load cut short stored a prefix of the corpus that a re-run skips.

>>> parse_scheduler("local:2")
('local', 2)
>>> parse_scheduler("tcp://10.0.0.5:8786")
('tcp://10.0.0.5:8786', 0)
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from dangjian.loaders.load.identity import document_hash
from dangjian.loaders.load.known import Unchanged
from dangjian.loaders.load.options import LoadOptions
from dangjian.loaders.load.pipeline import Outcome, document_outcome, load_articles
from dangjian.loaders.load.progress import LoadReport
from dangjian.loaders.load.workers import document_chunks
from dangjian.loaders.rdf.retract import stored_documents
from dangjian.loaders.read.document import Document, ReadError
from dangjian.loaders.read.read import iter_documents
from dangjian.ontology.errors import DangjianError

__all__ = ["ClusterError", "cluster_client", "load_on_cluster", "parse_scheduler"]

Results = Iterator[tuple[Document | ReadError, Outcome]]


class ClusterError(DangjianError):
    """The cluster cannot be reached, or lost a batch more often than it retries (a worker died each time)."""


def parse_scheduler(spec: str) -> tuple[str, int]:
    """`local:N` → ("local", N) to start N worker processes here; a scheduler address → (address, 0)."""
    if spec.startswith("local:"):
        count = spec.removeprefix("local:")
        if not count.isdigit() or int(count) < 1:
            raise ValueError(f"{spec}: give local:N with N workers, at least 1 (e.g. local:2)")
        return "local", int(count)
    if "://" not in spec:
        raise ValueError(f"{spec}: give a scheduler address (tcp://HOST:8786) or local:N")
    return spec, 0


@contextmanager
def cluster_client(spec: str) -> Iterator:
    """A Dask client for `tcp://HOST:PORT` (a running scheduler) or `local:N` (a LocalCluster of N processes,
    one thread each, on loopback, shut down on exit)."""
    from distributed import Client, LocalCluster

    address, workers = parse_scheduler(spec)
    if workers:
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address="127.0.0.1:0") as cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(address, timeout="20s")
    except OSError as error:
        raise ClusterError(f"{spec}: the Dask scheduler cannot be reached ({error}) — start one "
                           f"(dask scheduler; dask worker {spec}) or use --scheduler local:N") from None
    with client:
        yield client


def load_on_cluster(store, paths: Iterable[Path], options: LoadOptions, client,
                    batch_chars: int = 50_000) -> LoadReport:
    """`load_articles`, with extraction on the cluster's workers; raises ClusterError when a batch is
    lost, after storing every article before it (run the load again: they are skipped)."""
    known = stored_documents(store)
    return load_articles(store, paths, options, results=_on_cluster(client, known, batch_chars))


def _extract(docs: list[Document], options: LoadOptions) -> list[Outcome]:
    """On a worker: each document's outcome, as the local pipeline computes it."""
    return [document_outcome(doc, options) for doc in docs]


def _on_cluster(client, known: dict[str, int], batch_chars: int) -> Callable[[list[Path], LoadOptions], Results]:
    def results(paths: list[Path], options: LoadOptions) -> Results:
        window: deque = deque()
        depth = 2 * max(1, sum(client.nthreads().values()))
        try:
            for batch in document_chunks(iter_documents(paths, max_chars=options.max_chars), batch_chars):
                window.append(_submit(client, batch, known, options))
                if len(window) > depth:
                    yield from _collect(*window.popleft())
            while window:
                yield from _collect(*window.popleft())
        finally:
            for _, future in window:
                if future is not None:
                    future.cancel()
    return results


def _submit(client, batch: list, known: dict[str, int], options: LoadOptions) -> tuple[list, object]:
    """Outcomes known here (read errors, documents stored before) stay here; the rest go to a worker."""
    local: list[Outcome | None] = []
    remote: list[Document] = []
    for item in batch:
        stored = known.get(document_hash(item, options)) if isinstance(item, Document) else None
        if isinstance(item, ReadError):
            local.append(str(item))
        elif stored and not options.reextract:
            local.append(Unchanged(stored))
        else:
            local.append(None)
            remote.append(item)
    future = client.submit(_extract, remote, options, pure=False) if remote else None
    return list(zip(batch, local)), future


def _collect(slots: list[tuple[Document | ReadError, Outcome | None]], future) -> Results:
    from distributed import KilledWorker

    try:
        extracted = iter(future.result() if future is not None else [])
    except KilledWorker as error:
        raise ClusterError(f"a batch of {len(slots)} document(s) from {slots[0][0].path} was lost: its worker "
                           f"died each time it ran ({error}); run the load again — articles stored are skipped, "
                           f"and check the workers' memory") from None
    for item, outcome in slots:
        yield item, outcome if outcome is not None else next(extracted)
