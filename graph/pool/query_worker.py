"""The query worker process: opens the embedded store read-only and answers framed, pickled query requests.

Started by `dangjian.graph.pool.query_pool` as `python -m dangjian.graph.pool.query_worker STORE_DIR [MEMORY_BYTES]`;
killed when a query runs past its time limit, which is the only way to stop a pyoxigraph query. With
MEMORY_BYTES its data segment is capped (RLIMIT_DATA): a query that needs more fails to allocate and
the process ends (Rust aborts) or answers a MemoryError, and the pool starts a fresh one.
"""
from __future__ import annotations

import os
import pickle
import resource
import sys
from functools import partial

import pyoxigraph as ox

from dangjian.graph.store.embedded import is_snapshot_error, open_snapshot
from dangjian.graph.sparql.query_exec import QueryReply, execute, query_pyoxigraph
from dangjian.graph.store import StoreError

HEADER = 8
_BUSY = "the store is being rewritten by a load in another process and could not be read; try again in a moment"


def read_frame(stream) -> bytes | None:
    """One length-prefixed frame, or None at end of stream."""
    header = stream.read(HEADER)
    if len(header) < HEADER:
        return None
    return stream.read(int.from_bytes(header, "big"))


def frame(data: bytes) -> bytes:
    """`data` with its length in front."""
    return len(data).to_bytes(HEADER, "big") + data


def serve(path: str, requests, replies) -> None:
    """Answer requests until the input closes; `(request, reopen)` reopens the snapshot first.

    A query that fails because a load in another process rewrote the files under the snapshot is run
    once more on a fresh one; failing again, it is answered as unavailable for now.
    """
    store: ox.Store | None = None
    while (payload := read_frame(requests)) is not None:
        request, reopen = pickle.loads(payload)
        try:
            if store is None or reopen:
                store = open_snapshot(path)
            reply = execute(partial(query_pyoxigraph, store), request)
            if reply.error == "failed" and is_snapshot_error(reply.message):
                store = open_snapshot(path)
                reply = execute(partial(query_pyoxigraph, store), request)
            if reply.error == "failed" and is_snapshot_error(reply.message):
                reply = QueryReply(error="unavailable", message=_BUSY)
        except MemoryError:
            reply = QueryReply(error="memory", message="")
        except StoreError as error:
            store = None
            reply = QueryReply(error="unavailable", message=str(error))
        replies.write(frame(pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)))
        replies.flush()


def limit_memory(limit: int) -> None:
    """Cap the process's data segment (heap and private mappings) at `limit` bytes."""
    resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


def run_worker(serve_requests) -> None:
    """A worker's main: `STORE_DIR [MEMORY_BYTES]` from argv, the memory capped, the reply pipe (stdout) kept for
    frames only (anything printed goes to stderr), then `serve_requests(path, requests, replies)`."""
    if len(sys.argv) > 2:
        limit_memory(int(sys.argv[2]))
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    serve_requests(sys.argv[1], sys.stdin.buffer, replies)


if __name__ == "__main__":
    run_worker(serve)
