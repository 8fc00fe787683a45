"""Routes under /api/articles and /api/stats: the loaded articles, one article's facts, summary counts."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from dangjian.api.pages import openapi_examples as ex
from dangjian.api.deps import AppStateDep, ArticleIRI, StoreDep
from dangjian.graph.lookup.lookup import article_facts, list_articles, stats_summary

router = APIRouter(prefix="/api", tags=["articles"])
# Far beyond any corpus, and small enough for every store's OFFSET (oxigraph refuses 10^15 as a syntax error).
MAX_OFFSET = 10_000_000


@router.get("/articles", summary="The loaded articles", responses=ex.ARTICLES)
async def articles(
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=1000, description="Articles per page.", examples=[100])] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="How many to skip.", examples=[0])] = 0,
) -> JSONResponse:
    """Articles newest first, with title, date, source and URL, a page at a time; `total` counts them all."""
    return JSONResponse(await run_in_threadpool(list_articles, store, limit=limit, offset=offset))


@router.get("/articles/{id:path}", summary="One article with the facts extracted from it", responses=ex.ARTICLE)
async def article(store: StoreDep, article: ArticleIRI) -> JSONResponse:
    """The article (title, date, source, URL, authors, its named graph), the entities it mentions with
    mention counts, and the facts stated in it, each with its evidence sentences."""
    found = await run_in_threadpool(article_facts, store, article)
    if found is None:
        raise HTTPException(404, f"no article {article} in the graph")
    return JSONResponse(found)


@router.get("/stats", summary="Counts per class, street, district and month", responses=ex.STATS)
async def stats(state: AppStateDep) -> JSONResponse:
    """Entities per class; communities and events per street and per district (with their parents); articles
    and events per month."""
    return JSONResponse(await state.derived("summary", stats_summary))
