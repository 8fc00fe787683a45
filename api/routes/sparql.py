"""The SPARQL 1.1 Protocol endpoint /sparql: queries by GET and POST, updates when enabled, the query page."""
from __future__ import annotations

import hmac
import re

import pyoxigraph as ox
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from dangjian.api.pages import openapi_examples as ex
from dangjian.api.deps import AppStateDep
from dangjian.api.pages.service_description import service_description
from dangjian.api.answers.sparql_answers import kept_answer
from dangjian.api.pages.sparql_page import query_page
from dangjian.graph.sparql.query_exec import (NotAcceptable, QueryError, QueryFailed, QueryOutOfMemory, QueryRefused,
                                      QueryRequest, QueryTimeout, QueryUnavailable, SourceFailed)
from dangjian.graph.sparql.result_formats import GRAPH, parse_accept, pick
from dangjian.graph.sparql.safety import iri
from dangjian.graph.sparql.update_exec import UpdateRequest

router = APIRouter(tags=["sparql"])

_FORM = ("application/x-www-form-urlencoded", "multipart/form-data")
_UPDATE_WORDS = re.compile(
    r"^(?:\s|#[^\n]*\n|PREFIX\s+[^:\s]*:\s*<[^>]*>|BASE\s*<[^>]*>)*"
    r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)

_QUERY_DOC = "A SPARQL 1.1 query (SELECT, ASK, CONSTRUCT or DESCRIBE)."
_FORMAT_DOC = ("Result format, overriding the Accept header: json, xml, csv, tsv (SELECT, ASK); turtle, n3, nt, "
               "nquads, trig, jsonld, rdfxml (CONSTRUCT, DESCRIBE), or media types. Repeatable, and a value may "
               "list media types separated by commas: the first that fits the result wins; when none does, "
               "the Accept header decides.")
_DEFAULT_DOC = "IRIs of named graphs whose merge is the default graph (repeatable); default: all of them."
_NAMED_DOC = "IRIs of the named graphs the query may use in GRAPH (repeatable)."


def _graphs(values: list[str]) -> tuple[str, ...] | None:
    if not values:
        return None
    try:
        for value in values:
            iri(value)
    except ValueError as error:
        raise HTTPException(400, f"not a graph IRI: {error}") from None
    return tuple(values)


# What each query error is over HTTP: a refused SERVICE or LOAD is the client's to fix (400), a failed LOAD
# source the source's (502), a stopped or unreadable query the server's for now (503).
_STATUS: tuple[tuple[type[QueryError], int, dict[str, str] | None], ...] = (
    (QueryRefused, 400, None), (NotAcceptable, 406, None), (SourceFailed, 502, None),
    (QueryTimeout, 503, {"Retry-After": "5"}), (QueryOutOfMemory, 503, None),
    (QueryUnavailable, 503, {"Retry-After": "1"}), (QueryFailed, 500, None))


def _http_error(error: QueryError) -> HTTPException:
    status, headers = next(((code, extra) for kind, code, extra in _STATUS if isinstance(error, kind)), (500, None))
    return HTTPException(status, str(error), headers=headers)


def _wants_html(request: Request) -> bool:
    ranked = parse_accept(request.headers.get("accept"))
    return bool(ranked) and ranked[0] in ("text/html", "application/xhtml+xml")


def _single(values: list[str], name: str) -> str | None:
    """The one value of a protocol parameter; the SPARQL 1.1 Protocol allows `query=` and `update=` only once."""
    if len(values) > 1:
        raise HTTPException(400, f"the request has {len(values)} {name}= parameters; send exactly one")
    return values[0] if values else None


