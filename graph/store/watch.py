"""Noticing that a store's data changed: its directory's files (embedded) or its graphs and size (remote)."""
from __future__ import annotations

import hashlib
import os
import time

from dangjian.graph.store.protocol import Store

__all__ = ["DirectoryWatch", "SignatureWatch"]


def _digest(value: object) -> str:
    return hashlib.blake2b(repr(value).encode(), digest_size=8).hexdigest()


class DirectoryWatch:
    """Compares the names, sizes and times of a store directory's files, at most once per `interval` seconds.

    A read-only pyoxigraph store is a snapshot taken when it is opened; another process's writes
    (a `dangjian load`) show up only after reopening, which this watch says when to do. Every write
    reaches the directory (RocksDB appends to its log or adds table files), so `token`, a digest of
    what was last seen, is the same in every process looking at the same files.
    """

    def __init__(self, path: str, interval: float = 1.0) -> None:
        self.path = path
        self.interval = interval
        self._seen = self._fingerprint()
        self._checked = time.monotonic()
        self.token = _digest(self._seen)

    def _fingerprint(self) -> tuple:
        try:
            with os.scandir(self.path) as entries:
                return tuple(sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in entries if e.is_file()))
        except OSError:
            return ()

    def changed(self) -> bool:
        """Whether the directory changed since the last time this returned True (or since creation)."""
        now = time.monotonic()
        if now - self._checked < self.interval:
            return False
        self._checked = now
        current = self._fingerprint()
        if current == self._seen:
            return False
        self._seen = current
        self.token = _digest(current)
        return True


class SignatureWatch:
    """A remote store's named graphs and quad count, asked at most once per `interval` seconds.

    Nothing tells us when a remote store changes; a change that keeps the graphs and the count (a
    literal rewritten) is only seen when the `trust` period turns over, which `token` includes.
    """

    def __init__(self, store: Store, interval: float = 2.0, trust: float = 60.0) -> None:
        self.store = store
        self.interval = interval
        self.trust = trust
        self._checked = -interval
        self._seen: tuple = ()
        self.token = ""  # asked on the first request, not here: a server starts while its remote store is down

    def changed(self) -> bool:
        """Whether the signature or the trust period changed since the last time this returned True."""
        now = time.monotonic()
        if now - self._checked < self.interval:
            return False
        self._checked = now
        current = (tuple(self.store.graphs()), self.store.count(), int(time.time() // self.trust))
        if current == self._seen:
            return False
        self._seen = current
        self.token = _digest(current)
        return True
