"""ASGI middleware answering a repeated lookup from the answer cache before routing, validation or dependencies."""
from __future__ import annotations

from starlette.requests import Request

from dangjian.api.answer_cache import raw_key, validated

__all__ = ["CachedAnswers"]

PREFIX = "/api/entities/"


class CachedAnswers:
    """A GET of an entity's card or neighbourhood whose exact path and query string were answered in the
    current generation gets those bytes (or a 304) at once; everything else goes on to the app.

    Routing and parameter validation cost more than the lookup they guard once the answer is kept; a
    request spelled differently (parameters reordered) still meets the cache after validation.
    """

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith(PREFIX):
            await self.app(scope, receive, send)
            return
        state = scope["app"].state.dangjian
        try:
            state.store  # noqa: B018 -- reading it is what notices a load
        except Exception:  # the app answers the same failure with its own error page
            await self.app(scope, receive, send)
            return
        answer = state.answers.get(state.generation, raw_key(scope))
        if answer is None:
            await self.app(scope, receive, send)
            return
        await validated(Request(scope), *answer)(scope, receive, send)
