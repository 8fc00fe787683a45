"""The remote store: any SPARQL 1.1 server, through the SPARQL 1.1 Protocol and the Graph Store HTTP Protocol."""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyoxigraph as ox

from dangjian.graph.store.client_order import ordered, split_order
from dangjian.graph.store.engines import Engine, detect, engine_named, from_environment, query_form
from dangjian.graph.store.graph_scope import (LIST_FOREIGN_GRAPHS, LIST_PROJECT_GRAPHS, ForeignGraphs, excluding,
                                        names_a_graph)
from dangjian.graph.sparql.query_exec import dataset_clauses, declares_dataset
from dangjian.graph.store.remote_results import looks_like_a_write_answer, parse_result
from dangjian.graph.store.transport import query_request, update_request
from dangjian.graph.store.protocol import QueryResult, StoreError
from dangjian.graph.store.terms import named_node, ntriples, quads_into
from dangjian.graph.store.write_check import found_queries, graph_runs, samples

__all__ = ["RemoteStore", "Endpoints"]

# Endpoint paths under the --store URL; the defaults come from the engine (see dangjian.graph.store.engines).
PATH_ENV = {"query": "DANGJIAN_QUERY_PATH", "update": "DANGJIAN_UPDATE_PATH", "store": "DANGJIAN_STORE_PATH"}
USER_ENV, PASSWORD_ENV, TOKEN_ENV = "DANGJIAN_STORE_USER", "DANGJIAN_STORE_PASSWORD", "DANGJIAN_STORE_TOKEN"

TIMEOUT = httpx.Timeout(300.0, connect=5.0)
# Triples one SPARQL update may carry: Virtuoso's compiler runs out of memory near 5,000 lines. A larger graph is
# replaced by a Graph Store PUT there, which Virtuoso's readers can see half done.
UPDATE_TRIPLES = 2000
# Virtuoso's errors for a sort whose rows hold a string too long for its temporary tables.
_TOO_LONG_TO_SORT = re.compile(r"\b(SR478|SR319)\b")


@dataclass(frozen=True)
class Endpoints:
    """Where the server listens for queries, updates and Graph Store requests."""

    query: str
    update: str
    store: str

    @classmethod
    def under(cls, base: str, paths: dict[str, str]) -> Endpoints:
        """Endpoints from a base URL and paths; a path that is itself a URL is taken as is."""
        base = base.rstrip("/")
        full = {k: p if p.startswith(("http://", "https://")) else base + "/" + p.lstrip("/") for k, p in paths.items()}
        return cls(**full)