async def _answer(state, request: Request, query: str, fmt: list[str],
                  default_graph: list[str], named_graph: list[str]) -> Response:
    settings = state.settings
    if len(query) > settings.max_query_length:
        raise HTTPException(413, f"the query has {len(query):,} characters; this server accepts at most "
                                 f"{settings.max_query_length:,}")
    sent = QueryRequest(query, tuple(parse_accept(request.headers.get("accept"))), tuple(fmt),
                        _graphs(default_graph), _graphs(named_graph), settings.row_limit, settings.services)
    try:
        reply = (await state.runner.run(sent)).unwrap()
    except SyntaxError as error:
        if _UPDATE_WORDS.match(query):
            if not settings.updates_enabled:
                raise HTTPException(403, "this server is read-only: SPARQL updates are disabled") from None
            raise HTTPException(400, "this is an update: send it as `update=` or application/sparql-update") from None
        raise HTTPException(400, f"malformed query: {error}") from None
    except QueryError as error:
        raise _http_error(error) from None
    headers = {"Dangjian-Rows": str(reply.rows), "Dangjian-Row-Limit": str(settings.row_limit),
               "Vary": "Accept"}
    if reply.truncated:
        headers["Dangjian-Truncated"] = "true"
    return Response(reply.body, media_type=reply.media_type, headers=headers)


async def _update(state, request: Request, update: str) -> Response:
    settings = state.settings
    if not settings.updates_enabled:
        raise HTTPException(403, "this server is read-only: SPARQL updates are disabled (an administrator can "
                                 "start it with `dangjian serve --allow-updates` and a token in DANGJIAN_UPDATE_TOKEN)")
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), settings.update_token.encode()):
        raise HTTPException(401, "updates need the server's bearer token: Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})
    if len(update) > settings.max_query_length:
        raise HTTPException(413, f"the update is longer than {settings.max_query_length:,} characters")
    try:
        (await state.runner.update(UpdateRequest(update, settings.services, settings.loads))).unwrap()
    except SyntaxError as error:
        raise HTTPException(400, f"malformed update: {error}") from None
    except QueryError as error:
        raise _http_error(error) from None
    state.reopen()
    state.store_changed()
    return Response(status_code=204)


def _description(state, request: Request, fmt: list[str]) -> Response:
    chosen = pick(GRAPH, parse_accept(request.headers.get("accept")), fmt)
    if chosen is None:
        raise HTTPException(406, "the service description is RDF: send an Accept header with text/turtle, "
                                 "application/ld+json, … (or none)")
    triples = service_description(str(request.url_for("sparql_get")), updates=state.settings.updates_enabled)
    body = ox.serialize(triples, format=chosen.ox_format, prefixes={"sd": "http://www.w3.org/ns/sparql-service-description#"}
                        if chosen.name in ("turtle", "trig") else None)
    return Response(body, media_type=chosen.content_type)


def _parameter(name: str, description: str, example: object, array: bool = True) -> dict:
    schema = {"type": "array", "items": {"type": "string"}} if array else {"type": "string"}
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema,
            "example": example, **({"style": "form", "explode": True} if array else {})}


# Declared for the schema only: the handler reads the query string itself, sparing every query the
# validation FastAPI would run on four parameters (a query of a few KB costs more to validate than to parse).
_GET_PARAMETERS = {"parameters": [
    _parameter("query", _QUERY_DOC, ex.SPARQL_QUERY, array=False),
    _parameter("format", _FORMAT_DOC, ["csv"]),
    _parameter("default-graph-uri", _DEFAULT_DOC, ["https://w3id.org/dangjian/graph/gazetteer"]),
    _parameter("named-graph-uri", _NAMED_DOC, ["https://w3id.org/dangjian/graph/gazetteer"])]}


@router.get("/sparql", name="sparql_get", summary="SPARQL query by GET; the query page; the service description",
            openapi_extra=_GET_PARAMETERS,
            responses={**ex.SPARQL_RESPONSES, 204: {"description": "Never sent by GET."}})
