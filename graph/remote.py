"""The remote store: any SPARQL 1.1 server, through the SPARQL 1.1 Protocol and the Graph Store HTTP Protocol."""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import httpx
import pyoxigraph as ox

from dangjian.graph.query_exec import dataset_clauses, declares_dataset

from dangjian.graph.store import QueryResult, StoreError
from dangjian.graph.terms import named_node, ntriples, quads_into

__all__ = ["RemoteStore", "Endpoints"]

# Endpoint paths under the --store URL; the defaults fit `oxigraph serve`.
PATH_ENV = {"query": "DANGJIAN_QUERY_PATH", "update": "DANGJIAN_UPDATE_PATH", "store": "DANGJIAN_STORE_PATH"}
DEFAULT_PATHS = {"query": "/query", "update": "/update", "store": "/store"}
USER_ENV, PASSWORD_ENV, TOKEN_ENV = "DANGJIAN_STORE_USER", "DANGJIAN_STORE_PASSWORD", "DANGJIAN_STORE_TOKEN"

ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
TIMEOUT = httpx.Timeout(300.0, connect=5.0)


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
    """A SPARQL 1.1 server; queries need its union-default-graph setting (`oxigraph serve --union-default-graph`).

    >>> store = RemoteStore.from_url("http://127.0.0.1:7878")  # doctest: +SKIP
    >>> store.count()  # doctest: +SKIP
    """

    def __init__(self, endpoints: Endpoints, auth: httpx.Auth | None = None,
                 headers: dict[str, str] | None = None, location: str | None = None) -> None:
        self.endpoints = endpoints
        self.location = location or endpoints.query
        self._http = httpx.Client(auth=auth, headers=headers, timeout=TIMEOUT)

    @classmethod
    def from_url(cls, url: str) -> RemoteStore:
        """A store at a base URL; endpoint paths and credentials come from the DANGJIAN_* environment variables."""
        paths = {kind: os.environ.get(env) or DEFAULT_PATHS[kind] for kind, env in PATH_ENV.items()}
        return cls(Endpoints.under(url, paths), *_credentials(), location=url)

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"RemoteStore({self.location!r})"

    def add(self, graph: str, triples: Iterable[ox.Triple]) -> int:
        triples = list(triples)
        self._graph_request("POST", graph, ntriples(triples))
        return len(triples)

    def load(self, graph: str, data: bytes, format: ox.RdfFormat, *, base_iri: str | None = None) -> int:
        # Parsed here, so syntax errors carry line and column and relative IRIs resolve against base_iri.
        quads = quads_into(data, format, graph, base_iri)
        if format.supports_datasets:
            # One POST of N-Quads to the dataset: one transaction on the server.
            self._send("POST", self.endpoints.store, content=ox.serialize(quads, format=ox.RdfFormat.N_QUADS),
                       headers={"Content-Type": ox.RdfFormat.N_QUADS.media_type})
        else:
            self._graph_request("POST", graph, ntriples(q.triple for q in quads))
        return len(quads)

    def replace_graph(self, graph: str, triples: Iterable[ox.Triple]) -> int:
        triples = list(triples)
        self._graph_request("PUT", graph, ntriples(triples))
        return len(triples)

    def drop_graph(self, graph: str) -> None:
        self._graph_request("DELETE", graph, missing_ok=True)

    def graphs(self) -> list[str]:
        solutions = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        return sorted(s["g"].value for s in solutions if isinstance(s["g"], ox.NamedNode))

    def query(self, sparql: str, *, default_graph: Sequence[str] | None = None,
              named_graphs: Sequence[str] | None = None) -> QueryResult:
        if default_graph is None and named_graphs is None and declares_dataset(sparql):
            # a union-default-graph server ignores FROM; the protocol's parameters say the same and are obeyed
            default_graph, named_graphs = dataset_clauses(sparql)
        params = [("default-graph-uri", named_node(g).value) for g in default_graph or ()]
        params += [("named-graph-uri", named_node(g).value) for g in named_graphs or ()]
        response = self._send("POST", self.endpoints.query, params=params, content=sparql.encode(),
                              headers={"Content-Type": "application/sparql-query", "Accept": ACCEPT},
                              syntax=True)
        return _parse_result(response, self.endpoints.query)

    def update(self, sparql: str) -> None:
        self._send("POST", self.endpoints.update, content=sparql.encode(),
                   headers={"Content-Type": "application/sparql-update"}, syntax=True)

    def count(self, graph: str | None = None) -> int:
        pattern = f"GRAPH {named_node(graph)} {{ ?s ?p ?o }}" if graph else "GRAPH ?g { ?s ?p ?o }"
        solutions = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
        return int(next(iter(solutions))["n"].value)

    def close(self) -> None:
        self._http.close()

    def _graph_request(self, method: str, graph: str, body: str | bytes | None = None,
                       media_type: str = "application/n-triples", missing_ok: bool = False) -> None:
        content = body.encode() if isinstance(body, str) else body
        headers = {"Content-Type": media_type} if content is not None else {}
        self._send(method, self.endpoints.store, params={"graph": named_node(graph).value},
                   content=content, headers=headers, missing_ok=missing_ok)

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
    message = response.text.strip()[:1000] or response.reason_phrase
    status = response.status_code
    if syntax and status == 400:
        raise SyntaxError(message)
    if status in (401, 403):
        raise StoreError(f"{url} refused the request ({status} {response.reason_phrase}): {message}; "
                         f"set {USER_ENV}/{PASSWORD_ENV} or {TOKEN_ENV}")
    if status == 404:
        raise StoreError(f"{url} answered 404 Not Found: {message}; check the endpoint paths "
                         f"({', '.join(PATH_ENV.values())})")
    raise StoreError(f"{url} answered {status} {response.reason_phrase}: {message}")


def _parse_result(response: httpx.Response, url: str) -> QueryResult:
    """Turn a response into the same pyoxigraph result objects the embedded store returns."""
    media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type in RESULT_FORMATS:
        return ox.parse_query_results(response.content, RESULT_FORMATS[media_type])
    rdf_format = ox.RdfFormat.from_media_type(media_type) if media_type else None
    if rdf_format is None:
        raise StoreError(f"{url} answered with {media_type or 'no content type'}, which is not a SPARQL result")
    # A scratch in-memory store turns the triples into a genuine QueryTriples, as the embedded store returns.
    scratch = ox.Store()
    scratch.load(response.content, rdf_format)
    return scratch.query("CONSTRUCT WHERE { ?s ?p ?o }")
