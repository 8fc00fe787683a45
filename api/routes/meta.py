"""Routes under /-/: health and versions, for monitors and bug reports."""
from __future__ import annotations

import platform
from importlib import metadata

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from dangjian.api.pages import openapi_examples as ex
from dangjian.api.deps import StoreDep

router = APIRouter(prefix="/-", tags=["meta"])


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


@router.get("/health", summary="Whether the server can read its store", responses=ex.HEALTH)
async def health(store: StoreDep) -> JSONResponse:
    """`{"status": "ok"}` with 200 when a trivial query on the store succeeds, else 503 with the error."""
    try:
        await run_in_threadpool(lambda: bool(store.query("ASK { ?s ?p ?o }")))
    except Exception as error:  # any failure means unhealthy; the message goes to the monitor
        return JSONResponse({"status": "error", "store": store.location, "error": str(error)}, status_code=503)
    return JSONResponse({"status": "ok", "store": store.location})


@router.get("/version", summary="Versions of dangjian and the stack", responses=ex.VERSION)
async def version() -> JSONResponse:
    """The versions of dangjian, Python, pyoxigraph, FastAPI and uvicorn this server runs."""
    packages = ("dangjian", "pyoxigraph", "fastapi", "uvicorn")
    return JSONResponse({"python": platform.python_version(), **{p: _version(p) for p in packages}})