async def sparql_get(request: Request) -> Response:
    """Runs `query` (SPARQL 1.1 Protocol) and answers in the format the Accept header or `format` asks for.
    The default graph is the union of all named graphs unless the query (FROM) or `default-graph-uri` says
    otherwise. Without a query, a browser gets the query page and other clients the service description.
    A result cut at the row limit carries `Dangjian-Truncated: true`; every result carries `Dangjian-Rows`.
    Two `query=` parameters get 400. A result the data alone decides (no NOW, RAND, UUID, STRUUID, BNODE,
    SERVICE) carries an ETag and is kept until the data changes: the same request is answered from memory,
    and one that sends the ETag back in If-None-Match gets 304."""
    state, params = request.app.state.dangjian, request.query_params
    query = _single(params.getlist("query"), "query")
    format = params.getlist("format")
    if query is None:
        if _wants_html(request) and not format:
            return HTMLResponse(query_page(state.settings))
        return _description(state, request, format)
    if _wants_html(request) and not format:
        return HTMLResponse(query_page(state.settings, query))
    return await kept_answer(request, state, query, lambda: _answer(
        state, request, query, format, params.getlist("default-graph-uri"), params.getlist("named-graph-uri")))


_POST_BODY = {"requestBody": {"required": True, "content": {
    "application/sparql-query": {"schema": {"type": "string"}, "example": ex.SPARQL_QUERY},
    "application/sparql-update": {"schema": {"type": "string"},
                                  "example": "INSERT DATA { GRAPH <https://w3id.org/dangjian/graph/file/notes> "
                                             "{ <https://w3id.org/dangjian/id/org/示例> <http://www.w3.org/2000/01/"
                                             "rdf-schema#label> \"示例\"@zh } }"},
    "application/x-www-form-urlencoded": {
        "schema": {"type": "object", "properties": {
            "query": {"type": "string", "description": _QUERY_DOC},
            "update": {"type": "string", "description": "A SPARQL 1.1 update (only when updates are enabled)."},
            "format": {"type": "string", "description": _FORMAT_DOC},
            "default-graph-uri": {"type": "array", "items": {"type": "string"}, "description": _DEFAULT_DOC},
            "named-graph-uri": {"type": "array", "items": {"type": "string"}, "description": _NAMED_DOC}}},
        "example": {"query": ex.SPARQL_QUERY, "format": "json"}}}}}


@router.post("/sparql", summary="SPARQL query or update by POST", openapi_extra=_POST_BODY,
             responses={**ex.SPARQL_RESPONSES, 204: {"description": "The update was applied."},
                        401: {"description": "An update without the right bearer token."},
                        415: {"description": "A body that is neither a query, an update nor a form."}})
async def sparql_post(request: Request, state: AppStateDep) -> Response:
    """A query as `application/sparql-query`, an update as `application/sparql-update`, or either as a form
    (`query=` or `update=`). Graph IRIs come from the form or, for a direct body, from the URL's query string.
    Updates get 403 unless the server runs with updates enabled, then need `Authorization: Bearer <token>`.
    A body larger than four times the longest query is refused with 413 as soon as that many bytes arrived."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    params = request.query_params
    if content_type in ("application/sparql-query", "application/sparql-update"):
        text = (await request.body()).decode("utf-8", errors="replace")
        if content_type == "application/sparql-update":
            return await _update(state, request, text)
        return await _answer(state, request, text, params.getlist("format"), params.getlist("default-graph-uri"),
                             params.getlist("named-graph-uri"))
    if content_type not in _FORM:
        raise HTTPException(415, "send application/sparql-query, application/sparql-update or a form with query=")
    form = await request.form()
    update = _single([str(v) for v in form.getlist("update")], "update")
    query = _single([str(v) for v in form.getlist("query")], "query")
    if update is not None:
        return await _update(state, request, update)
    if query is None:
        raise HTTPException(400, "the form has neither query= nor update=")
    fmt = [str(v) for v in form.getlist("format")] or params.getlist("format")
    return await _answer(state, request, query, fmt,
                         [str(v) for v in form.getlist("default-graph-uri")] or params.getlist("default-graph-uri"),
                         [str(v) for v in form.getlist("named-graph-uri")] or params.getlist("named-graph-uri"))
