"""How a query or an update travels to a SPARQL server: GET, form-encoded POST or direct POST, with its Accept."""
from __future__ import annotations

from urllib.parse import urlencode

from dangjian.graph.store.engines import RDF_ACCEPT, SPARQL_JSON, Engine, query_form

__all__ = ["query_request", "update_request", "accept_for", "MAX_GET_URL"]

MAX_GET_URL = 4000  # longer GET requests go as form-encoded POSTs, which every server takes
FORM = "application/x-www-form-urlencoded; charset=UTF-8"


def accept_for(engine: Engine, sparql: str) -> str:
    """RDF for CONSTRUCT and DESCRIBE, the engine's results format for SELECT and ASK.

    >>> from dangjian.graph.store.engines import ENGINES
    >>> accept_for(ENGINES["virtuoso"], "CONSTRUCT WHERE { ?s ?p ?o }")
    'application/n-triples, text/turtle;q=0.9'
    """
    form = query_form(sparql)
    if form in ("CONSTRUCT", "DESCRIBE"):
        return RDF_ACCEPT
    return f"{engine.results}, {SPARQL_JSON};q=0.9" if form else f"{engine.results}, {RDF_ACCEPT};q=0.8"


def query_request(engine: Engine, url: str, sparql: str, params: list[tuple[str, str]]) -> dict:
    """The method, URL and httpx arguments of a query; `params` are the protocol's dataset parameters.

    >>> from dangjian.graph.store.engines import ENGINES
    >>> query_request(ENGINES["virtuoso"], "http://127.0.0.1:8890/sparql", "ASK {}", [])["headers"]["Content-Type"]
    'application/x-www-form-urlencoded; charset=UTF-8'
    """
    accept = accept_for(engine, sparql)
    fields = [("query", sparql), *params]
    if engine.query_method == "get" and len(url) + len(urlencode(fields)) < MAX_GET_URL:
        return dict(method="GET", url=url, params=fields, headers={"Accept": accept})
    if engine.query_method == "direct":
        return dict(method="POST", url=url, params=params, content=sparql.encode(),
                    headers={"Content-Type": "application/sparql-query", "Accept": accept})
    return dict(method="POST", url=url, content=urlencode(fields).encode(),
                headers={"Content-Type": FORM, "Accept": accept})


def update_request(engine: Engine, url: str, sparql: str) -> dict:
    """The method, URL and httpx arguments of an update."""
    if engine.update_method == "direct":
        return dict(method="POST", url=url, content=sparql.encode(),
                    headers={"Content-Type": "application/sparql-update"})
    return dict(method="POST", url=url, content=urlencode({"update": sparql}).encode(), headers={"Content-Type": FORM})
