"""Reading a SPARQL server's answers: results and RDF into pyoxigraph objects, and telling an answer from a help page."""
from __future__ import annotations

import httpx
import pyoxigraph as ox

from dangjian.graph.store.protocol import QueryResult, StoreError

__all__ = ["parse_result", "media_type", "looks_like_a_write_answer"]

RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
# Virtuoso names blank nodes `nodeID://b10000` in XML results, which is no valid blank node label.
_VIRTUOSO_BNODE = (b"<bnode>nodeID://", b"<bnode>")


def media_type(response: httpx.Response) -> str:
    """The response's media type, lower case, without parameters."""
    return response.headers.get("content-type", "").split(";")[0].strip().lower()


def parse_result(response: httpx.Response, url: str, form: str = "") -> QueryResult:
    """Turn a response into the same pyoxigraph result objects the embedded store returns; `form` is the
    query's form (SELECT, ASK, ...)."""
    kind = media_type(response)
    if kind in RESULT_FORMATS:
        body = response.content
        if kind == "application/sparql-results+xml":
            body = body.replace(*_VIRTUOSO_BNODE)
        result = ox.parse_query_results(body, RESULT_FORMATS[kind])
        return _as_boolean(result) if form == "ASK" and isinstance(result, ox.QuerySolutions) else result
    rdf_format = ox.RdfFormat.from_media_type(kind) if kind else None
    if rdf_format is None:
        raise StoreError(f"{url} answered with {kind or 'no content type'}, which is not a SPARQL result")
    # A scratch in-memory store turns the triples into a genuine QueryTriples, as the embedded store returns.
    scratch = ox.Store()
    scratch.load(response.content, rdf_format)
    return scratch.query("CONSTRUCT WHERE { ?s ?p ?o }")


def _as_boolean(solutions: ox.QuerySolutions) -> ox.QueryBoolean:
    """Virtuoso answers ASK with one row holding 1 (or no row), in a variable `__ASK_RETVAL`."""
    rows = list(solutions)
    value = bool(rows) and rows[0][0] is not None and rows[0][0].value not in ("0", "false")
    return ox.parse_query_results(b'{"head":{},"boolean":%s}' % (b"true" if value else b"false"),
                                  ox.QueryResultsFormat.JSON)


def looks_like_a_write_answer(response: httpx.Response) -> bool:
    """A Graph Store write's answer: empty, or anything but a web page (Virtuoso answers a request it did not
    understand with its HTML help page and status 200)."""
    return not response.content.strip() or media_type(response) not in ("text/html", "application/xhtml+xml")
