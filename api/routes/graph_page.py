"""Routes of the graph page: `/graph`, its assets, and the JSON it draws (`/api/graph/…`, `/api/analytics`)."""
from __future__ import annotations

import io
from typing import Annotated, Literal

import networkx as nx
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field

from dangjian.api.pages import openapi_examples as ex
from dangjian.api.answers.answer_cache import encode, not_modified, request_etag, unchanged, validated
from dangjian.api.deps import AppStateDep, StoreDep
from dangjian.graph.network.analytics import analytics_tables
from dangjian.graph.network.exchange import write_gexf, write_graphml
from dangjian.graph.network.projection import NODE_CLASSES
from dangjian.graph.viz.page_text import page_lang
from dangjian.graph.network.projection_cache import ProjectionCache
from dangjian.graph.network.tables import tables_to_csv, to_csv
from dangjian.graph.viz.page import ASSETS, FILTER_PLACES, PageLinks, build_page, payload, select
from dangjian.graph.viz.timeline import timeline
from dangjian.graph.viz.select import DEFAULT_CAP, MAX_CAP, Filters, find_node

router = APIRouter(tags=["graph page"])
projections = ProjectionCache()

Lang = Annotated[str, Query(description="Interface language: `zh` (default) or `en`.", examples=["en"])]
Focus = Annotated[str | None, Query(description="Open on this entity's neighbourhood: its IRI, local id or name.",
                                    examples=["place/320507103004"])]
Hops = Annotated[int, Query(ge=1, le=3, description="Neighbourhood size in links, with `focus`.")]
Limit = Annotated[int, Query(ge=1, le=MAX_CAP, description="At most this many nodes; the page says what it left out.")]
Place = Annotated[str | None, Query(description="Only what belongs to or works in this street or district "
                                    "(IRI, local id or name).", examples=["元和街道"])]
Types = Annotated[str | None, Query(description="Only these classes, comma-separated.",
                                    examples=["Community,PartyOrganization,Organization"])]
From = Annotated[str | None, Query(alias="from", pattern=r"^\d{4}-\d{2}-\d{2}$",
                                   description="Events on or after this date (YYYY-MM-DD).")]
To = Annotated[str | None, Query(alias="to", pattern=r"^\d{4}-\d{2}-\d{2}$",
                                 description="Events on or before this date (YYYY-MM-DD).")]


def _links(request: Request) -> PageLinks:
    root = request.scope.get("root_path", "").rstrip("/")
    return PageLinks(static=f"{root}/graph/static/", api=f"{root}/api", page=f"{root}/graph")


def _filters(G: nx.MultiDiGraph, types: str | None, place: str | None, date_from: str | None,
             date_to: str | None) -> Filters:
    wanted = frozenset(t.strip() for t in (types or "").split(",") if t.strip())
    unknown = sorted(wanted - set(NODE_CLASSES))
    if unknown:
        raise HTTPException(422, f"unknown class {unknown[0]!r}; use some of: {', '.join(NODE_CLASSES)}")
    where = find_node(G, place, FILTER_PLACES) if place else None
    if place and where is None:
        raise HTTPException(404, f"no street or district {place!r} in the graph")
    return Filters(wanted, where, date_from, date_to)


def _centre(G: nx.MultiDiGraph, focus: str | None) -> str | None:
    """The node `focus` names (IRI, local id or exact name); it is only looked up, never put in a query."""
    if not focus:
        return None
    found = find_node(G, focus)
    if found is None:
        raise HTTPException(404, f"no entity {focus!r} in the graph; search for it at /api/entities?q=…")
    return found


@router.get("/graph", response_class=HTMLResponse, summary="The interactive graph page", responses=ex.GRAPH_PAGE)
def graph_page(request: Request, store: StoreDep, state: AppStateDep, lang: Lang = "zh", focus: Focus = None, hops: Hops = 1,
               limit: Limit = DEFAULT_CAP, place: Place = None, types: Types = None,
               date_from: From = None, date_to: To = None) -> HTMLResponse:
    """The graph page: an overview capped at `limit` nodes (or the neighbourhood of `focus`), a search box,
    filters by class, place and event date, and a card for each entity. Every asset is served by this app."""
    G = projections.graph(store, state.generation)
    html = build_page(G, lang=page_lang(lang), centre=_centre(G, focus), hops=hops, cap=limit,
                      filters=_filters(G, types, place, date_from, date_to), links=_links(request))
    return HTMLResponse(html)


@router.get("/graph/static/{name}", summary="The graph page's scripts and styles", include_in_schema=False)
def graph_asset(name: str) -> FileResponse:
    """vis-network (from pyvis's package) and the page's own script and style; nothing else."""
    path = ASSETS.get(name)
    if path is None:
        raise HTTPException(404, f"no asset {name}")
    media = "text/javascript" if name.endswith(".js") else "text/css"
    return FileResponse(path, media_type=f"{media}; charset=utf-8", headers={"Cache-Control": "max-age=3600"})


