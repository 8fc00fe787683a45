"""The projected networkx graph of a store (and its analytics), kept between requests until the store changes."""
from __future__ import annotations

import threading
import time
import weakref
from dataclasses import dataclass, field

import networkx as nx

from dangjian.graph.network.analytics import Analytics, analyze
from dangjian.graph.network.projection import project
from dangjian.graph.store import Store

DEFAULT_TTL = 30.0


@dataclass
class _Entry:
    signature: tuple
    built: float
    graph: nx.MultiDiGraph
    analytics: Analytics | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


class ProjectionCache:
    """One projection per store object, kept for `ttl` seconds, then kept again if the store still has
    the same named graphs and quad count, else rebuilt. A reopened store (a new object) starts afresh.
    A caller that knows the store's generation passes it instead, and the projection follows it exactly.
    """

    def __init__(self, ttl: float = DEFAULT_TTL) -> None:
        self.ttl = ttl
        self._entries: weakref.WeakKeyDictionary[Store, _Entry] = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def _entry(self, store: Store, generation: str | None = None) -> _Entry:
        with self._lock:
            entry = self._entries.get(store)
            now = time.monotonic()
            if generation is None and entry is not None and now - entry.built < self.ttl:
                return entry
            signature = (generation,) if generation is not None else (tuple(store.graphs()), store.count())
            if entry is not None and entry.signature == signature:
                entry.built = now
                return entry
            entry = _Entry(signature, now, project(store))
            self._entries[store] = entry
            return entry

    def graph(self, store: Store, generation: str | None = None) -> nx.MultiDiGraph:
        """The store's projection (shared: do not modify it)."""
        return self._entry(store, generation).graph

    def analytics(self, store: Store, generation: str | None = None) -> Analytics:
        """The analytics of the store's projection, computed once per projection."""
        entry = self._entry(store, generation)
        with entry.lock:
            if entry.analytics is None:
                entry.analytics = analyze(entry.graph)
            return entry.analytics

    def clear(self) -> None:
        """Forget every projection (after writing to a store through this process)."""
        with self._lock:
            self._entries.clear()
