"""What differs between SPARQL servers: endpoint paths, how queries and updates travel, and how to recognise one."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace

import httpx

__all__ = ["Engine", "ENGINES", "ENGINE_ENV", "QUERY_METHOD_ENV", "UPDATE_METHOD_ENV", "QUERY_METHODS",
           "UPDATE_METHODS", "engine_named", "recognise", "detect", "from_environment", "query_form"]

ENGINE_ENV = "DANGJIAN_ENGINE"
QUERY_METHOD_ENV = "DANGJIAN_QUERY_METHOD"
UPDATE_METHOD_ENV = "DANGJIAN_UPDATE_METHOD"
QUERY_METHODS = ("get", "form", "direct")   # GET ?query=, POST form-encoded, POST application/sparql-query
UPDATE_METHODS = ("form", "direct")         # POST form-encoded, POST application/sparql-update

SPARQL_JSON = "application/sparql-results+json"
SPARQL_XML = "application/sparql-results+xml"
RDF_ACCEPT = "application/n-triples, text/turtle;q=0.9"


@dataclass(frozen=True)
class Engine:
    """How to talk to one kind of server.

    `datasets`: the Graph Store endpoint takes a whole N-Quads dataset in one POST;
    `foreign_graphs`: the server keeps graphs of its own, which queries must not see;
    `put_is_atomic`: readers never see a graph half replaced by a Graph Store PUT (else one update replaces it);
    `results`: the SPARQL results format it writes correctly (blank nodes included);
    `graphs_query`: lists the named graphs (Virtuoso finds none with an empty `GRAPH ?g { }`).
    """

    name: str
    paths: dict[str, str]
    query_method: str
    update_method: str
    results: str = SPARQL_JSON
    datasets: bool = True
    foreign_graphs: bool = False
    put_is_atomic: bool = True
    graphs_query: str = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"

    def with_methods(self, query: str | None = None, update: str | None = None) -> Engine:
        """The same engine with the user's choice of transport; a method it does not know is a ValueError."""
        if query is not None and query not in QUERY_METHODS:
            raise ValueError(f"unknown query method {query!r}; choose one of {', '.join(QUERY_METHODS)}")
        if update is not None and update not in UPDATE_METHODS:
            raise ValueError(f"unknown update method {update!r}; choose one of {', '.join(UPDATE_METHODS)}")
        return replace(self, query_method=query or self.query_method, update_method=update or self.update_method)


ENGINES = {
    "oxigraph": Engine("oxigraph", {"query": "/query", "update": "/update", "store": "/store"}, "direct", "direct",
                       graphs_query="SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"),
    # Virtuoso 7.2 never answers a direct POST, writes bnodes as IRIs in JSON, answers a Graph Store POST
    # without ?graph= with an HTML help page, shows a PUT half done, and keeps its own system graphs.
    "virtuoso": Engine("virtuoso", {"query": "/sparql", "update": "/sparql", "store": "/sparql-graph-crud"},
                       "form", "form", results=SPARQL_XML, datasets=False, foreign_graphs=True, put_is_atomic=False),
    # Any other SPARQL 1.1 server: form-encoded POST is what the protocol asks every server to accept.
    "generic": Engine("generic", {"query": "/query", "update": "/update", "store": "/store"}, "form", "form"),
}


def engine_named(name: str) -> Engine:
    """The engine of a name, for --engine and $DANGJIAN_ENGINE."""
    try:
        return ENGINES[name.lower()]
    except KeyError:
        raise ValueError(f"unknown SPARQL engine {name!r}; choose auto or one of {', '.join(ENGINES)}") from None


def recognise(server_header: str) -> Engine | None:
    """The engine a `Server` response header names, if it is one we know.

    >>> recognise("Virtuoso/07.20.3229 (Linux) x86_64-pc-linux-gnu").name, recognise("Oxigraph/0.5.13").name
    ('virtuoso', 'oxigraph')
    """
    for name in ("virtuoso", "oxigraph"):
        if server_header.lower().startswith(name):
            return ENGINES[name]
    return None


def detect(http: httpx.Client, base: str) -> Engine:
    """Ask the server who it is (its `Server` header); a server that does not say is treated as generic."""
    for path in ("/sparql", "/query", "/"):
        try:
            response = http.get(base.rstrip("/") + path, params={"query": "ASK {}"}, timeout=10.0)
        except httpx.TransportError:
            break
        found = recognise(response.headers.get("server", ""))
        if found:
            return found
    return ENGINES["generic"]


def from_environment() -> tuple[str | None, str | None, str | None]:
    """$DANGJIAN_ENGINE, $DANGJIAN_QUERY_METHOD and $DANGJIAN_UPDATE_METHOD (None when unset)."""
    return tuple(os.environ.get(env) or None for env in (ENGINE_ENV, QUERY_METHOD_ENV, UPDATE_METHOD_ENV))


# Comments, PREFIX and BASE, and Virtuoso's `define name value` pragmas.
_PROLOGUE = re.compile(r'(?:\s+|#[^\n]*|PREFIX\s+[^:\s]*:\s*<[^>]*>|BASE\s*<[^>]*>|define\s+\S+\s+(?:<[^>]*>|"[^"]*"|\S+))*',
                       re.IGNORECASE)
_FORM = re.compile(r"(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


def query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the query's form, read after its prologue ("" when none is found).

    >>> query_form("PREFIX dj: <https://w3id.org/dangjian/ontology#>  # the ontology\\nconstruct WHERE { ?s ?p ?o }")
    'CONSTRUCT'
    >>> query_form("define input:default-graph-exclude <http://www.w3.org/ns/ldp#> DESCRIBE <https://e.org/x>")
    'DESCRIBE'
    """
    found = _FORM.match(sparql, _PROLOGUE.match(sparql).end())
    return found.group(1).upper() if found else ""