class RemoteStore:
    """A SPARQL 1.1 server: `oxigraph serve --union-default-graph`, Virtuoso 7.2, or another with its union setting.

    The engine (`auto`: asked from the server) decides the endpoint paths and how queries and updates travel.
    On a server that keeps graphs of its own (Virtuoso), a query that names no dataset is told to leave out
    every graph not under https://w3id.org/dangjian/graph/ (the project's): the server's system graphs stay out.
    Not run as a docstring example: it needs a running server (tests/conftest.py starts one for the store tests).

    >>> store = RemoteStore.from_url("http://127.0.0.1:7878")  # doctest: +SKIP
    >>> store.count()  # doctest: +SKIP
    """

    def __init__(self, endpoints: Endpoints | None = None, auth: httpx.Auth | None = None,
                 headers: dict[str, str] | None = None, location: str | None = None,
                 engine: Engine | None = None, paths: dict[str, str] | None = None,
                 methods: tuple[str | None, str | None] = (None, None)) -> None:
        self.location = location or (endpoints.query if endpoints else "")
        self.directory: Path | None = None   # a server's files are not this process's to read
        self.read_only = False               # what the server lets this client write is the server's to say
        self._http = httpx.Client(auth=auth, headers=headers, timeout=TIMEOUT)
        self._engine, self._endpoints, self._paths, self._methods = engine, endpoints, paths or {}, methods
        self._foreign = ForeignGraphs(lambda: self._graph_names(LIST_FOREIGN_GRAPHS))

    @classmethod
    def from_url(cls, url: str, *, engine: str | None = None, query_method: str | None = None,
                 update_method: str | None = None) -> RemoteStore:
        """A store at a base URL. Arguments win over $DANGJIAN_ENGINE, $DANGJIAN_QUERY_METHOD,
        $DANGJIAN_UPDATE_METHOD; endpoint paths and credentials come from the other DANGJIAN_* variables."""
        env_engine, env_query, env_update = from_environment()
        name = engine or env_engine or "auto"
        chosen = None if name == "auto" else engine_named(name)
        methods = (query_method or env_query, update_method or env_update)
        if chosen:
            chosen = chosen.with_methods(*methods)
        paths = {kind: os.environ[env] for kind, env in PATH_ENV.items() if os.environ.get(env)}
        return cls(None, *_credentials(), location=url, engine=chosen, paths=paths, methods=methods)

    @property
    def engine(self) -> Engine:
        """The kind of server; asked from the server on first use when not given."""
        if self._engine is None:
            self._engine = detect(self._http, self.location).with_methods(*self._methods)
        return self._engine

    @property
    def endpoints(self) -> Endpoints:
        if self._endpoints is None:
            self._endpoints = Endpoints.under(self.location, {**self.engine.paths, **self._paths})
        return self._endpoints

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"RemoteStore({self.location!r})"

    def add(self, graph: str, triples: Iterable[ox.Triple]) -> int:
        triples = list(triples)
        self._graph_request("POST", graph, ntriples(triples))
        self._verify(samples(named_node(graph), triples))
        return len(triples)

    def load(self, graph: str, data: bytes, format: ox.RdfFormat, *, base_iri: str | None = None) -> int:
        # Parsed here, so syntax errors carry line and column and relative IRIs resolve against base_iri.
        quads = quads_into(data, format, graph, base_iri)
        self._write_quads(quads, format)
        return len(quads)

    def bulk_load(self, data: bytes, format: ox.RdfFormat) -> None:
        """A server has no faster path than its write protocol: the quads go as a load does, each to its graph."""
        quads = list(ox.parse(data, format))
        if any(isinstance(q.graph_name, ox.DefaultGraph) for q in quads):
            raise ValueError("bulk_load takes quads in named graphs (N-Quads or TriG with every triple in a graph)")
        self._write_quads(quads, format)

    def reopened(self) -> RemoteStore:
        return self

    def _write_quads(self, quads: list[ox.Quad], format: ox.RdfFormat) -> None:
        runs = list(graph_runs(quads))
        if format.supports_datasets and self.engine.datasets:
            # One POST of N-Quads to the dataset: one transaction on the server.
            self._checked_write("POST", self.endpoints.store, content=ox.serialize(quads, format=ox.RdfFormat.N_QUADS),
                                headers={"Content-Type": ox.RdfFormat.N_QUADS.media_type})
        else:
            for name, triples in runs:  # one request per run of a graph, in order: what came last is written last
                self._graph_request("POST", name.value, ntriples(triples))
        self._verify([check for name, triples in runs for check in samples(name, triples)])

    def replace_graph(self, graph: str, triples: Iterable[ox.Triple]) -> int:
        triples = list(triples)
        if not triples:
            self.drop_graph(graph)
            return 0
        if self.engine.put_is_atomic or len(triples) > UPDATE_TRIPLES:
            self._graph_request("PUT", graph, ntriples(triples))
        else:  # one update request is one transaction: readers see the old graph or the new one
            target = named_node(graph)
            self.update(f"DROP SILENT GRAPH {target} ; INSERT DATA {{ GRAPH {target} {{ {ntriples(triples)} }} }}")
        self._verify(samples(named_node(graph), triples))
        return len(triples)

    def drop_graph(self, graph: str) -> None:
        self._graph_request("DELETE", graph, missing_ok=True)
        if self._ask(f"ASK {{ GRAPH {named_node(graph)} {{ ?s ?p ?o }} }}"):
            raise StoreError(f"{self.endpoints.store} answered the DELETE of {graph}, but the graph is still there; "
                             f"check that the server lets this user write")

    def graphs(self) -> list[str]:
        if self.engine.foreign_graphs:
            return sorted(self._graph_names(LIST_PROJECT_GRAPHS))
        return sorted(s["g"].value for s in self.query(self.engine.graphs_query) if isinstance(s["g"], ox.NamedNode))

    def query(self, sparql: str, *, default_graph: Sequence[str] | None = None,
              named_graphs: Sequence[str] | None = None) -> QueryResult:
        if default_graph is None and named_graphs is None and declares_dataset(sparql):
            # a union-default-graph server ignores FROM; the protocol's parameters say the same and are obeyed
            default_graph, named_graphs = dataset_clauses(sparql)
        if default_graph is None and named_graphs is None and self.engine.foreign_graphs and not names_a_graph(sparql):
            sparql = excluding(sparql, self._foreign.names())  # the server's own graphs stay out
        params = [("default-graph-uri", named_node(g).value) for g in default_graph or ()]
        params += [("named-graph-uri", named_node(g).value) for g in named_graphs or ()]
        try:
            return parse_result(self._query_request(sparql, params), self.endpoints.query, query_form(sparql))
        except StoreError as error:
            unordered = split_order(sparql) if _TOO_LONG_TO_SORT.search(str(error)) else None
            if unordered is None:
                raise
        # Virtuoso cannot sort rows holding long strings: the rows come unsorted and are sorted here.
        body, keys = unordered
        return ordered(parse_result(self._query_request(body, params), self.endpoints.query, "SELECT"), keys)

    def update(self, sparql: str) -> None:
        request = update_request(self.engine, self.endpoints.update, sparql)
        self._send(request.pop("method"), request.pop("url"), syntax=True, **request)

    def count(self, graph: str | None = None) -> int:
        pattern = f"GRAPH {named_node(graph)} {{ ?s ?p ?o }}" if graph else "GRAPH ?g { ?s ?p ?o }"
        solutions = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
        return int(next(iter(solutions))["n"].value)

    def close(self) -> None:
        self._http.close()

    def _query_request(self, sparql: str, params: list[tuple[str, str]]) -> httpx.Response:
        """Send a query the engine's way (see dangjian.graph.store.transport)."""
        request = query_request(self.engine, self.endpoints.query, sparql, params)
        return self._send(request.pop("method"), request.pop("url"), syntax=True, **request)

    def _graph_names(self, sparql: str) -> list[str]:
        rows = parse_result(self._query_request(sparql, []), self.endpoints.query)
        return [row["g"].value for row in rows if isinstance(row["g"], ox.NamedNode)]

    def _graph_request(self, method: str, graph: str, body: str | bytes | None = None,
                       media_type: str = "application/n-triples", missing_ok: bool = False) -> None:
        content = body.encode() if isinstance(body, str) else body
        headers = {"Content-Type": media_type} if content is not None else {}
        self._checked_write(method, self.endpoints.store, params={"graph": named_node(graph).value},
                            content=content, headers=headers, missing_ok=missing_ok)

    def _checked_write(self, method: str, url: str, **request) -> httpx.Response:
        """A Graph Store request whose answer must be a write's answer, not a web page served with status 200."""
        response = self._send(method, url, **request)
        if not looks_like_a_write_answer(response):
            raise StoreError(f"{url} answered {method} with a web page (status {response.status_code}) instead of "
                             f"storing the data; nothing was written. Point DANGJIAN_STORE_PATH at the server's "
                             f"Graph Store endpoint or choose --engine")
        return response

    def _verify(self, checks: list[tuple[ox.NamedNode, ox.Triple]]) -> None:
        """Ask the server for a few triples of each graph just written: a write it did not apply is an error."""
        for query, expected in found_queries(checks):
            if self._count(query) < expected:
                raise StoreError(f"{self.endpoints.store} accepted the write but does not hold what was sent: "
                                 f"nothing was stored. Check that the server lets this user write (Virtuoso: "
                                 f"GRANT SPARQL_UPDATE TO \"SPARQL\") and that --store points at it")

    def _count(self, sparql: str) -> int:
        """A `SELECT (COUNT(*) AS ?n)` about graphs named in the query itself, even graphs outside the project's."""
        rows = list(parse_result(self._query_request(sparql, []), self.endpoints.query, "SELECT"))
        return int(rows[0]["n"].value) if rows and rows[0]["n"] is not None else 0

    def _ask(self, sparql: str) -> bool:
        """An ASK about graphs named in the query itself, even graphs outside the project's."""
        return bool(parse_result(self._query_request(sparql, []), self.endpoints.query, "ASK"))

    def _send(self, method: str, url: str, *, syntax: bool = False, missing_ok: bool = False,
              **request) -> httpx.Response:
        """One HTTP request; transport failures and error statuses become StoreError (or SyntaxError)."""
        try:
            response = self._http.request(method, url, **request)
        except httpx.TransportError as error:
            raise StoreError(f"cannot reach the SPARQL server at {url} ({error or type(error).__name__}); "
                             f"start it (e.g. oxigraph serve --union-default-graph) or check --store") from None
        if response.is_success or (missing_ok and response.status_code == 404):
            return response
        _raise_for(response, url, syntax)
        return response


