"""The `Store` protocol every backend implements, and `open_store` that picks one from a `--store` value."""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol, Union, runtime_checkable

import pyoxigraph as ox

from dangjian.ontology.errors import DangjianError

QueryResult = Union[ox.QuerySolutions, ox.QueryBoolean, ox.QueryTriples]

DEFAULT_STORE = "./dangjian-data"
STORE_ENV = "DANGJIAN_STORE"


class StoreError(DangjianError, RuntimeError):
    """A store could not do what was asked (down, locked, refused); the message says what to do next.

    Its place among dangjian's errors is drawn in dangjian.ontology.errors. A malformed SPARQL query or update
    raises the built-in SyntaxError instead, as pyoxigraph does.
    """


class StoreLockedError(StoreError):
    """Another process (a server, a running load) holds the embedded store's lock."""


@runtime_checkable
class Store(Protocol):
    """A few verbs over an RDF dataset; queries see the union of all named graphs as the default graph."""

    location: str
    directory: Path | None   # its files on this machine (other processes may open them), None for a server
    read_only: bool

    def add(self, graph: str, triples: Iterable[ox.Triple]) -> int:
        """Append triples to a named graph; returns how many were sent."""

    def bulk_load(self, data: bytes, format: ox.RdfFormat) -> None:
        """Append quads, each to its named graph, by the store's fastest path, which may be no transaction: a crash
        may leave part of them. For callers that mark what is complete in a write of their own afterwards."""

    def reopened(self) -> Store:
        """A handle that sees the latest data: a new snapshot for a read-only store on disk, else this one."""

    def load(self, graph: str, data: bytes, format: ox.RdfFormat, *, base_iri: str | None = None) -> int:
        """Parse serialized RDF and add it to `graph` (quads keep their own graph), all or nothing.

        Returns the number of quads parsed; a syntax error (pyoxigraph's SyntaxError, with
        `lineno` and `offset`) is raised before anything is written.
        """

    def replace_graph(self, graph: str, triples: Iterable[ox.Triple]) -> int:
        """Replace a named graph's content atomically: readers see the old graph or the new one."""

    def drop_graph(self, graph: str) -> None:
        """Remove a named graph; a missing graph is no error."""

    def graphs(self) -> list[str]:
        """IRIs of the named graphs."""

    def query(self, sparql: str, *, default_graph: Sequence[str] | None = None,
              named_graphs: Sequence[str] | None = None) -> QueryResult:
        """Run a SPARQL query; raises SyntaxError for a malformed one."""

    def update(self, sparql: str) -> None:
        """Run a SPARQL update."""

    def count(self, graph: str | None = None) -> int:
        """Number of triples in one named graph, or of quads in the whole store (dangjian writes only named graphs)."""

    def close(self) -> None:
        """Release files or connections."""


def store_spec(value: str | None = None) -> str:
    """The store to use: the explicit value, else $DANGJIAN_STORE, else ./dangjian-data."""
    return value or os.environ.get(STORE_ENV) or DEFAULT_STORE


def open_store(value: str | None = None, *, read_only: bool = False, **server: str) -> Store:
    """Open the embedded store at a directory, or a remote SPARQL server at an http(s) URL; `server` takes
    RemoteStore.from_url's engine, query_method and update_method.

    >>> import shutil, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> store = open_store(folder)
    >>> store.graphs(), store.read_only
    ([], False)
    >>> store.close(); shutil.rmtree(folder)
    """
    spec = store_spec(value)
    if spec.startswith(("http://", "https://")):
        from dangjian.graph.store.remote import RemoteStore
        return RemoteStore.from_url(spec, **server)
    from dangjian.graph.store.embedded import EmbeddedStore
    return EmbeddedStore(spec, read_only=read_only)