@router.get("/api/graph/overview", summary="Nodes and edges for the graph page", responses=ex.GRAPH_PAGE)
def graph_overview(request: Request, store: StoreDep, state: AppStateDep, lang: Lang = "zh", focus: Focus = None,
                   hops: Hops = 1, limit: Limit = DEFAULT_CAP, place: Place = None, types: Types = None,
                   date_from: From = None, date_to: To = None) -> Response:
    """vis-network nodes (with positions, class, streets, districts, event date) and edges (predicate label as
    `title`), the overview or a neighbourhood, and a `note` saying what the cap left out. With an ETag: a
    repeat sending it in If-None-Match gets a 304 while the graph is unchanged."""
    generation = state.generation
    etag = request_etag(generation, ("overview", lang, focus, hops, limit, place, types, date_from, date_to))
    if not_modified(request, etag):  # the same request in the same generation: the answer the client holds
        return unchanged(etag)
    G = projections.graph(store, generation)
    chosen = select(G, centre=_centre(G, focus), hops=hops, cap=limit,
                    filters=_filters(G, types, place, date_from, date_to))
    return validated(request, etag, encode(payload(G, chosen, page_lang(lang))))


@router.get("/api/graph/timeline", summary="One unit's events in date order, for the page's timeline strip",
            responses=ex.GRAPH_PAGE)
def graph_timeline(store: StoreDep, focus: Annotated[str, Query(min_length=1, examples=["蠡口社区"],
                                                                description="The unit: IRI, local id or name.")],
                   lang: Lang = "zh") -> JSONResponse:
    """The events linked to the unit (or to the party organization set up in it), dated ones by date,
    undated ones last: `id`, `label`, `date` as the graph has it, `day` (its first day) and the unit's `role`."""
    G = projections.graph(store)
    return JSONResponse(timeline(G, _centre(G, focus), page_lang(lang)))


class NodeIds(BaseModel):
    """Entity IRIs to describe."""

    ids: list[str] = Field(max_length=MAX_CAP, examples=[["https://w3id.org/dangjian/id/place/320507103004"]])


NODES_EXAMPLE = {"https://w3id.org/dangjian/id/place/320507/元和街道/蠡口社区": {
    "cls": "Community", "streets": ["元和街道"], "districts": ["相城区"], "date": None}}


@router.post("/api/graph/nodes", summary="Streets, districts and dates of entities, for the page's filters",
             responses={200: {"description": "What is known of each IRI; unknown ones are left out.",
                              "content": {"application/json": {"example": NODES_EXAMPLE}}}})
def graph_nodes(store: StoreDep, state: AppStateDep, body: NodeIds) -> JSONResponse:
    """For each known IRI: class, the streets and districts it belongs to or works in, and an event's date."""
    G = projections.graph(store, state.generation)
    found = {}
    for iri in body.ids:
        if iri in G:
            data = G.nodes[iri]
            found[iri] = {"cls": data["type"], "streets": sorted(data.get("streets", ())),
                          "districts": sorted(data.get("districts", ())), "date": data.get("date")}
    return JSONResponse(found)


@router.get("/api/analytics", summary="Network analytics: centrality, components, clusters, bridges",
            response_model=None, responses=ex.ANALYTICS)
async def analytics(request: Request, store: StoreDep, state: AppStateDep,
                    format: Annotated[Literal["json", "csv"], Query(description="`json` or `csv`.")] = "json",
                    table: Annotated[str | None, Query(description="Only this table (with csv: a plain CSV file).",
                                                       examples=["centrality"])] = None,
                    top: Annotated[int, Query(ge=1, le=1000, description="Rows per class or list.")] = 10,
                    ) -> Response:
    """Degree and betweenness centrality per class, connected components, Louvain clusters of the
    co-organization network, the community–partner projections and the entities bridging streets. With an
    ETag, as the overview has."""
    generation = state.generation
    etag = request_etag(generation, ("analytics", format, table, top))
    if not_modified(request, etag):
        return unchanged(etag)
    results = await run_in_threadpool(projections.analytics, store, generation)
    tables = analytics_tables(results, top)
    if table is not None:
        tables = [t for t in tables if t.name == table]
        if not tables:
            names = ", ".join(t.name for t in analytics_tables(results, 1))
            raise HTTPException(404, f"no table {table!r}; use one of: {names}")
    if format == "csv":
        text = to_csv(tables[0]) if table else tables_to_csv(tables)
        return validated(request, etag, text.encode(), "text/csv; charset=utf-8")
    return validated(request, etag, encode({t.name: t.records() for t in tables}))


@router.get("/api/graph/export", summary="The projected graph as GraphML or GEXF, for Gephi and Cytoscape",
            responses=ex.EXPORT)
def graph_export(store: StoreDep, state: AppStateDep,
                 format: Annotated[Literal["graphml", "gexf"], Query(description="`graphml` or `gexf`.",
                                                                     examples=["gexf"])]) -> Response:
    """Entities as typed, labelled nodes and their links as edges; in GEXF, events carry their dates."""
    buffer = io.BytesIO()
    (write_graphml if format == "graphml" else write_gexf)(projections.graph(store, state.generation), buffer)
    media = "application/graphml+xml" if format == "graphml" else "application/gexf+xml"
    return Response(buffer.getvalue(), media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="dangjian.{format}"'})
