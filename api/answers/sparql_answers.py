"""SPARQL query answers kept per store generation: the same GET query with the same Accept header is answered
from memory, with an ETag; repeats that send it back get 304."""
from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Request, Response

from dangjian.api.answers.answer_cache import CACHE_CONTROL, matches, request_etag
from dangjian.graph.sparql.volatile import depends_on_data_only

__all__ = ["MAX_BODY", "sparql_key", "kept_answer", "replay"]

MAX_BODY = 1 << 20  # a larger result is sent, not kept


def sparql_key(scope: dict) -> tuple:
    """The request as sent: its query string and Accept header, which together decide the answer and its format."""
    accept = next((value for name, value in scope["headers"] if name == b"accept"), b"")
    return ("sparql", scope["query_string"], accept)


def _not_modified(etag: str) -> Response:
    return Response(status_code=304, headers={"ETag": etag, "Cache-Control": CACHE_CONTROL, "Vary": "Accept"})


async def kept_answer(request: Request, state, query: str, answer: Callable[[], Awaitable[Response]]) -> Response:
    """`await answer()`, kept in `state.sparql_answers` when it is a 200 the data alone decides (see `volatile`).

    `CachedAnswers` read `state.store` before routing this request: that noticed any load and made the
    query workers reopen their snapshots, so an answer is kept under the generation it was computed
    from (and nothing is kept when the data changed meanwhile).
    """
    if not depends_on_data_only(query):
        return await answer()
    generation = state.generation
    response = await answer()
    if response.status_code != 200 or len(response.body) > MAX_BODY:
        return response
    key = sparql_key(request.scope)
    etag = request_etag(generation, key)
    response.headers["ETag"], response.headers["Cache-Control"] = etag, CACHE_CONTROL
    if state.generation == generation:
        state.sparql_answers.put(generation, (key,), (etag, response.body, tuple(response.raw_headers)))
    if matches(request.headers.get("if-none-match"), etag):
        return _not_modified(etag)
    return response


async def replay(scope, receive, send, etag: str, body: bytes, headers: tuple) -> None:
    """Send a kept answer as it was first sent, or a 304 when the client holds it."""
    sent = next((value for name, value in scope["headers"] if name == b"if-none-match"), None)
    if sent is not None and matches(sent.decode("latin-1"), etag):
        await _not_modified(etag)(scope, receive, send)
        return
    await send({"type": "http.response.start", "status": 200, "headers": list(headers)})
    await send({"type": "http.response.body", "body": body})
