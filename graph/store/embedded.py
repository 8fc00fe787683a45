"""The embedded store: a pyoxigraph (RocksDB) dataset in a directory on this machine."""
from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import pyoxigraph as ox

from dangjian.graph.sparql.query_exec import query_pyoxigraph

from dangjian.graph.store.protocol import QueryResult, StoreError, StoreLockedError
from dangjian.graph.store.terms import check_rdf, named_node, ntriples

__all__ = ["EmbeddedStore", "BULK_LOAD_BYTES", "open_snapshot", "is_snapshot_error"]

# Above this size a file going into an empty graph is bulk loaded (about twice as fast, not transactional).
BULK_LOAD_BYTES = 32 * 1024 * 1024
# How often a read-only open is tried while a writer swaps the store's files, and the first pause (doubled each time).
SNAPSHOT_TRIES, SNAPSHOT_PAUSE = 8, 0.02
_SNAPSHOT_ERRORS = ("Corruption", "IO error", "No such file")


def is_snapshot_error(error: BaseException | str) -> bool:
    """Whether a read failed because another process rewrote the store's files under a snapshot.

    A read-only snapshot lists the table files of the moment it was opened; a load in another process
    that compacts deletes some of them, and RocksDB calls the missing file corruption. Opening a fresh
    snapshot cures it.
    """
    return any(mark in str(error) for mark in _SNAPSHOT_ERRORS)


def open_snapshot(path: str | Path) -> ox.Store:
    """A read-only snapshot of the store at `path`, retried for about five seconds while a writer swaps its files."""
    pause = SNAPSHOT_PAUSE
    for attempt in range(SNAPSHOT_TRIES):
        try:
            store = ox.Store.read_only(str(path))
            len(store)  # reads the files the snapshot lists
            return store
        except (OSError, RuntimeError) as error:
            if not is_snapshot_error(error) or attempt == SNAPSHOT_TRIES - 1:
                raise StoreError(f"cannot open a snapshot of the store {path} ({error}); if a load is writing "
                                 f"to it, try again in a moment") from None
        time.sleep(pause)
        pause *= 2
    raise AssertionError("unreachable")


