"""What one app instance holds: its store (followed when it is a read-only snapshot), settings and query runner."""
from __future__ import annotations

from dangjian.api.settings import Settings
from dangjian.graph.query_pool import make_runner
from dangjian.graph.store import Store
from dangjian.graph.store_watch import DirectoryWatch

__all__ = ["AppState"]


class AppState:
    """The store the JSON routes read and the runner /sparql uses.

    A read-only embedded store is a snapshot; when its directory changes (a `dangjian load` in
    another process) the snapshot is reopened, so the API follows the data without a restart.
    """

    def __init__(self, store: Store, settings: Settings) -> None:
        self._store = store
        self.settings = settings
        self.runner = make_runner(store, slots=settings.query_slots, timeout=settings.query_timeout)
        self._watch = DirectoryWatch(store.location) if getattr(store, "read_only", False) else None

    @property
    def store(self) -> Store:
        if self._watch is not None and self._watch.changed():
            self._store = type(self._store)(self._store.location, read_only=True)
        return self._store

    def store_changed(self) -> None:
        """Tell the query workers to reopen their snapshots (after an update through this app)."""
        self.runner.refresh()
