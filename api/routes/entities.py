"""Routes under /api/entities: search by name, an entity's card, its neighbourhood."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from dangjian.api.pages import openapi_examples as ex
from dangjian.api.answers.answer_cache import cached_json
from dangjian.api.deps import AppStateDep, EntityIRI, StoreDep
from dangjian.graph.lookup.label_index import LabelIndex
from dangjian.graph.lookup.lookup import entity_card, entity_exists, neighbourhood, search_entities
from dangjian.graph.lookup.neighbourhood import MAX_HOPS, MAX_NODES
from dangjian.graph.lookup.search import MAX_QUERY_CHARS
from dangjian.ontology import CORE_CLASSES

router = APIRouter(prefix="/api/entities", tags=["entities"])

ClassName = Literal[CORE_CLASSES]  # type: ignore[valid-type]


def _split(values: list[str]) -> list[str]:
    """`a,b` and repeated parameters alike."""
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


@router.get("", summary="Search entities by name", responses=ex.SEARCH)
async def search(
    store: StoreDep, state: AppStateDep,
    q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS, description="Part of a name (label or "
                            "alternative label); case-insensitive.", examples=["蠡口"])],
    type: Annotated[ClassName | None, Query(description="Only entities of this class.", examples=["Community"])] = None,
    limit: Annotated[int, Query(ge=1, le=100, description="At most this many hits.", examples=[20])] = 20,
) -> JSONResponse:
    """Entities whose label or alternative label contains `q`: exact matches first, then names that start
    with `q`, then the rest, shorter names first. Each hit has its type, parent place or organization and a
    short description."""
    index = await state.derived("labels", LabelIndex.build)
    try:
        hits = search_entities(store, q, type=type, limit=limit, index=index)
    except ValueError as error:
        raise HTTPException(422, str(error)) from None
    return JSONResponse(hits)


@router.get("/{id:path}/neighbourhood", summary="An entity's neighbourhood as node-link JSON",
            responses=ex.NEIGHBOURHOOD)
async def entity_neighbourhood(
    request: Request, store: StoreDep, state: AppStateDep, entity: EntityIRI,
    hops: Annotated[int, Query(ge=1, le=MAX_HOPS, description="How far to go: 1 to 3 links.", examples=[1])] = 1,
    types: Annotated[list[str], Query(description="Keep only neighbours of these classes (repeat the parameter "
                                      "or separate with commas).", examples=[["Community", "Event"]])] = [],
    predicates: Annotated[list[str], Query(description="Follow only these links (`partOf`, `dj:organizer`, or "
                                           "full IRIs).", examples=[["partOf", "hostUnit"]])] = [],
    limit: Annotated[int, Query(ge=1, le=MAX_NODES, description="At most this many nodes; `graph.truncated` "
                                "says when the cap cut.", examples=[200])] = 200,
) -> Response:
    """Nodes (IRI, id, label, type, hop) and links (source, target, predicate, label) within `hops` links of
    the entity, in node-link form (`nodes`, `links`; node key `iri`). Provenance nodes are left out.
    Answers carry an ETag: send it back in If-None-Match to get a 304 while the graph is unchanged."""
    args = dict(hops=hops, types=_split(types), predicates=_split(predicates), limit=limit)

    async def compute() -> dict:
        try:
            if hops == 1:
                found = neighbourhood(store, entity, **args)
            else:
                found = await run_in_threadpool(neighbourhood, store, entity, **args)
        except ValueError as error:
            raise HTTPException(422, str(error)) from None
        # A lone node with no label and no type may not exist at all: only then ask the store.
        lone = found["nodes"][0]
        if not found["links"] and lone["label"] is None and lone["type"] is None and not entity_exists(store, entity):
            raise HTTPException(404, f"no entity {entity} in the graph")
        return found

    key = ("neighbourhood", entity, hops, tuple(args["types"]), tuple(args["predicates"]), limit)
    return await cached_json(request, state, key, compute)


@router.get("/{id:path}", summary="An entity's card", responses=ex.CARD)
async def card(request: Request, store: StoreDep, state: AppStateDep, entity: EntityIRI,
               lang: Annotated[Literal["zh", "en"], Query(description="Language of the property and class names.")]
               = "zh") -> Response:
    """Types, label, alternative labels, codes, every property with labelled values, incoming links (grouped
    by property, with counts) and sources: each article that mentions the entity or states a fact about it,
    with its title, date, URL and the evidence sentences. Answers carry an ETag, as neighbourhoods do."""
    async def compute() -> dict:
        found = entity_card(store, entity, lang=lang)
        if found is None:
            raise HTTPException(404, f"no entity {entity} in the graph")
        return found

    return await cached_json(request, state, ("card", entity, lang), compute)