class EmbeddedStore:
    """A pyoxigraph store on disk; every write is one transaction, so readers in this process see before or after.

    >>> import shutil, tempfile, pyoxigraph as ox
    >>> folder = tempfile.mkdtemp()
    >>> store = EmbeddedStore(folder)
    >>> label = ox.Literal("蠡口社区", language="zh")
    >>> store.replace_graph("https://example.org/g", [ox.Triple(ox.NamedNode("https://example.org/c"),
    ...                     ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), label)])
    1
    >>> store.close(); shutil.rmtree(folder)
    """

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.location = str(path)
        self.directory: Path | None = Path(path)
        self.read_only = read_only
        self._store: ox.Store | None = _open(Path(path), read_only)

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"EmbeddedStore({self.location!r}, read_only={self.read_only})"

    def reopened(self) -> EmbeddedStore:
        """A read-only store sees the data as it was when opened: a new snapshot sees what was written since."""
        return EmbeddedStore(self.location, read_only=True) if self.read_only else self

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store, for callers that need more than the protocol."""
        if self._store is None:
            raise StoreError(f"the store {self.location} is closed")
        return self._store

    def add(self, graph: str, triples: Iterable[ox.Triple]) -> int:
        g = named_node(graph)
        quads = [ox.Quad(t.subject, t.predicate, t.object, g) for t in triples]
        self._write(lambda store: store.extend(quads))
        return len(quads)

    def bulk_load(self, data: bytes, format: ox.RdfFormat) -> None:
        """Append serialized quads without a transaction: several times faster, but a crash may leave part of them.

        For callers that mark what is complete in a transaction of their own afterwards (the article loader
        writes each article's content hash last, so a graph without it counts as not loaded).
        """
        self._write(lambda store: store.bulk_load(data, format=format))

    def load(self, graph: str, data: bytes, format: ox.RdfFormat, *, base_iri: str | None = None) -> int:
        g = named_node(graph)
        count = check_rdf(data, format, base_iri)
        if len(data) >= BULK_LOAD_BYTES and not format.supports_datasets and self._is_empty(g):
            self._bulk_load(g, data, format, base_iri)
        else:
            self._write(lambda store: store.load(data, format, to_graph=g, base_iri=base_iri))
        return count

    def replace_graph(self, graph: str, triples: Iterable[ox.Triple]) -> int:
        g = named_node(graph)
        triples = list(triples)
        # One update request is one transaction in pyoxigraph: the drop and the insert commit together.
        request = f"DROP SILENT GRAPH {g}"
        if triples:
            request += f" ;\nINSERT DATA {{ GRAPH {g} {{\n{ntriples(triples)}}} }}"
        self._write(lambda store: store.update(request))
        return len(triples)

    def drop_graph(self, graph: str) -> None:
        g = named_node(graph)
        self._write(lambda store: store.update(f"DROP SILENT GRAPH {g}"))

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.oxigraph.named_graphs() if isinstance(g, ox.NamedNode))

    def query(self, sparql: str, *, default_graph: Sequence[str] | None = None,
              named_graphs: Sequence[str] | None = None) -> QueryResult:
        for graph in list(default_graph or ()) + list(named_graphs or ()):
            named_node(graph)  # a bad IRI is a ValueError that names it
        try:
            return query_pyoxigraph(self.oxigraph, sparql, default_graph, named_graphs)
        except (OSError, RuntimeError) as error:
            if self.read_only and is_snapshot_error(error):
                self.reopen()
                return query_pyoxigraph(self.oxigraph, sparql, default_graph, named_graphs)
            if isinstance(error, RuntimeError):
                raise
            raise StoreError(f"the query failed on the store {self.location}: {error}") from None

    def reopen(self) -> None:
        """Take a fresh snapshot (read-only stores): what a load in another process wrote becomes visible."""
        if self.read_only:
            self._store = open_snapshot(self.location)

    def update(self, sparql: str) -> None:
        self._write(lambda store: store.update(sparql))

    def count(self, graph: str | None = None) -> int:
        if graph is None:
            return len(self.oxigraph)
        result = self.oxigraph.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {named_node(graph)} {{ ?s ?p ?o }} }}")
        return int(next(iter(result))["n"].value)

    def close(self) -> None:
        """Flush and release the directory's lock (once no query result still refers to the store)."""
        if self._store is not None and not self.read_only:
            self._store.flush()
        self._store = None

    def _is_empty(self, graph: ox.NamedNode) -> bool:
        return next(iter(self.oxigraph.quads_for_pattern(None, None, None, graph)), None) is None

    def _bulk_load(self, graph: ox.NamedNode, data: bytes, format: ox.RdfFormat, base_iri: str | None) -> None:
        """Bulk loads are not transactional: on failure the graph, which was empty, is emptied again."""
        try:
            self._write(lambda store: store.bulk_load(data, format, to_graph=graph, base_iri=base_iri))
        except BaseException:
            if self.oxigraph.contains_named_graph(graph):
                self.oxigraph.remove_graph(graph)
            raise

    def _write(self, action) -> None:
        if self.read_only:
            raise StoreError(f"the store {self.location} was opened read-only; open it without --read-only to change it")
        try:
            action(self.oxigraph)
        except SyntaxError:
            raise
        except (OSError, RuntimeError) as error:
            raise StoreError(f"writing to the store {self.location} failed: {error}") from None


def _open(path: Path, read_only: bool) -> ox.Store:
    """Open (creating when missing) the directory, turning RocksDB's errors into messages that say what to do."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file, not a store directory; pass a directory with --store")
    is_store = (path / "CURRENT").exists()
    if read_only:
        if not is_store:
            raise StoreError(f"there is no store at {path}; load some data first (dangjian load FILE --store {path})")
        return open_snapshot(path)
    if path.is_dir() and not is_store and any(path.iterdir()):
        raise StoreError(f"{path} holds other files and is not a store; choose a new or empty directory for --store")
    path.mkdir(parents=True, exist_ok=True)
    return _guarded(lambda: ox.Store(str(path)), path)


def _guarded(opener, path: Path) -> ox.Store:
    try:
        return opener()
    except OSError as error:
        if "LOCK" in str(error):
            raise StoreLockedError(
                f"the store {path} is in use by another process (a server or a running load). "
                f"Stop that process, or query it through its SPARQL server (--store http://127.0.0.1:7878); "
                f"commands that only read accept --read-only to open a snapshot.") from None
        raise StoreError(f"cannot open the store {path}: {error}") from None
