"""HEAD answered on every GET route: the same status and headers as GET, without the body (RFC 9110 §9.3.2)."""
from __future__ import annotations

__all__ = ["HeadAsGet"]


class HeadAsGet:
    """ASGI middleware: runs a HEAD request as GET and drops the body, so clients that probe an endpoint
    (link checkers, SPARQL clients asking for headers) get 200 instead of 405."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message) -> None:
            if message["type"] == "http.response.body":
                if not message.get("more_body", False):
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)
