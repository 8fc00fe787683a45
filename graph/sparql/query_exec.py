"""Running one SPARQL query to a serialized, row-limited reply; the same code runs in a worker process or a thread.

A query that cannot be answered raises a QueryError of the kind that says why (the tree of them is drawn in
dangjian.ontology.errors); a malformed query raises the built-in SyntaxError, with pyoxigraph's message and position.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from dangjian.graph.sparql.column_order import SKIP as _SKIP
from dangjian.graph.sparql.column_order import star_columns
from dangjian.graph.sparql.engine_writer import ENGINE_FORMATS, engine_solutions
from dangjian.graph.sparql.result_formats import FORMATS, GRAPH, SOLUTIONS, Format, pick
from dangjian.graph.sparql.result_writers import Written, write_result
from dangjian.graph.sparql.reach import ReachRefused, check_reach
from dangjian.ontology.errors import DangjianError

__all__ = ["QueryRequest", "QueryReply", "QueryError", "QueryTimeout", "NotAcceptable", "QueryRefused",
           "QueryOutOfMemory", "QueryUnavailable", "SourceFailed",
           "QueryFailed",
           "execute", "query_pyoxigraph", "declares_dataset"]


class QueryError(DangjianError):
    """A query could not be answered; the message says why and what to do."""


class QueryTimeout(QueryError):
    """The query ran past the time limit and was stopped."""


class NotAcceptable(QueryError):
    """None of the client's acceptable formats can carry this kind of result."""


class QueryRefused(QueryError):
    """The query would make the server call an endpoint (SERVICE) it is not allowed to call."""


class QueryOutOfMemory(QueryError):
    """The query needed more memory than one query may use and was stopped."""


class QueryUnavailable(QueryError):
    """The store could not be read just now; the same query is likely to work in a moment."""


class SourceFailed(QueryError):
    """A source that an update LOADs could not be fetched (refused, missing, not RDF)."""


class QueryFailed(QueryError):
    """The store failed while evaluating the query."""


@dataclass(frozen=True)
class QueryRequest:
    """What to run and how to send it back; plain data, so it can cross a process boundary."""

    query: str
    accept: tuple[str, ...] = ("*/*",)
    format: tuple[str, ...] = ()  # format= values, each possibly a comma-separated list; the first usable wins
    default_graph: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    row_limit: int = 10_000
    services: tuple[str, ...] = ()  # the endpoints SERVICE may call; none by default


@dataclass(frozen=True)
class QueryReply:
    """A serialized result, or the kind and message of an error."""

    body: bytes = b""
    media_type: str = ""
    rows: int = 0
    truncated: bool = False
    error: str | None = None
    message: str = ""

    def unwrap(self) -> QueryReply:
        """The reply itself, or the error it carries raised as an exception."""
        if self.error is None:
            return self
        raise _ERRORS[self.error](self.message)


_ERRORS: dict[str, type[Exception]] = {"syntax": SyntaxError, "timeout": QueryTimeout,
                                       "not_acceptable": NotAcceptable, "refused": QueryRefused,
                                       "memory": QueryOutOfMemory, "unavailable": QueryUnavailable,
                                       "source": SourceFailed, "failed": QueryFailed}

QueryFunction = Callable[[str, Sequence[str] | None, Sequence[str] | None], object]


def execute(run_query: QueryFunction, request: QueryRequest) -> QueryReply:
    """Evaluate `request` with `run_query(sparql, default_graph, named_graphs)` and serialize the answer."""
    try:
        check_reach(request.query, services=request.services)
        result = run_query(request.query, request.default_graph, request.named_graphs)
        kind = GRAPH if isinstance(result, ox.QueryTriples) else SOLUTIONS
        fmt = pick(kind, list(request.accept), request.format)
        if fmt is None:
            offered = ", ".join(f"{f.name} ({f.media_type})" for f in FORMATS if f.kind == kind)
            what = "SELECT and ASK results" if kind == SOLUTIONS else "CONSTRUCT and DESCRIBE results"
            return QueryReply(error="not_acceptable", message=f"no type the Accept header (or format=) asks for fits; "
                                                              f"{what} can be sent as: {offered}")
        columns = star_columns(request.query, [v.value for v in result.variables]) if kind == SOLUTIONS and \
            not isinstance(result, ox.QueryBoolean) else None
        written = _written(run_query, request, result, fmt, columns)
    except SyntaxError as error:
        return QueryReply(error="syntax", message=str(error))
    except ReachRefused as error:
        return QueryReply(error="refused", message=str(error))
    except (OSError, RuntimeError, ValueError) as error:
        return QueryReply(error="failed", message=f"the store could not answer: {error}")
    return QueryReply(written.body, fmt.content_type, written.rows, written.truncated)


def _written(run_query: QueryFunction, request: QueryRequest, result, fmt: Format,
             columns: list[str] | None) -> Written:
    """The result in `fmt`: solutions in the engine's own column order written by the engine, else in Python."""
    if isinstance(result, ox.QuerySolutions) and fmt.name in ENGINE_FORMATS and \
            columns == [v.value for v in result.variables]:
        written = engine_solutions(result, fmt, request.row_limit)
        if written is not None:
            return written
        result = run_query(request.query, request.default_graph, request.named_graphs)  # too big: cut it here
    return write_result(result, fmt, request.row_limit, columns)


# A FROM or FROM NAMED keyword outside strings, IRIs and comments.
_FROM = re.compile(rf"{_SKIP}|(?<![\w?$:])(FROM)(?![\w:-])", re.IGNORECASE)


def declares_dataset(sparql: str) -> bool:
    """Whether the query names its own dataset with FROM / FROM NAMED.

    >>> declares_dataset('SELECT * FROM <http://g> { ?s ?p ?o }'), declares_dataset('SELECT ?from { ?s ?p "FROM" }')
    (True, False)
    """
    if "from" not in sparql.lower():  # the usual case: no need to step over every string and IRI
        return False
    return any(m.group(1) for m in _FROM.finditer(sparql))


_DATASET_IRI = re.compile(r"\s+(NAMED\s+)?<([^<>\"{}|^`\\\s]*)>", re.IGNORECASE)


def dataset_clauses(sparql: str) -> tuple[list[str], list[str]]:
    """The IRIs of a query's FROM and FROM NAMED clauses, for servers that want them as protocol parameters.

    >>> dataset_clauses('SELECT * FROM <http://a> FROM NAMED <http://b> { ?s ?p ?o }')
    (['http://a'], ['http://b'])
    """
    defaults: list[str] = []
    named: list[str] = []
    for m in _FROM.finditer(sparql):
        if not m.group(1):
            continue
        clause = _DATASET_IRI.match(sparql, m.end())
        if clause:
            (named if clause.group(1) else defaults).append(clause.group(2))
    return defaults, named


def query_pyoxigraph(store: ox.Store, sparql: str, default_graph: Sequence[str] | None,
                     named_graphs: Sequence[str] | None):
    """Query a pyoxigraph store with the project's dataset rules.

    The protocol's graphs win; else the query's own FROM clauses; else the default graph is the
    union of all named graphs (pyoxigraph's union flag would silently override FROM).
    """
    options: dict = {}
    if default_graph is not None or named_graphs is not None:
        options["default_graph"] = [ox.NamedNode(g) for g in default_graph or ()]
        options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs or ()]
    elif not declares_dataset(sparql):
        options["use_default_graph_as_union"] = True
    return store.query(sparql, **options)
