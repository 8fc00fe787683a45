"""Store read failures answered as 503 "try again", never as a traceback: a load in another process may be rewriting the store."""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from dangjian.graph.store.embedded import is_snapshot_error
from dangjian.graph.store import StoreError

__all__ = ["install"]

_log = logging.getLogger("dangjian.api")
_BUSY = ("the store is being rewritten by a load in another process and could not be read; "
         "try again in a moment")


async def _answer(request: Request, error: Exception) -> JSONResponse:
    if isinstance(error, StoreError) or is_snapshot_error(error):
        request.app.state.dangjian.reopen()
        detail = str(error) if isinstance(error, StoreError) else _BUSY
        return JSONResponse({"detail": detail}, 503, headers={"Retry-After": "1"})
    _log.exception("%s %s failed", request.method, request.url.path, exc_info=error)
    return JSONResponse({"detail": f"internal error ({type(error).__name__}); please report it with the URL"}, 500)


def install(app: FastAPI) -> None:
    """Answer the store's errors (StoreError, and pyoxigraph's OSError and RuntimeError) for every route."""
    for kind in (StoreError, OSError, RuntimeError):
        app.add_exception_handler(kind, _answer)
