"""Applying one SPARQL update with the server's checks; the same code runs in the writer process or a thread.

Before anything is written the update is parsed for what it would fetch: a LOAD source or a SERVICE
endpoint not on the server's allow-lists refuses the whole update.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dangjian.graph.sparql.query_exec import QueryReply
from dangjian.graph.sparql.reach import ReachRefused, check_reach

__all__ = ["UpdateRequest", "apply_update"]


@dataclass(frozen=True)
class UpdateRequest:
    """An update and the sources it may fetch; plain data, so it can cross a process boundary."""

    update: str
    services: tuple[str, ...] = ()  # endpoints SERVICE may call
    loads: tuple[str, ...] = ()  # sources LOAD may fetch


def apply_update(run_update: Callable[[str], None], request: UpdateRequest) -> QueryReply:
    """Check `request` and run it with `run_update`; an empty reply, or the kind and message of the error.

    A failure while a LOAD fetches is the source's ("source"), any other the store's ("failed").
    """
    try:
        found = check_reach(request.update, services=request.services, loads=request.loads, update=True)
    except ReachRefused as error:
        return QueryReply(error="refused", message=str(error))
    try:
        run_update(request.update)
    except SyntaxError as error:
        return QueryReply(error="syntax", message=str(error))
    except (OSError, RuntimeError, ValueError) as error:
        if found.loads:
            return QueryReply(error="source", message=f"LOAD could not fetch its source: {error}")
        return QueryReply(error="failed", message=f"the update failed: {error}")
    return QueryReply()
