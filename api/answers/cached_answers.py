"""ASGI middleware answering a repeated lookup or SPARQL query from the answer cache before routing, validation
or dependencies."""
from __future__ import annotations

from starlette.requests import Request

from dangjian.api.answers.answer_cache import raw_key, validated
from dangjian.api.answers.sparql_answers import replay, sparql_key

__all__ = ["CachedAnswers", "SEEN_STORE"]

PREFIX = "/api/entities/"
SEEN_STORE = "dangjian_store"  # the store as this request found it, in the request's state


def _key(scope) -> tuple | None:
    """What a GET is kept under, or None for requests never kept."""
    if scope["type"] != "http" or scope["method"] != "GET":
        return None
    if scope["path"].startswith(PREFIX):
        return raw_key(scope)
    if scope["path"] == "/sparql" and scope["query_string"]:
        return sparql_key(scope)
    return None


class CachedAnswers:
    """A GET of an entity's card or neighbourhood, or a SPARQL query by GET, sent exactly as one answered in
    the current generation gets those bytes (or a 304) at once; everything else goes on to the app.

    Routing and parameter validation cost more than the lookup they guard once the answer is kept; a
    request spelled differently (parameters reordered) still meets the cache after validation.
    """

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        key = _key(scope)
        if key is None:
            await self.app(scope, receive, send)
            return
        state = scope["app"].state.dangjian
        try:
            # Reading it is what notices a load; kept for the route, so one request looks at the store once.
            scope.setdefault("state", {})[SEEN_STORE] = state.store
        except Exception:  # the app answers the same failure with its own error page
            await self.app(scope, receive, send)
            return
        sparql = key[0] == "sparql"
        answer = (state.sparql_answers if sparql else state.answers).get(state.generation, key)
        if answer is None:
            await self.app(scope, receive, send)
        elif sparql:
            await replay(scope, receive, send, *answer)
        else:
            await validated(Request(scope), *answer)(scope, receive, send)