def _credentials() -> tuple[httpx.Auth | None, dict[str, str]]:
    """Basic credentials or a bearer token from the environment (never from the command line)."""
    token = os.environ.get(TOKEN_ENV)
    if token:
        return None, {"Authorization": f"Bearer {token}"}
    user = os.environ.get(USER_ENV)
    if user:
        return httpx.BasicAuth(user, os.environ.get(PASSWORD_ENV, "")), {}
    return None, {}


def _raise_for(response: httpx.Response, url: str, syntax: bool) -> None:
    # Virtuoso repeats the whole query after its message; the message is enough.
    message = response.text.split("\n\nSPARQL query:")[0].strip()[:1000] or response.reason_phrase
    status = response.status_code
    if syntax and status == 400:
        raise SyntaxError(message)
    if status in (401, 403):
        raise StoreError(f"{url} refused the request ({status} {response.reason_phrase}): {message}; "
                         f"set {USER_ENV}/{PASSWORD_ENV} or {TOKEN_ENV}")
    if status == 404:
        raise StoreError(f"{url} answered 404 Not Found: {message}; check --engine (oxigraph, virtuoso, generic) "
                         f"or the endpoint paths ({', '.join(PATH_ENV.values())})")
    raise StoreError(f"{url} answered {status} {response.reason_phrase}: {message}")
