"""What one app instance holds: its store (followed when the data changes), settings, query runner and caches."""
from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable

from fastapi.concurrency import run_in_threadpool

from dangjian.api.answers.answer_cache import AnswerCache
from dangjian.api.settings import Settings
from dangjian.graph.store.embedded import EmbeddedStore
from dangjian.graph.pool.query_pool import make_runner
from dangjian.graph.store import Store
from dangjian.graph.store.watch import DirectoryWatch, SignatureWatch

__all__ = ["AppState"]

# How long a value derived from a remote store is trusted: nothing tells us when that data changes.
REMOTE_TTL = 60.0
# How often a remote store's graphs and size are asked, to notice a change sooner than that.
REMOTE_CHECK = 5.0
# What GET /sparql may keep per process (api/answers/sparql_answers.py), besides the lookups' answers.
SPARQL_ENTRIES, SPARQL_BYTES = 10_000, 32 << 20


class AppState:
    """The store the JSON routes read, the runner /sparql uses, and values derived from the data.

    An embedded store's directory is watched: a read-only snapshot is reopened when it changes (a
    `dangjian load` in another process), and derived values (the label index, the summary) are
    rebuilt. They are rebuilt in the background; until then the previous value is served.
    """

    def __init__(self, store: Store, settings: Settings) -> None:
        if settings.updates_enabled and store.directory is not None and not store.read_only:
            store.close()  # the runner's writer process becomes the store's one writer; this process reads snapshots
            store = EmbeddedStore(store.location, read_only=True)
        self._store = store
        self.settings = settings
        memory = settings.query_memory and settings.query_memory << 20
        self.runner = make_runner(store, slots=settings.query_slots, timeout=settings.query_timeout, memory=memory)
        # An embedded store's directory is looked at on every request (a scandir, tens of microseconds), so
        # the request after a load already sees it.
        self._watch = (DirectoryWatch(store.location, interval=0.0) if store.directory is not None
                       else SignatureWatch(store, interval=REMOTE_CHECK, trust=REMOTE_TTL))
        self._updates = 0
        self._stale = False
        self._values: dict[str, tuple[str, object]] = {}
        self._building: dict[str, asyncio.Future] = {}
        self.answers = AnswerCache()  # JSON lookups, per generation
        # SPARQL answers apart, so that queries never push the lookups' answers out
        self.sparql_answers = AnswerCache(max_entries=SPARQL_ENTRIES, max_bytes=SPARQL_BYTES)

    @property
    def generation(self) -> str:
        """A value that changes whenever the data may have changed; read it after `store`.

        Bumped by every load, remove or SPARQL update: for an embedded store it is a digest of the
        store directory's files, so every `serve --workers` process (and any other process) computes
        the same value from the same data, whoever wrote it. For a remote store it is a digest of its
        named graphs, quad count and the current REMOTE_TTL period, asked every REMOTE_CHECK seconds,
        plus this process's own updates (counted, so they are seen at once).
        """
        if isinstance(self._watch, DirectoryWatch):
            return self._watch.token
        return f"{self._watch.token}.{self._updates}"

    @property
    def store(self) -> Store:
        if self._watch.changed() or self._stale:
            self._stale = True  # until a new snapshot opens: a failed open is tried again on the next request
            self._store = self._store.reopened()
            self._stale = False
            self.store_changed()
        return self._store

    def reopen(self) -> None:
        """Open a new snapshot on the next request: the data changed (an update) or a writer broke the old one."""
        self._stale = True

    def store_changed(self) -> None:
        """The data changed (an update through this app, or seen on disk): reopen snapshots, rebuild caches."""
        self._updates += 1
        self.runner.refresh()

    def _fresh(self, entry: tuple[str, object] | None) -> bool:
        return entry is not None and entry[0] == self.generation

    async def derived(self, name: str, compute: Callable[[Store], object]) -> object:
        """`compute(store)`, kept until the data changes; a stale value is served while the new one is built."""
        store, generation = self.store, self.generation
        entry = self._values.get(name)
        if self._fresh(entry):
            return entry[1]
        building = self._building.get(name)
        if building is None:
            building = asyncio.ensure_future(run_in_threadpool(_settled, compute, store))
            self._building[name] = building
            building.add_done_callback(lambda done: self._keep(name, generation, done))
        if entry is not None:
            return entry[1]
        return await asyncio.shield(building)

    def _keep(self, name: str, generation: str, done: asyncio.Future) -> None:
        self._building.pop(name, None)
        if not done.cancelled() and done.exception() is None:
            self._values[name] = (generation, done.result())


def _settled(compute: Callable[[Store], object], store: Store) -> object:
    """`compute(store)`, then its long-lived result moved out of the garbage collector's way.

    A search index holds a few hundred thousand objects; left in the collected generations, every
    full collection walks them and stalls all requests for tens of milliseconds.
    """
    value = compute(store)
    gc.collect()
    gc.freeze()
    return value
