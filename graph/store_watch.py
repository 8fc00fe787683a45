"""Noticing that an embedded store's directory changed, so read-only snapshots of it can be reopened."""
from __future__ import annotations

import os
import time

__all__ = ["DirectoryWatch"]


class DirectoryWatch:
    """Compares the names, sizes and times of a store directory's files, at most once per `interval` seconds.

    A read-only pyoxigraph store is a snapshot taken when it is opened; another process's writes
    (a `dangjian load`) show up only after reopening, which this watch says when to do.
    """

    def __init__(self, path: str, interval: float = 1.0) -> None:
        self.path = path
        self.interval = interval
        self._seen = self._fingerprint()
        self._checked = time.monotonic()

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
        return True
