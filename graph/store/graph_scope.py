"""The project's graphs on a shared server: the graphs a query must not see, and the query told so (Virtuoso)."""
from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable

from dangjian.graph.sparql.column_order import SKIP as _SKIP
from dangjian.ontology import GRAPH as PROJECT_GRAPHS

__all__ = ["ForeignGraphs", "PROJECT_GRAPHS", "LIST_PROJECT_GRAPHS", "LIST_FOREIGN_GRAPHS", "names_a_graph",
           "excluding"]

LIST_PROJECT_GRAPHS = (f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} '
                       f'FILTER(STRSTARTS(STR(?g), "{PROJECT_GRAPHS}")) }}')
LIST_FOREIGN_GRAPHS = LIST_PROJECT_GRAPHS.replace("FILTER(STRSTARTS", "FILTER(!STRSTARTS")

# GRAPH followed by an IRI or a prefixed name (not a variable), outside strings, IRIs and comments.
_CONSTANT_GRAPH = re.compile(rf"{_SKIP}|(?<![\w?$:])(GRAPH)\s+(?=[^\s?$])", re.IGNORECASE)


class ForeignGraphs:
    """Graphs on the server that are not the project's (Virtuoso's system graphs), asked again after `ttl` s.

    >>> ForeignGraphs(lambda: ["http://www.openlinksw.com/schemas/virtrdf#"]).names()
    ['http://www.openlinksw.com/schemas/virtrdf#']
    """

    def __init__(self, fetch: Callable[[], Iterable[str]], ttl: float = 30.0) -> None:
        self._fetch, self._ttl = fetch, ttl
        self._names: list[str] = []
        self._fetched_at: float | None = None

    def names(self) -> list[str]:
        now = time.monotonic()
        if self._fetched_at is None or now - self._fetched_at > self._ttl:
            self._names = sorted(g for g in self._fetch() if not g.startswith(PROJECT_GRAPHS))
            self._fetched_at = now
        return self._names


def names_a_graph(sparql: str) -> bool:
    """Whether the query has a `GRAPH <iri>` (or `GRAPH prefix:name`) pattern.

    >>> names_a_graph("SELECT * { GRAPH <https://w3id.org/dangjian/graph/knowledge> { ?s ?p ?o } }")
    True
    >>> names_a_graph('SELECT * { GRAPH ?g { ?s ?p "GRAPH <x>" } }')
    False
    """
    return any(m.group(1) for m in _CONSTANT_GRAPH.finditer(sparql))


def excluding(sparql: str, graphs: Iterable[str]) -> str:
    """The query with `graphs` left out of its default and named graphs (Virtuoso's `input:*-graph-exclude`).

    Virtuoso answers `GRAPH <iri>` patterns wrongly under these pragmas, so callers leave such queries as
    they are: the constant graph scopes them already.
    """
    defines = "".join(f"define input:default-graph-exclude <{g}> define input:named-graph-exclude <{g}> "
                      for g in graphs)
    return defines + sparql
