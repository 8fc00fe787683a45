"""The project's graphs on a shared server: the dataset a query is given so that the server's own graphs stay out."""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from dangjian.ontology import GRAPH as PROJECT_GRAPHS

__all__ = ["ProjectGraphs", "PROJECT_GRAPHS", "LIST_PROJECT_GRAPHS"]

LIST_PROJECT_GRAPHS = (f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} '
                       f'FILTER(STRSTARTS(STR(?g), "{PROJECT_GRAPHS}")) }}')


class ProjectGraphs:
    """Graphs under PROJECT_GRAPHS: what this process wrote at once, what others wrote within `ttl` seconds.

    >>> graphs = ProjectGraphs(lambda: [PROJECT_GRAPHS + "a"]); graphs.wrote([PROJECT_GRAPHS + "b"])
    >>> graphs.dataset() == [PROJECT_GRAPHS, PROJECT_GRAPHS + "a", PROJECT_GRAPHS + "b"]
    True
    """

    def __init__(self, fetch: Callable[[], Iterable[str]], ttl: float = 30.0) -> None:
        self._fetch, self._ttl = fetch, ttl
        self._known: set[str] = set()
        self._fetched_at: float | None = None

    def names(self, *, fresh: bool = False) -> list[str]:
        """The project's graphs on the server; `fresh` asks the server again."""
        now = time.monotonic()
        if fresh or self._fetched_at is None or now - self._fetched_at > self._ttl:
            self._known = {g for g in self._fetch() if g.startswith(PROJECT_GRAPHS)}
            self._fetched_at = now
        return sorted(self._known)

    def dataset(self) -> list[str]:
        """The graphs to give a query as its default and named graphs; the prefix itself, which holds nothing,
        keeps the dataset from being empty (an empty dataset means "everything" to the protocol)."""
        return [PROJECT_GRAPHS, *self.names()]

    def wrote(self, graphs: Iterable[str]) -> None:
        """Graphs this process just wrote: queries see them at once."""
        self.names()
        self._known.update(g for g in graphs if g.startswith(PROJECT_GRAPHS))

    def dropped(self, graph: str) -> None:
        self._known.discard(graph)
