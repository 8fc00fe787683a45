"""`create_app(store, settings=...)`: the FastAPI application over one store; nothing is built at import."""
from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from dangjian.api import store_errors
from dangjian.api.answers.cached_answers import CachedAnswers
from dangjian.api.head_requests import HeadAsGet
from dangjian.api.limits import MAX_HEADER_BYTES, RequestLimits
from dangjian.api.pages import docs_page
from dangjian.api.routes import articles, entities, graph_page, meta, sparql
from dangjian.api.settings import Settings
from dangjian.api.state import AppState
from dangjian.graph.lookup.label_index import LabelIndex
from dangjian.graph.store import Store

__all__ = ["create_app"]

DESCRIPTION = """\
The dangjian knowledge graph of community party-building (社区党建) news, over HTTP.

* **`/sparql`**: a SPARQL 1.1 Protocol endpoint (GET or POST; JSON, XML, CSV, TSV results; Turtle,
  N-Triples, N-Quads, TriG, JSON-LD, RDF/XML graphs). Read-only unless started with updates enabled.
  A browser opening it gets a query page with the competency questions as examples.
* **`/api/…`**: JSON lookups: entity search, entity cards with sources, neighbourhoods as node-link JSON,
  articles with their facts, summary counts.
* **`/-/health`**, **`/-/version`**.
"""
# The routers in the order their routes are matched (and listed in /docs): one module per resource.
ROUTERS = (meta, sparql, entities, articles, docs_page, graph_page)


def create_app(store: Store, *, settings: Settings | None = None) -> FastAPI:
    """The app serving `store`; `settings` default to the DANGJIAN_* environment (read-only, 10 s, 10,000 rows).

    >>> import shutil, tempfile
    >>> from dangjian.graph.store import open_store
    >>> folder = tempfile.mkdtemp()
    >>> store = open_store(folder)
    >>> create_app(store).title
    'dangjian'
    >>> store.close(); shutil.rmtree(folder)
    """
    state = AppState(store, settings or Settings.from_env())

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        await state.runner.start()
        # Build the search index now, in the background, so the first search need not wait for it.
        warm = asyncio.ensure_future(state.derived("labels", LabelIndex.build))
        yield
        warm.cancel()
        await state.runner.close()

    app = FastAPI(title="dangjian", description=DESCRIPTION, version=_version(), lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    app.state.dangjian = state
    store_errors.install(app)
    app.add_middleware(CachedAnswers)  # innermost: limits, HEAD and CORS apply to cached answers too
    app.add_middleware(RequestLimits, max_header_bytes=MAX_HEADER_BYTES, max_body_bytes=settings_body(state.settings))
    app.add_middleware(HeadAsGet)
    if state.settings.cors_origins:
        app.add_middleware(CORSMiddleware, **cors_options(state.settings.cors_origins))
    for module in ROUTERS:
        app.include_router(module.router)
    _declare_string_details(app)
    static = resources.files("dangjian.api") / "static"
    app.mount("/-/static", StaticFiles(directory=str(static)), name="static")
    return app


def _declare_string_details(app: FastAPI) -> None:
    """Say in the OpenAPI schema what 422s carry: FastAPI's list of field errors, or our one-line message
    (`not a valid entity id: …`), so clients and schema checks know both."""
    build = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            schema = build()
            fields = schema.get("components", {}).get("schemas", {}).get("HTTPValidationError", {})
            if "detail" in fields.get("properties", {}):
                listed = fields["properties"]["detail"]
                fields["properties"]["detail"] = {"anyOf": [listed, {"type": "string"}], "title": "Detail"}
        return app.openapi_schema
    app.openapi = openapi


def cors_options(origins: tuple[str, ...]) -> dict:
    """What browsers on `origins` may do: query and update (with the bearer token), and read our headers."""
    return dict(allow_origins=list(origins), allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
                allow_headers=["Accept", "Content-Type", "Authorization"],
                expose_headers=["Dangjian-Rows", "Dangjian-Row-Limit", "Dangjian-Truncated", "Retry-After"],
                max_age=3600)


def settings_body(settings: Settings) -> int:
    """The largest request body: a query or update of the longest length, form-encoded (up to 3 bytes a
    character, as %XX), with room for the other form fields."""
    return settings.max_query_length * 4


def _version() -> str:
    from importlib import metadata
    try:
        return metadata.version("dangjian")
    except metadata.PackageNotFoundError:
        return "0"
