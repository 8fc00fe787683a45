"""The `Store` protocol and its two backends: embedded pyoxigraph on disk, and any SPARQL 1.1 server over HTTP
(its engines, how requests travel, reading its answers, checking its writes), plus noticing that a store changed.

May import dangjian.graph.sparql (the embedded store runs queries with it) and nothing else of the graph: no
lookups, projections or pages, which are all written against this protocol. Import the protocol from here:

    from dangjian.graph.store import Store, StoreError, open_store
"""
from dangjian.graph.store.protocol import (DEFAULT_STORE, STORE_ENV, QueryResult, Store, StoreError,
                                           StoreLockedError, open_store, store_spec)

__all__ = ["DEFAULT_STORE", "STORE_ENV", "QueryResult", "Store", "StoreError", "StoreLockedError", "open_store",
           "store_spec"]
