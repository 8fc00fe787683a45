"""Shared dependencies of the route handlers, as Annotated aliases.

They are `async def` on purpose: FastAPI runs a plain `def` dependency in its thread pool, a
thread hop per request that cost about a third of a neighbourhood lookup's time.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Path, Request

from dangjian.api.answers.cached_answers import SEEN_STORE
from dangjian.api.settings import Settings
from dangjian.graph.pool.query_pool import ProcessPool, ThreadRunner
from dangjian.graph.sparql.safety import article_iri, entity_iri
from dangjian.graph.store import Store

__all__ = ["StoreDep", "SettingsDep", "RunnerDep", "EntityIRI", "ArticleIRI", "AppStateDep"]


async def _state(request: Request):
    return request.app.state.dangjian


async def _store(request: Request) -> Store:
    seen = request.scope.get("state", {}).get(SEEN_STORE)  # CachedAnswers looked already: a scandir less
    return seen if seen is not None else request.app.state.dangjian.store


async def _settings(request: Request) -> Settings:
    return request.app.state.dangjian.settings


async def _runner(request: Request) -> ProcessPool | ThreadRunner:
    return request.app.state.dangjian.runner


_ID_DOC = ("The entity's IRI or its local part under `https://w3id.org/dangjian/id/` "
           "(slashes allowed), e.g. `place/320507103004` or `org/南京银行`.")


async def _entity(id: Annotated[str, Path(description=_ID_DOC, examples=["party-org/蠡口社区党委"])]) -> str:
    try:
        return entity_iri(id)
    except ValueError as error:
        raise HTTPException(422, f"not a valid entity id: {error}") from None


async def _article(id: Annotated[str, Path(description="The article's IRI or its 16-hex hash.",
                                      examples=["3f1c0e9a2b7d4c55"])]) -> str:
    try:
        return article_iri(id)
    except ValueError as error:
        raise HTTPException(422, f"not a valid article id: {error}") from None


AppStateDep = Annotated[object, Depends(_state)]
StoreDep = Annotated[Store, Depends(_store)]
SettingsDep = Annotated[Settings, Depends(_settings)]
RunnerDep = Annotated[ProcessPool | ThreadRunner, Depends(_runner)]
EntityIRI = Annotated[str, Depends(_entity)]
ArticleIRI = Annotated[str, Depends(_article)]
