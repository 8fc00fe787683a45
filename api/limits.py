"""Request size limits enforced as bytes arrive: headers over the cap get 431, bodies over it 413, before they pile up.

Two layers. `HeaderCappedHttpTools` is the uvicorn protocol `dangjian serve` runs: it counts the
bytes of a request head as they come off the socket and answers 431 once they pass the cap, so a
10 MB header is never buffered, parsed or handed to the app. `RequestLimits` is ASGI middleware
that holds under any server: 431 for a head over the cap, 413 for a declared Content-Length over
the body cap, and 413 the moment a streamed (chunked) body passes it, before the rest is read.
"""
from __future__ import annotations

import json

from fastapi import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

__all__ = ["RequestLimits", "HeaderCappedHttpTools", "MAX_HEADER_BYTES"]

MAX_HEADER_BYTES = 32 * 1024
_HEAD_HINT = "send shorter headers (a browser with too many cookies for this host can clear them)"


def _too_large_head(size: int, limit: int) -> str:
    return f"the request line and headers take more than {limit:,} bytes ({size:,} so far); {_HEAD_HINT}"


def _too_large_body(limit: int) -> str:
    return (f"the request body is larger than {limit:,} bytes; send a shorter query, or run it with "
            f"`dangjian query` on a local store")


class RequestLimits:
    """ASGI middleware: the head of a request at most `max_header_bytes`, its body at most `max_body_bytes`."""

    def __init__(self, app: ASGIApp, *, max_header_bytes: int, max_body_bytes: int) -> None:
        self.app = app
        self.max_header_bytes = max_header_bytes
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        head = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
        head += sum(len(name) + len(value) + 4 for name, value in scope["headers"])
        if head > self.max_header_bytes:
            return await _refuse(scope, receive, send, 431, _too_large_head(head, self.max_header_bytes))
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            return await _refuse(scope, receive, send, 413, _too_large_body(self.max_body_bytes))
        await self.app(scope, self._counted(receive), send)

    def _counted(self, receive: Receive) -> Receive:
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body_bytes:  # raised inside the handler's read: answered 413 by FastAPI
                raise HTTPException(413, _too_large_body(self.max_body_bytes), headers={"Connection": "close"})
            return message
        return counted


async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, detail: str) -> None:
    await JSONResponse({"detail": detail}, status, headers={"Connection": "close"})(scope, receive, send)


class HeaderCappedHttpTools(HttpToolsProtocol):
    """uvicorn's httptools protocol, answering 431 and closing once a request head passes MAX_HEADER_BYTES."""

    max_header_bytes = MAX_HEADER_BYTES

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._head_bytes = 0
        self._in_head = True

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._head_bytes, self._in_head = 0, True

    def on_headers_complete(self) -> None:
        self._in_head = False
        super().on_headers_complete()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if not self._in_head or self.transport.is_closing():
            return
        self._head_bytes += len(data)
        if self._head_bytes > self.max_header_bytes:
            self._in_head = False
            self._send_431()

    def _send_431(self) -> None:
        body = json.dumps({"detail": _too_large_head(self._head_bytes, self.max_header_bytes)}).encode()
        self.transport.write(b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-type: application/json\r\n"
                             b"content-length: %d\r\nconnection: close\r\n\r\n%s" % (len(body), body))
        self.transport.close()
