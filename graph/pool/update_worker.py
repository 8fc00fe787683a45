"""The writer process: holds the embedded store read-write and applies framed, pickled update requests.

Started by `dangjian.graph.pool.query_pool` as `python -m dangjian.graph.pool.update_worker STORE_DIR [MEMORY_BYTES]`
and killed when an update runs past its time limit. pyoxigraph applies an update as one transaction,
so a killed update leaves nothing behind; the next writer reopens the store.
"""
from __future__ import annotations

import pickle

from dangjian.graph.store.embedded import EmbeddedStore
from dangjian.graph.sparql.query_exec import QueryReply
from dangjian.graph.pool.query_worker import frame, read_frame, run_worker
from dangjian.graph.store import StoreError
from dangjian.graph.sparql.update_exec import apply_update


def serve(path: str, requests, replies) -> None:
    """Apply requests until the input closes, each answered with a reply (empty when it was applied).

    The store is opened at the first request, and again at the next one if another process held it.
    """
    store: EmbeddedStore | None = None
    while (payload := read_frame(requests)) is not None:
        request = pickle.loads(payload)
        try:
            store = store or EmbeddedStore(path)
        except StoreError as error:
            reply = QueryReply(error="unavailable", message=f"the update cannot be written now: {error}")
        else:
            reply = apply_update(store.update, request)
            store.oxigraph.flush()
        replies.write(frame(pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)))
        replies.flush()


if __name__ == "__main__":
    run_worker(serve)
